package dev.spotifytracker.job;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The schedules: every {@link JobProperties#cycleCron()} the cycle ({@code all}) of every
 * scheduled account; every {@link JobProperties#reconcileCron()} the retention, then the
 * jobs of the daily group ({@link JobSchedule#daily}) of each, in their order. Each
 * schedule takes a lock shared by the instances, held at least a minute, so instances
 * whose clocks differ by seconds do not both run it; each run still takes its own
 * per-account lock.
 */
class JobSchedules implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);

	/** The cycle and the daily schedule. */
	static final int SCHEDULES = 2;

	private final JobLauncher launcher;

	private final JobAccounts accounts;

	private final RunLocks locks;

	private final JobProperties properties;

	private final TaskScheduler threads;

	private final Retention retention;

	private final JobRegistry registry;

	JobSchedules(JobLauncher launcher, JobAccounts accounts, RunLocks locks, JobProperties properties,
			TaskScheduler threads, Retention retention, JobRegistry registry) {
		this.launcher = launcher;
		this.accounts = accounts;
		this.locks = locks;
		this.properties = properties;
		this.threads = threads;
		this.retention = retention;
		this.registry = registry;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.setTaskScheduler(this.threads);
		ZoneId zone = ZoneId.of(this.properties.zone());
		registrar.addCronTask(new CronTask(this::cycle, new CronTrigger(this.properties.cycleCron(), zone)));
		registrar.addCronTask(new CronTask(this::daily, new CronTrigger(this.properties.reconcileCron(), zone)));
	}

	void cycle() {
		onOneInstance("schedule:cycle", () -> runForEachAccount(List.of(CycleJob.NAME)));
	}

	void daily() {
		onOneInstance("schedule:daily", () -> {
			this.retention.forgetOld();
			runForEachAccount(this.registry.inGroup(JobSchedule.Group.DAILY).stream().map(Job::name).toList());
		});
	}

	private void onOneInstance(String lockName, Runnable schedule) {
		Optional<? extends SimpleLock> lock = this.locks.tryLock(lockName, Duration.ofMinutes(1));
		if (lock.isEmpty()) {
			log.debug("Schedule {} runs on another instance", lockName);
			return;
		}
		try {
			schedule.run();
		}
		finally {
			lock.get().unlock();
		}
	}

	private void runForEachAccount(List<String> jobs) {
		for (AccountId account : this.accounts.scheduled()) {
			for (String job : jobs) {
				try {
					Launch launch = this.launcher.runNow(job, account, Trigger.SCHEDULE);
					if (launch instanceof Launch.UnknownJob) {
						log.debug("No job {} in this service; the schedule leaves it out", job);
					}
				}
				catch (RuntimeException ex) {
					// one account's trouble must not stop the others'
					log.error("Scheduled {} for account {} could not run", job, account, ex);
				}
			}
		}
	}

}
