package dev.spotifytracker.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which schedules the configuration turns on; their work is {@link JobSchedulesTest}'s.
 */
class JobSchedulingConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(JobSchedulingConfiguration.class)
		.withBean(JobLauncher.class, () -> mock(JobLauncher.class))
		.withBean(JobAccounts.class, () -> mock(JobAccounts.class))
		.withBean(RunLocks.class, () -> mock(RunLocks.class))
		.withBean(Retention.class, () -> mock(Retention.class))
		.withBean(JobRegistry.class)
		.withBean(JobProperties.class,
				() -> new JobProperties(true, "0 */5 * * * *", "0 30 6 * * *", "Europe/Berlin", 1500, 50, 365));

	@Test
	void theSchedulesRunOnTheConfiguredCronsByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JobSchedules.class);
			List<String> crons = context.getBean(ScheduledTaskHolder.class)
				.getScheduledTasks()
				.stream()
				.map((task) -> ((CronTask) task.getTask()).getExpression())
				.toList();
			assertThat(crons).containsExactlyInAnyOrder("0 */5 * * * *", "0 30 6 * * *");
		});
	}

	@Test
	void aLongDailyScheduleDoesNotHoldBackTheCycle() {
		// the scheduler's timing cannot be faked, so the launcher is the one mock here:
		// every second both schedules fire, and the daily one never ends until released
		AccountId alice = new AccountId(1);
		CountDownLatch release = new CountDownLatch(1);
		JobLauncher launcher = mock(JobLauncher.class);
		when(launcher.runNow(anyString(), any(), any())).thenReturn(new Launch.UnknownJob("test"));
		when(launcher.runNow(eq("reconcile"), any(), any())).thenAnswer((call) -> {
			release.await(30, TimeUnit.SECONDS);
			return new Launch.UnknownJob("reconcile");
		});
		JobAccounts accounts = mock(JobAccounts.class);
		when(accounts.scheduled()).thenReturn(List.of(alice));
		RunLocks locks = mock(RunLocks.class);
		when(locks.tryLock(anyString(), any(Duration.class))).thenAnswer((call) -> Optional.of(mock(SimpleLock.class)));
		new ApplicationContextRunner().withUserConfiguration(JobSchedulingConfiguration.class)
			.withBean(JobLauncher.class, () -> launcher)
			.withBean(JobAccounts.class, () -> accounts)
			.withBean(RunLocks.class, () -> locks)
			.withBean(Retention.class, () -> mock(Retention.class))
			.withBean(JobRegistry.class)
			.withBean("reconcile", Job.class,
					() -> new ScriptedJob("reconcile", "library", false, JobSchedule.daily(10)))
			.withBean(JobProperties.class,
					() -> new JobProperties(true, "* * * * * *", "* * * * * *", "UTC", 1500, 50, 365))
			.run((context) -> {
				try {
					verify(launcher, timeout(5_000)).runNow(eq("reconcile"), eq(alice), eq(Trigger.SCHEDULE));
					verify(launcher, timeout(5_000).atLeast(2)).runNow(eq(CycleJob.NAME), eq(alice),
							eq(Trigger.SCHEDULE));
				}
				finally {
					release.countDown();
				}
			});
	}

	@Test
	void switchedOffNoScheduleRuns() {
		this.runner.withPropertyValues("tracker.jobs.schedules-enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(JobSchedules.class);
			assertThat(context).doesNotHaveBean(ScheduledTaskHolder.class);
		});
	}

}
