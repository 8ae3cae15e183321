package dev.spotifytracker.library;

import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.account.TestAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.spotify.SpotifyClients;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestJobContext;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync jobs against the Spotify simulator over HTTP and the test PostgreSQL (the
 * shared {@link TestSpotify} simulator, emptied with the database before each test);
 * every test ends by asking the simulator whether a call broke Spotify's contract.
 */
@IntegrationTest
public abstract class SyncIntegrationTest {

	protected static final SpotifySimulator sim = TestSpotify.simulator();

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected SpotifyClients clients;

	@Autowired
	protected List<Job> jobs;

	@AfterEach
	void noContractViolations() {
		sim.assertNoViolations();
	}

	/**
	 * An account for a user of the simulator, with the simulator's counters at zero.
	 */
	protected AccountId account(String userId) {
		if (sim.users().stream().noneMatch((user) -> user.id().equals(userId))) {
			sim.addUser(userId, userId);
		}
		AccountId account = TestAccounts.signedIn(this.context, sim, userId);
		sim.requests().reset();
		return account;
	}

	protected RecordedRun run(String job, AccountId account) {
		TestJobContext context = new TestJobContext(this.clients, account);
		try {
			JobResult result = job(job).run(context);
			return new RecordedRun(result, context, null);
		}
		catch (Exception ex) {
			return new RecordedRun(null, context, ex);
		}
	}

	/**
	 * The 10-minute cycle as far as these jobs go: library, then plays.
	 */
	protected List<RecordedRun> cycle(AccountId account) {
		List<RecordedRun> runs = new ArrayList<>();
		runs.add(run("library", account).orThrow());
		runs.add(run("plays", account).orThrow());
		return runs;
	}

	protected Job job(String name) {
		return this.jobs.stream()
			.filter((job) -> job.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No job " + name));
	}

	/**
	 * A job run in the test's thread: its result, or the exception it ended with.
	 */
	protected record RecordedRun(JobResult result, TestJobContext context, Exception failure) {

		public RecordedRun orThrow() {
			if (this.failure != null) {
				throw new AssertionError("The job failed: " + this.failure.getMessage(), this.failure);
			}
			return this;
		}

	}

}
