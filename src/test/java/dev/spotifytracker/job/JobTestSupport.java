package dev.spotifytracker.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.account.TestAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.awaitility.Awaitility.await;

/**
 * One application context for every test of the job module: the whole service on the test
 * PostgreSQL and the Spotify simulator, with the {@link TestJobs}, MockMvc, a job API
 * token, and a spy on the log writes.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(TestJobs.class)
@TestPropertySource(properties = "tracker.security.api-token=" + JobTestSupport.API_TOKEN)
abstract class JobTestSupport {

	static final String API_TOKEN = "test-job-api-token-of-32-characters-or-more";

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JobLauncher launcher;

	@Autowired
	protected JobRuns jobRuns;

	@Autowired
	protected List<ScriptedJob> scriptedJobs;

	@MockitoSpyBean
	protected LogRepository logRepository;

	private final List<Gate> gates = new ArrayList<>();

	@BeforeEach
	void resetJobs() {
		this.scriptedJobs.forEach(ScriptedJob::reset);
	}

	/**
	 * Lets every held job go and waits for its run to end, so no run of this test writes
	 * into the next one's database.
	 */
	@AfterEach
	void endRuns() {
		this.gates.forEach(Gate::open);
		await().atMost(Duration.ofSeconds(30)).until(() -> runningCount() == 0);
	}

	protected ScriptedJob job(String name) {
		return this.scriptedJobs.stream()
			.filter((job) -> job.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No scripted job " + name));
	}

	protected Gate gate() {
		Gate gate = new Gate();
		this.gates.add(gate);
		return gate;
	}

	/**
	 * An account the Spotify simulator knows, signed in with a real (simulated) refresh
	 * token, so its runs call Spotify over HTTP.
	 */
	protected AccountId signedIn(String spotifyUserId) {
		simulator().addUser(spotifyUserId, spotifyUserId);
		return TestAccounts.signedIn(this.context, simulator(), spotifyUserId);
	}

	protected static SpotifySimulator simulator() {
		return TestSpotify.simulator();
	}

	/**
	 * An account without a usable token: for runs that do not call Spotify.
	 */
	protected AccountId account(String spotifyUserId) {
		return account(spotifyUserId, "member");
	}

	protected AccountId account(String spotifyUserId, String role) {
		long id = this.jdbc.sql("""
				insert into accounts (spotify_user_id, display_name, role, refresh_token_encrypted, authorized_at)
				values (:user, :user, :role, '\\x00'::bytea, now())
				returning id
				""").param("user", spotifyUserId).param("role", role).query(Long.class).single();
		if ("member".equals(role)) {
			// a member may use the service because the owner allowed them
			this.jdbc.sql("insert into allowed_users (spotify_user_id) values (?) on conflict do nothing")
				.param(spotifyUserId)
				.update();
		}
		return new AccountId(id);
	}

	protected void holdAccount(AccountId account, Instant notBefore, String reason) {
		this.jdbc.sql("update accounts set not_before = ?, not_before_reason = ? where id = ?")
			.params(java.sql.Timestamp.from(notBefore), reason, account.value())
			.update();
	}

	protected void requireSignIn(AccountId account) {
		this.jdbc.sql("update accounts set needs_sign_in = true where id = ?").param(account.value()).update();
	}

	protected JobRun run(long runId) {
		return this.jobRuns.run(runId).orElseThrow();
	}

	protected JobRun awaitEnd(long runId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !run(runId).isRunning());
		return run(runId);
	}

	protected long runningCount() {
		return this.jdbc.sql("select count(*) from job_runs where status = 'running'").query(Long.class).single();
	}

	protected long runCount() {
		return this.jdbc.sql("select count(*) from job_runs").query(Long.class).single();
	}

	protected List<JobRun> runsOf(String job) {
		return this.jobRuns.recent(new RunQuery(null, job, null), 0, 100).runs();
	}

	protected static JobRun finished(Launch launch) {
		if (launch instanceof Launch.Finished finished) {
			return finished.run();
		}
		throw new AssertionError("Expected a finished run but got " + launch);
	}

	protected static long started(Launch launch) {
		if (launch instanceof Launch.Started started) {
			return started.runId();
		}
		throw new AssertionError("Expected a started run but got " + launch);
	}

}
