package dev.spotifytracker.library;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a PostgreSQL of its own that is stopped in the middle of a library
 * run and started again on the same folder and port, as a database restart does: the
 * health check says DOWN during the outage (and answers at once), UP again soon after,
 * the run ends failed with one sentence, and the next run stores the library exactly.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRestartTest {

	private static final String API_TOKEN = "a-job-api-token-of-at-least-32-characters";

	private static final Duration HEALTH_ANSWERS_WITHIN = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path folder;

	private int databasePort;

	private EmbeddedPostgres database;

	private SpotifySimulator spotify;

	private ConfigurableApplicationContext service;

	private int port;

	@BeforeEach
	void setUp() throws IOException {
		this.databasePort = freePort();
		this.port = freePort();
		this.database = startDatabase();
		this.spotify = SpotifySimulator.start();
	}

	@AfterEach
	void tearDown() throws IOException {
		if (this.service != null) {
			this.service.close();
		}
		this.spotify.close();
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void aRunCaughtByADatabaseRestartFailsInOneSentenceAndTheNextRunIsExact(CapturedOutput output) throws Exception {
		// given a library run midway, waiting for its second page from Spotify
		SimulatedUser alice = this.spotify.addUser("alice", "Alice")
			.generateLibrary(LibrarySpec.seed(16).likedTracks(120).plays(0));
		this.service = startService(this.spotify.issueRefreshToken("alice"));
		CountDownLatch spotifyAnswers = new CountDownLatch(1);
		this.spotify.requests().reset();
		this.spotify.faults().holdAfter(1, spotifyAnswers);
		long runId = startLibraryRun();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.spotify.requests().apiTotal() >= 1);

		// when the database stops
		this.database.close();
		this.database = null;

		// then the health check says DOWN, without waiting long for the database
		await().atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 503);
		long asked = System.nanoTime();
		HttpResponse<String> down = health();
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(HEALTH_ANSWERS_WITHIN);
		assertThat(down.body()).contains("DOWN");

		// and the run, let go by Spotify, fails on the missing database and waits to say
		// so
		spotifyAnswers.countDown();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> output.getAll()
				.contains("Run " + runId + " ended failed; recording it waits for the database to come back"));

		// when the database is back
		this.database = startDatabase();

		// then the health check is UP within 30 seconds
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> health().statusCode() == 200);
		// and the run shows failed, in one sentence without the database's own words
		await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(run(runId).path("status").asString()));
		JsonNode failed = run(runId);
		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("message").asString()).startsWith("Failed: the database could not be reached")
			.contains("see the log at")
			.doesNotContainIgnoringCase("sql")
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("\n");

		// and the next run stores the library exactly
		long next = startLibraryRun();
		await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(run(next).path("status").asString()));
		assertThat(run(next).path("status").asString()).isEqualTo("succeeded");
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
		AccountId account = new AccountId(
				jdbc.sql("select id from accounts where spotify_user_id = 'alice'").query(Long.class).single());
		assertThat(LibrarySnapshot.stored(jdbc, account)).isEqualTo(LibrarySnapshot.of(alice));
	}

	/**
	 * The same folder and port each time, so the service's pool finds it again.
	 */
	private EmbeddedPostgres startDatabase() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.folder.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setPort(this.databasePort)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.databasePort + "/postgres";
	}

	private ConfigurableApplicationContext startService(String refreshToken) {
		// arguments outrank whatever the developer's shell holds
		return new SpringApplicationBuilder(SpotifyTrackerApplication.class).run("--server.port=" + this.port,
				"--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--tracker.database.url=", "--tracker.database.host=",
				"--tracker.database.port=", "--tracker.database.name=", "--tracker.database.user=",
				"--tracker.database.password=", "--tracker.spotify.api-base-url=" + this.spotify.baseUrl(),
				"--tracker.spotify.accounts-base-url=" + this.spotify.baseUrl(),
				"--tracker.spotify.client-id=" + this.spotify.clientId(),
				"--tracker.spotify.client-secret=" + this.spotify.clientSecret(), "--tracker.spotify.redirect-uri=",
				"--tracker.spotify.refresh-token=" + refreshToken, "--tracker.security.api-token=" + API_TOKEN,
				"--tracker.security.allowed-users=", "--tracker.jobs.schedules-enabled=false");
	}

	private long startLibraryRun() throws Exception {
		HttpResponse<String> started = this.http.send(HttpRequest.newBuilder(uri("/api/jobs/library"))
			.header("Authorization", "Bearer " + API_TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return JsonMapper.shared().readTree(started.body()).path("runId").asLong();
	}

	private JsonNode run(long runId) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(uri("/api/jobs/runs/" + runId))
			.header("Authorization", "Bearer " + API_TOKEN)
			.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.shared().readTree(answer.body());
	}

	private HttpResponse<String> health() throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
