package dev.spotifytracker.job;

import java.util.List;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules' work; the test context has them switched off (as every test does), so
 * they are called here directly.
 */
class JobSchedulesTest extends JobTestSupport {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JobAccounts accounts;

	@Autowired
	private RunLocks locks;

	@Autowired
	private JobProperties properties;

	@Test
	void withSchedulesSwitchedOffNothingIsScheduled() {
		assertThat(this.context.getBeansOfType(JobSchedules.class)).isEmpty();
		assertThat(this.context.getBeansOfType(ScheduledTaskHolder.class).values())
			.allSatisfy((holder) -> assertThat(holder.getScheduledTasks()).isEmpty());
		assertThat(this.jobRuns.nextScheduledRun("all")).isEmpty();
	}

	@Test
	void theCycleRunsForEveryScheduledAccount() {
		AccountId alice = account("alice");
		AccountId bob = account("bob");

		schedules().cycle();

		assertThat(runsOf("all")).extracting(JobRun::account, JobRun::trigger)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alice, Trigger.SCHEDULE),
					org.assertj.core.groups.Tuple.tuple(bob, Trigger.SCHEDULE));
	}

	@Test
	void theDailyScheduleReconcilesThenChecksAvailabilityThenChecksAndRebuildsThePlaylists() {
		AccountId alice = account("alice");

		schedules().daily();

		List<JobRun> runs = this.jobRuns.recent(RunQuery.forAccounts(List.of(alice)), 0, 10).runs();
		assertThat(runs).extracting(JobRun::job).containsExactly("playlists-reconcile", "availability", "reconcile");
	}

	@Test
	void aScheduleThatJustRanOnAnotherInstanceDoesNotRunAgain() {
		account("alice");
		schedules().cycle();

		// another instance whose clock is a few seconds late
		schedules().cycle();

		assertThat(runsOf("all")).hasSize(1);
	}

	private JobSchedules schedules() {
		return new JobSchedules(this.launcher, this.accounts, this.locks, this.properties, null);
	}

}
