package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dashboard says a job runs next.
 */
class JobRunsScheduleTest {

	private static final Clock AT_12_03_UTC = Clock.fixed(Instant.parse("2025-03-10T12:03:00Z"), ZoneOffset.UTC);

	@Test
	void theCycleJobsRunNextOnTheCycleCron() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50));

		assertThat(runs.nextScheduledRun("all")).contains(Instant.parse("2025-03-10T12:10:00Z"));
		assertThat(runs.nextScheduledRun("plays")).contains(Instant.parse("2025-03-10T12:10:00Z"));
	}

	@Test
	void theDailyJobsRunNextOnTheReconcileCronInItsZone() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "Europe/Berlin", 1500, 50));

		// 07:07 in Berlin is 06:07 UTC in March
		assertThat(runs.nextScheduledRun("reconcile")).contains(Instant.parse("2025-03-11T06:07:00Z"));
		assertThat(runs.nextScheduledRun("availability")).contains(Instant.parse("2025-03-11T06:07:00Z"));
	}

	@Test
	void thePlaylistsRunNextOnWhicheverScheduleComesFirst() {
		JobRuns runs = runs(new JobProperties(true, "0 0 */6 * * *", "0 30 12 * * *", "UTC", 1500, 50));

		assertThat(runs.nextScheduledRun("playlists")).contains(Instant.parse("2025-03-10T12:30:00Z"));
	}

	@Test
	void withSchedulesOffNothingRunsNext() {
		JobRuns runs = runs(new JobProperties(false, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50));

		assertThat(runs.nextScheduledRun("all")).isEmpty();
	}

	@Test
	void aJobNoScheduleRunsHasNoNextRun() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50));

		assertThat(runs.nextScheduledRun("history-import")).isEmpty();
	}

	private static JobRuns runs(JobProperties properties) {
		return new JobRuns(null, null, properties, AT_12_03_UTC);
	}

}
