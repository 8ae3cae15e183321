package dev.spotifytracker.job;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns the schedules on, unless {@code tracker.jobs.schedules-enabled} is false (then
 * only the dashboard and the job API start jobs).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "tracker.jobs.schedules-enabled", matchIfMissing = true)
class JobSchedulingConfiguration {

	@Bean
	JobSchedules jobSchedules(JobLauncher launcher, JobAccounts accounts, RunLocks locks, JobProperties properties) {
		return new JobSchedules(launcher, accounts, locks, properties);
	}

}
