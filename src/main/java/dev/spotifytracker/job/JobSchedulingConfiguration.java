package dev.spotifytracker.job;

import dev.spotifytracker.account.JobAccounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Turns the schedules on, unless {@code tracker.jobs.schedules-enabled} is false (then
 * only the dashboard and the job API start jobs).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "tracker.jobs.schedules-enabled", matchIfMissing = true)
class JobSchedulingConfiguration {

	@Bean
	JobSchedules jobSchedules(JobLauncher launcher, JobAccounts accounts, RunLocks locks, JobProperties properties,
			ThreadPoolTaskScheduler scheduleThreads, Retention retention, JobRegistry registry) {
		return new JobSchedules(launcher, accounts, locks, properties, scheduleThreads, retention, registry);
	}

	/**
	 * A thread per schedule: the daily reconcile of every account can take minutes and
	 * must not hold back the 10-minute cycle, as Spotify keeps only the last 50 plays.
	 * Within a schedule the accounts take turns, so a 512 MB instance syncs one library
	 * at a time.
	 */
	@Bean
	ThreadPoolTaskScheduler scheduleThreads() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(JobSchedules.SCHEDULES);
		scheduler.setThreadNamePrefix("schedule-");
		return scheduler;
	}

}
