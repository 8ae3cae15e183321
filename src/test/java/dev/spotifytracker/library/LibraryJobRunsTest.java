package dev.spotifytracker.library;

import java.time.Duration;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobLauncher;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.JobRuns;
import dev.spotifytracker.job.Launch;
import dev.spotifytracker.job.RunStatus;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The library jobs under the job runner: locked, recorded, their calls counted.
 */
class LibraryJobRunsTest extends SyncIntegrationTest {

	@Autowired
	JobLauncher launcher;

	@Autowired
	JobRuns runs;

	@Test
	void twoTriggersAtOnceGiveOneRun() {
		// given: a sync slowed down so the second trigger comes while it runs
		SimulatedUser alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(12).plays(0));
		AccountId account = account("alice");
		sim.faults().slowNext(3, Duration.ofMillis(500));

		// when: the library and the reconcile (same lock group) are asked for at once
		Launch first = this.launcher.start("library", account, Trigger.API);
		Launch second = this.launcher.start("reconcile", account, Trigger.DASHBOARD);

		// then
		assertThat(first).isInstanceOf(Launch.Started.class);
		assertThat(second).isInstanceOf(Launch.AlreadyRunning.class);
		long runId = ((Launch.Started) first).runId();
		JobRun run = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runs.run(runId).orElseThrow(), (found) -> !found.isRunning());
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(LibrarySnapshot.stored(this.jdbc, account)).isEqualTo(LibrarySnapshot.of(alice));
		assertThat(this.jdbc.sql("select count(*) from job_runs").query(Integer.class).single()).isOne();
	}

	@Test
	void aRunRecordsItsCallsAndChanges() {
		// given
		SimulatedUser alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(13).plays(0));
		AccountId account = account("alice");

		// when
		JobRun run = ((Launch.Finished) this.launcher.runNow("library", account, Trigger.API)).run();

		// then
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.apiCalls()).isEqualTo(sim.requests().apiTotal())
			.isLessThanOrEqualTo(LibrarySnapshot.firstSyncBound(alice));
		assertThat(run.items()).isPositive();
		assertThat(run.details()).containsKeys("saved_albums", "liked_tracks");
	}

}
