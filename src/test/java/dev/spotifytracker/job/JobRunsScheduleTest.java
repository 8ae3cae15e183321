package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dashboard says a job runs next.
 */
class JobRunsScheduleTest {

	private static final Clock AT_12_03_UTC = Clock.fixed(Instant.parse("2025-03-10T12:03:00Z"), ZoneOffset.UTC);

	@Test
	void theCycleJobsRunNextOnTheCycleCron() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50, 365));

		assertThat(runs.nextScheduledRun("all")).contains(Instant.parse("2025-03-10T12:10:00Z"));
		assertThat(runs.nextScheduledRun("plays")).contains(Instant.parse("2025-03-10T12:10:00Z"));
	}

	@Test
	void theDailyJobsRunNextOnTheReconcileCronInItsZone() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "Europe/Berlin", 1500, 50, 365));

		// 07:07 in Berlin is 06:07 UTC in March
		assertThat(runs.nextScheduledRun("reconcile")).contains(Instant.parse("2025-03-11T06:07:00Z"));
		assertThat(runs.nextScheduledRun("availability")).contains(Instant.parse("2025-03-11T06:07:00Z"));
	}

	@Test
	void thePlaylistsRunNextOnWhicheverScheduleComesFirst() {
		JobRuns runs = runs(new JobProperties(true, "0 0 */6 * * *", "0 30 12 * * *", "UTC", 1500, 50, 365));

		assertThat(runs.nextScheduledRun("playlists")).contains(Instant.parse("2025-03-10T12:30:00Z"));
	}

	@Test
	void withSchedulesOffNothingRunsNext() {
		JobRuns runs = runs(new JobProperties(false, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50, 365));

		assertThat(runs.nextScheduledRun("all")).isEmpty();
	}

	@Test
	void aJobNoScheduleRunsHasNoNextRun() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50, 365));

		assertThat(runs.nextScheduledRun("history-import")).isEmpty();
	}

	@Test
	void aJobRunsNextWhenAJobThatAlsoDoesItsWorkRuns() {
		JobRuns runs = runs(new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "UTC", 1500, 50, 365));

		assertThat(runs.nextScheduledRun("playlists-reconcile")).contains(Instant.parse("2025-03-11T07:07:00Z"));
		assertThat(runs.nextScheduledRun("playlists")).contains(Instant.parse("2025-03-10T12:10:00Z"));
	}

	/**
	 * The jobs as the features declare them: the schedule comes from each job, not from
	 * the runner.
	 */
	private static JobRuns runs(JobProperties properties) {
		StaticListableBeanFactory jobs = new StaticListableBeanFactory();
		jobs.addBean("library", new ScriptedJob("library", "library", false, JobSchedule.cycle(10)));
		jobs.addBean("plays", new ScriptedJob("plays", "plays", true, JobSchedule.cycle(20)));
		jobs.addBean("playlists", new ScriptedJob("playlists", "playlists", false, JobSchedule.cycle(30)));
		jobs.addBean("reconcile", new ScriptedJob("reconcile", "library", false, JobSchedule.daily(10)));
		jobs.addBean("availability", new ScriptedJob("availability", "library", false, JobSchedule.daily(20)));
		jobs.addBean("playlists-reconcile", new ScriptedJob("playlists-reconcile", "playlists", false,
				JobSchedule.daily(30), List.of("playlists")));
		return new JobRuns(null, null, properties, new JobRegistry(jobs.getBeanProvider(Job.class)), AT_12_03_UTC);
	}

}
