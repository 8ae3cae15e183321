package dev.spotifytracker.job;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default budget: 1,500 calls in a rolling 24 hours, all accounts together.
 */
class CallBudgetTest extends JobTestSupport {

	@Test
	void pastNinetyPercentOfTheBudgetOnlyEssentialJobsRun() {
		AccountId alice = account("alice");
		AccountId bob = account("bob");
		spotifyCalls(alice, Instant.now().minus(Duration.ofHours(3)), 1000);
		spotifyCalls(bob, Instant.now().minus(Duration.ofMinutes(5)), 350);

		JobRun other = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));
		JobRun essential = finished(this.launcher.runNow("test-essential", alice, Trigger.SCHEDULE));

		assertThat(other.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(other.message()).isEqualTo("Spotify call budget nearly spent: 1350 of 1500 calls in the last "
				+ "24 hours; past 90% only essential jobs run");
		assertThat(job("test").runs()).isZero();
		assertThat(essential.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void belowNinetyPercentEveryJobRuns() {
		AccountId alice = account("alice");
		spotifyCalls(alice, Instant.now().minus(Duration.ofHours(1)), 1349);

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void aRunThatWouldPassNinetyPercentIsSkippedWithWhatItNeeds() {
		AccountId alice = account("alice");
		spotifyCalls(alice, Instant.now().minus(Duration.ofHours(1)), 400);
		job("test").estimates(1000);

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run.message())
			.startsWith("Spotify call budget too small for this run now: it needs about 1000 "
					+ "calls, 400 of 1500 were made in the last 24 hours")
			.contains("TRACKER_DAILY_CALL_BUDGET");
		assertThat(job("test").runs()).isZero();
	}

	@Test
	void aRunThatFitsBelowNinetyPercentRuns() {
		AccountId alice = account("alice");
		spotifyCalls(alice, Instant.now().minus(Duration.ofHours(1)), 400);
		job("test").estimates(950);

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void callsOlderThanADayNoLongerCount() {
		AccountId alice = account("alice");
		spotifyCalls(alice, Instant.now().minus(Duration.ofHours(25)), 1500);
		spotifyCalls(alice, Instant.now().minus(Duration.ofHours(23)), 10);

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	private void spotifyCalls(AccountId account, Instant at, int calls) {
		this.jdbc.sql("""
				insert into spotify_calls (minute, account_id, endpoint, calls)
				values (:minute, :account, 'GET /v1/me/tracks', :calls)
				""")
			.param("minute", RunRepository.timestamp(at.truncatedTo(ChronoUnit.MINUTES)))
			.param("account", account.value())
			.param("calls", calls)
			.update();
	}

}
