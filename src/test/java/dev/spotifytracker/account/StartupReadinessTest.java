package dev.spotifytracker.account;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.DatabaseCleaner;
import dev.spotifytracker.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service started with {@code SPOTIFY_REFRESH_TOKEN} against a Spotify that is slow
 * to answer: while the token take-over waits, the service is up but not ready, and says
 * so to its health check and to the job API.
 */
class StartupReadinessTest {

	private static final String API_TOKEN = "a-job-api-token-of-at-least-32-characters";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final CountDownLatch spotifyAnswers = new CountDownLatch(1);

	private final ExecutorService starter = Executors.newSingleThreadExecutor();

	private SpotifySimulator spotify;

	private CompletableFuture<ConfigurableApplicationContext> service;

	private int port;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase database = TestDatabase.get();
		DatabaseCleaner
			.clean(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
		this.spotify = SpotifySimulator.start();
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
	}

	@AfterEach
	void tearDown() throws Exception {
		this.spotifyAnswers.countDown();
		if (this.service != null) {
			this.service.get(2, TimeUnit.MINUTES).close();
		}
		this.starter.shutdown();
		this.spotify.close();
	}

	@Test
	void theServiceIsReadyOnlyOnceTheRefreshTokenIsTakenOver() throws Exception {
		this.spotify.addUser("alice", "Alice Example");
		String token = this.spotify.issueRefreshToken("alice");
		this.spotify.faults().holdNext(1, this.spotifyAnswers);

		this.service = CompletableFuture.supplyAsync(() -> start(token), this.starter);
		await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> get("/actuator/health") != null);

		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> early = startLibraryJob();
		assertThat(this.service).as("the take-over still waits for Spotify").isNotDone();
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("OUT_OF_SERVICE");
		assertThat(early.statusCode()).isEqualTo(503);
		assertThat(early.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(early.body()).doesNotContain("No account");

		this.spotifyAnswers.countDown();
		this.service.get(2, TimeUnit.MINUTES);

		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(startLibraryJob().statusCode()).isEqualTo(202);
	}

	private ConfigurableApplicationContext start(String refreshToken) {
		TestDatabase database = TestDatabase.get();
		// arguments outrank whatever the developer's shell holds
		return new SpringApplicationBuilder(SpotifyTrackerApplication.class).run("--server.port=" + this.port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--tracker.database.url=",
				"--tracker.database.host=", "--tracker.database.port=", "--tracker.database.name=",
				"--tracker.database.user=", "--tracker.database.password=",
				"--tracker.spotify.api-base-url=" + this.spotify.baseUrl(),
				"--tracker.spotify.accounts-base-url=" + this.spotify.baseUrl(),
				"--tracker.spotify.client-id=" + this.spotify.clientId(),
				"--tracker.spotify.client-secret=" + this.spotify.clientSecret(), "--tracker.spotify.redirect-uri=",
				"--tracker.spotify.refresh-token=" + refreshToken, "--tracker.security.api-token=" + API_TOKEN,
				"--tracker.security.allowed-users=", "--tracker.jobs.schedules-enabled=false");
	}

	private HttpResponse<String> startLibraryJob() throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/jobs/library"))
			.header("Authorization", "Bearer " + API_TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
