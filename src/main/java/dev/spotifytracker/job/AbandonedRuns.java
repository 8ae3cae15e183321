package dev.spotifytracker.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the runs a stopped instance left {@code running} (killed with the process, or the
 * machine gone): at start-up and every minute, a run whose group's lock is no longer held
 * (its row gone or its lease lapsed) cannot still be going, since a live run keeps its
 * lock extended. So a killed run shows as failed at the next start-up, or at the latest a
 * minute after its lease ended, even when no run of its group comes along to end it
 * ({@link RunClaims} also does at each claim). A run of a job this instance does not know
 * (another version during a rolling deploy) is left alone: its lock's name is not known
 * here.
 */
@Component
class AbandonedRuns {

	private static final Logger log = LoggerFactory.getLogger(AbandonedRuns.class);

	static final long SWEEP_MINUTES = 1;

	private final RunRepository runs;

	private final JobRegistry registry;

	AbandonedRuns(RunRepository runs, JobRegistry registry, JobThreads threads) {
		this.runs = runs;
		this.registry = registry;
		threads.timer().scheduleWithFixedDelay(this::sweepQuietly, SWEEP_MINUTES, SWEEP_MINUTES, TimeUnit.MINUTES);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		sweepQuietly();
	}

	/**
	 * @return how many runs were ended
	 */
	int sweep() {
		List<RunRepository.JobLock> jobs = new ArrayList<>();
		for (Job job : this.registry.all()) {
			jobs.add(new RunRepository.JobLock(job.name(), RunLocks.runLockPrefix(job.lockGroup())));
		}
		int ended = this.runs.failUnlocked(jobs);
		if (ended > 0) {
			log.warn("Ended {} runs that a stopped instance left running (their locks had lapsed)", ended);
		}
		return ended;
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// the database may be away for a moment; the next sweep tries again
			log.warn("Could not look for runs a stopped instance left running: {}", ex.getMessage());
		}
	}

}
