package dev.spotifytracker.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job {@code all}: the jobs of the cycle group in their order, each unless it has nothing
 * to do. The features' jobs are stood in for by {@link TestJobs}; that the playlists are
 * left out when nothing changed is the playlist module's decision (PlaylistsDueTest).
 */
class CycleJobTest extends JobTestSupport {

	@Test
	void aStepWithNothingToDoIsNotedAndNotRun() {
		AccountId alice = account("alice");
		job("playlists").notNeeded("not needed: nothing changed");

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.SCHEDULE));

		assertThat(cycle.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(runsOf("library")).hasSize(1);
		assertThat(runsOf("plays")).hasSize(1);
		assertThat(runsOf("playlists")).isEmpty();
		assertThat(job("playlists").runs()).isZero();
		assertThat(steps(cycle)).extracting((step) -> step.get("job"), (step) -> step.get("status"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("library", "succeeded"),
					org.assertj.core.groups.Tuple.tuple("plays", "succeeded"),
					org.assertj.core.groups.Tuple.tuple("playlists", "not needed: nothing changed"));
	}

	@Test
	void theStepsRunInTheirOrderWithTheCyclesTriggerAndTheCycleAddsUpTheirChanges() {
		AccountId alice = account("alice");
		job("plays").changes(3);

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.SCHEDULE));

		assertThat(runsOf("playlists")).singleElement()
			.satisfies((run) -> assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE));
		assertThat(cycle.items()).isEqualTo(3);
		assertThat(cycle.message()).isEqualTo("library: 0 changed, plays: 3 changed, playlists: 0 changed");
	}

	@Test
	void jobsOfOtherSchedulesAreNoStepOfTheCycle() {
		AccountId alice = account("alice");

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.API));

		assertThat(steps(cycle)).extracting((step) -> step.get("job")).containsExactly("library", "plays", "playlists");
		assertThat(job("reconcile").runs()).isZero();
		assertThat(job("test").runs()).isZero();
	}

	@Test
	void eachStepIsARunOfItsOwnAndTheCycleListsThemAndAddsUpTheirCalls() {
		AccountId alice = signedIn("alice");
		job("library").does((context) -> {
			context.spotify().savedAlbums(0, 50);
			context.spotify().likedTracks(0, 50);
			return new JobResult(1, null);
		});
		job("plays").does((context) -> {
			context.spotify().recentlyPlayed(null, 50);
			return new JobResult(0, null);
		});

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.SCHEDULE));

		List<Long> stepRuns = steps(cycle).stream().map((step) -> ((Number) step.get("runId")).longValue()).toList();
		assertThat(stepRuns).containsExactly(runsOf("library").get(0).id(), runsOf("plays").get(0).id(),
				runsOf("playlists").get(0).id());
		assertThat(cycle.apiCalls()).isEqualTo(simulator().requests().apiTotal()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aFailedStepFailsTheCycleButTheNextStepsStillRun() {
		AccountId alice = account("alice");
		job("library").does((context) -> {
			throw new JobFailedException("Spotify answered 502");
		});
		job("plays").changes(1);

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.SCHEDULE));

		assertThat(cycle.status()).isEqualTo(RunStatus.FAILED);
		assertThat(cycle.message()).isEqualTo("library failed: Spotify answered 502");
		assertThat(job("plays").runs()).isOne();
		assertThat(job("playlists").runs()).isOne();
	}

	@Test
	void pastNinetyPercentOfTheBudgetTheCycleStillReadsThePlays() {
		AccountId alice = account("alice");
		job("plays").changes(2);
		this.jdbc.sql("""
				insert into spotify_calls (minute, account_id, endpoint, calls)
				values (:minute, :account, 'GET /v1/me/tracks', 1400)
				""")
			.param("minute", RunRepository.timestamp(Instant.now().truncatedTo(ChronoUnit.MINUTES)))
			.param("account", alice.value())
			.update();

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.SCHEDULE));

		assertThat(cycle.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(runsOf("library")).singleElement()
			.satisfies((run) -> assertThat(run.status()).isEqualTo(RunStatus.SKIPPED));
		assertThat(runsOf("plays")).singleElement()
			.satisfies((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
		assertThat(runsOf("playlists")).singleElement()
			.satisfies((run) -> assertThat(run.status()).isEqualTo(RunStatus.SKIPPED));
	}

	@Test
	void anAccountOnHoldSkipsTheWholeCycle() {
		AccountId alice = account("alice");
		requireSignIn(alice);

		JobRun cycle = finished(this.launcher.runNow("all", alice, Trigger.SCHEDULE));

		assertThat(cycle.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(cycle.message()).isEqualTo("alice must sign in again");
		assertThat(runCount()).isOne();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> steps(JobRun cycle) {
		return (List<Map<String, Object>>) cycle.details().get("steps");
	}

}
