package dev.spotifytracker.plays;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobLauncher;
import dev.spotifytracker.job.JobProperties;
import dev.spotifytracker.job.Launch;
import dev.spotifytracker.job.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Goes on with the imports a stop or a crash cut short (and those still waiting), once
 * the service is ready: each from its last committed batch. With the schedules off
 * ({@code TRACKER_SCHEDULES_ENABLED=false}) nothing starts by itself: the account's next
 * upload resumes them first.
 */
@Component
class ImportResume {

	private static final Logger log = LoggerFactory.getLogger(ImportResume.class);

	private final ImportRepository imports;

	private final JobLauncher launcher;

	private final JobProperties jobs;

	ImportResume(ImportRepository imports, JobLauncher launcher, JobProperties jobs) {
		this.imports = imports;
		this.launcher = launcher;
		this.jobs = jobs;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeAtStartUp() {
		if (!this.jobs.schedulesEnabled()) {
			return;
		}
		try {
			resumeUnfinished();
		}
		catch (RuntimeException ex) {
			// the next upload resumes them as well
			log.warn("Could not resume the unfinished imports", ex);
		}
	}

	/**
	 * Starts the import job for every account with an import that has not ended.
	 * @return how many runs were started
	 */
	int resumeUnfinished() {
		int started = 0;
		for (AccountId account : this.imports.accountsWithUnfinished()) {
			Launch launch = this.launcher.start(ImportJob.NAME, account, Trigger.SCHEDULE);
			if (launch instanceof Launch.Started run) {
				log.info("Resuming the unfinished import of account {} in run {}", account, run.runId());
				started++;
			}
		}
		return started;
	}

}
