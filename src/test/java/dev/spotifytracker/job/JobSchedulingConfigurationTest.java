package dev.spotifytracker.job;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which schedules the configuration turns on; their work is {@link JobSchedulesTest}'s.
 */
class JobSchedulingConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(JobSchedulingConfiguration.class)
		.withBean(JobLauncher.class, () -> mock(JobLauncher.class))
		.withBean(JobAccounts.class, () -> mock(JobAccounts.class))
		.withBean(RunLocks.class, () -> mock(RunLocks.class))
		.withBean(JobProperties.class,
				() -> new JobProperties(true, "0 */5 * * * *", "0 30 6 * * *", "Europe/Berlin", 1500, 50));

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
	void switchedOffNoScheduleRuns() {
		this.runner.withPropertyValues("tracker.jobs.schedules-enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(JobSchedules.class);
			assertThat(context).doesNotHaveBean(ScheduledTaskHolder.class);
		});
	}

}
