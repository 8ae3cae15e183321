package dev.spotifytracker.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.DatabaseCleaner;
import dev.spotifytracker.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two whole instances of the service, each with its own web server, sharing one database
 * and one Spotify, as when a machine is not enough or during a rolling deploy: a job runs
 * once per account across them, ShedLock placing it; a job API call to the other instance
 * answers 409 while it runs; both instances' schedules run the cycle once; and an
 * instance starting up leaves the other's live run alone.
 */
class TwoInstancesTest {

	private static final String API_TOKEN = "a-job-api-token-of-at-least-32-characters";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static SpotifySimulator spotify;

	private static JdbcClient jdbc;

	private static String refreshToken;

	private static Instance first;

	private static Instance second;

	private final CountDownLatch spotifyAnswers = new CountDownLatch(1);

	@BeforeAll
	static void twoInstancesOnOneDatabase() {
		TestDatabase database = TestDatabase.get();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
				database.password());
		DatabaseCleaner.clean(dataSource);
		jdbc = JdbcClient.create(dataSource);
		spotify = SpotifySimulator.start();
		spotify.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(21).likedTracks(60).plays(30));
		refreshToken = spotify.issueRefreshToken("alice");
		first = Instance.start(refreshToken);
		second = Instance.start(refreshToken);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		spotify.close();
	}

	@BeforeEach
	void noRunsYet() {
		jdbc.sql("delete from job_runs").update();
		jdbc.sql("delete from shedlock").update();
		spotify.faults().clear();
		spotify.requests().reset();
	}

	@AfterEach
	void letSpotifyAnswer() {
		this.spotifyAnswers.countDown();
		spotify.faults().clear();
		await().atMost(Duration.ofSeconds(60)).until(() -> runsGoing() == 0);
	}

	@Test
	void aJobStartedOnOneInstanceIsAlreadyRunningForTheOther() throws Exception {
		// given a library run started through the first instance, held by a slow Spotify
		spotify.faults().holdNext(1, this.spotifyAnswers);
		HttpResponse<String> started = first.post("/api/jobs/library");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long runId = json(started).path("runId").asLong();

		// when both instances are asked to start it again
		HttpResponse<String> onTheSecond = second.post("/api/jobs/library");
		HttpResponse<String> onTheFirst = first.post("/api/jobs/library");

		// then each answers 409 with the run that goes on, and only that run exists
		assertThat(onTheSecond.statusCode()).as(onTheSecond.body()).isEqualTo(409);
		assertThat(json(onTheSecond).path("runId").asLong()).isEqualTo(runId);
		assertThat(onTheFirst.statusCode()).as(onTheFirst.body()).isEqualTo(409);
		assertThat(runsOf("library")).isEqualTo(1);

		// and once Spotify answers, the run ends well and the job can start again,
		// anywhere
		this.spotifyAnswers.countDown();
		await().atMost(Duration.ofSeconds(60)).until(() -> runsGoing() == 0);
		assertThat(statusOf(runId)).isEqualTo("succeeded");
		assertThat(second.post("/api/jobs/library").statusCode()).isEqualTo(202);
	}

	@Test
	void callsToBothInstancesAtOnceStartOneRun() throws Exception {
		// given a Spotify slow enough that a run is still going when the calls arrive
		spotify.faults().holdNext(1, this.spotifyAnswers);

		// when the job API of both instances is called at the same moment, several times
		List<CompletableFuture<HttpResponse<String>>> calls = List.of(first.postLater("/api/jobs/library"),
				second.postLater("/api/jobs/library"), first.postLater("/api/jobs/library"),
				second.postLater("/api/jobs/library"));
		List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

		// then one call started the run and the others were told it is running
		assertThat(statuses).containsOnly(202, 409).filteredOn((status) -> status == 202).hasSize(1);
		assertThat(runsOf("library")).isEqualTo(1);
	}

	@Test
	void theCycleScheduledOnBothInstancesRunsOnceForTheAccount() throws Exception {
		// given both instances' cycle schedules firing together, with Spotify slow to
		// answer
		spotify.faults().holdNext(1, this.spotifyAnswers);
		JobSchedules onTheFirst = first.context().getBean(JobSchedules.class);
		JobSchedules onTheSecond = second.context().getBean(JobSchedules.class);

		// when both run
		CompletableFuture<Void> a = CompletableFuture.runAsync(onTheFirst::cycle);
		CompletableFuture<Void> b = CompletableFuture.runAsync(onTheSecond::cycle);
		await().atMost(Duration.ofSeconds(30)).until(() -> a.isDone() || b.isDone() || runsOf("all") > 0);
		this.spotifyAnswers.countDown();
		CompletableFuture.allOf(a, b).get(2, TimeUnit.MINUTES);

		// then the account's cycle ran once, each of its jobs once, and plays were read
		// once
		assertThat(runsOf("all")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from job_runs where trigger = 'schedule' group by job having count(*) > 1")
			.query(Long.class)
			.list()).as("a job run twice by the schedules").isEmpty();
		assertThat(runsOf("plays")).isEqualTo(1);
		assertThat(spotify.requests().count("GET /v1/me/player/recently-played")).isEqualTo(1);
	}

	@Test
	void anInstanceStartingUpLeavesTheOtherInstancesLiveRunAlone() throws Exception {
		// given a run going on the first instance
		spotify.faults().holdNext(1, this.spotifyAnswers);
		HttpResponse<String> started = first.post("/api/jobs/library");
		long runId = json(started).path("runId").asLong();

		// when a new instance starts, as in a rolling deploy, and looks for abandoned
		// runs
		try (Instance third = Instance.start(refreshToken)) {
			int endedLater = third.context().getBean(AbandonedRuns.class).sweep();

			// then the live run is still running, and the new instance knows it is
			assertThat(endedLater).isZero();
			assertThat(statusOf(runId)).isEqualTo("running");
			assertThat(third.post("/api/jobs/library").statusCode()).isEqualTo(409);
		}

		// and the run ends as it would have
		this.spotifyAnswers.countDown();
		await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(statusOf(runId)));
		assertThat(statusOf(runId)).isEqualTo("succeeded");
	}

	private static long runsOf(String job) {
		return jdbc.sql("select count(*) from job_runs where job = ?").param(job).query(Long.class).single();
	}

	private static long runsGoing() {
		return jdbc.sql("select count(*) from job_runs where status = 'running'").query(Long.class).single();
	}

	private static String statusOf(long runId) {
		return jdbc.sql("select status from job_runs where id = ?").param(runId).query(String.class).single();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	/**
	 * One instance of the service: a whole application with its own web server on a
	 * random port.
	 */
	private record Instance(ConfigurableApplicationContext context, int port) implements AutoCloseable {

		static Instance start(String refreshToken) {
			TestDatabase database = TestDatabase.get();
			// arguments outrank whatever the developer's shell holds; the schedules are
			// on
			// but fire only when a test calls them
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SpotifyTrackerApplication.class).run(
					"--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(), "--tracker.database.url=",
					"--tracker.database.host=", "--tracker.database.port=", "--tracker.database.name=",
					"--tracker.database.user=", "--tracker.database.password=",
					"--tracker.spotify.api-base-url=" + spotify.baseUrl(),
					"--tracker.spotify.accounts-base-url=" + spotify.baseUrl(),
					"--tracker.spotify.client-id=" + spotify.clientId(),
					"--tracker.spotify.client-secret=" + spotify.clientSecret(), "--tracker.spotify.redirect-uri=",
					"--tracker.spotify.refresh-token=" + refreshToken, "--tracker.security.api-token=" + API_TOKEN,
					"--tracker.security.allowed-users=", "--tracker.jobs.schedules-enabled=true",
					"--tracker.jobs.cycle-cron=0 0 0 1 1 *", "--tracker.jobs.reconcile-cron=0 0 0 1 1 *");
			return new Instance(context,
					Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0")));
		}

		HttpResponse<String> post(String path) throws Exception {
			return http.send(request(path), HttpResponse.BodyHandlers.ofString());
		}

		CompletableFuture<HttpResponse<String>> postLater(String path) {
			return http.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + API_TOKEN)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
