package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.spotifytracker.app.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Claims a run: takes the lock of the job's group for the account and records the run as
 * {@code running}, or says which run holds it. Nothing is recorded for a refused claim.
 */
@Component
class RunClaims {

	private static final Logger log = LoggerFactory.getLogger(RunClaims.class);

	private final RunLocks locks;

	private final RunRepository runs;

	private final JobRegistry registry;

	private final Clock clock;

	/**
	 * Lock names held by runs of this instance, with their run: one instance answers
	 * "already running" with the run's id even in the instant between taking the lock and
	 * recording the run.
	 */
	private final Map<String, Long> heldHere = new ConcurrentHashMap<>();

	private final Object claiming = new Object();

	RunClaims(RunLocks locks, RunRepository runs, JobRegistry registry, Clock clock) {
		this.locks = locks;
		this.runs = runs;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * @return the claim, or the run that holds the group's lock
	 */
	Result claim(Job job, AccountId account, Trigger trigger) {
		String lockName = RunLocks.runLockName(job.lockGroup(), account);
		List<String> group = this.registry.namesInGroup(job.lockGroup());
		synchronized (this.claiming) {
			Optional<KeptLock> lock = this.locks.tryLock(lockName, Duration.ZERO);
			if (lock.isEmpty()) {
				Long holder = this.heldHere.get(lockName);
				return new Result(null, (holder != null) ? holder : this.runs.running(account, group).orElse(null));
			}
			try {
				Instant now = this.clock.instant();
				int abandoned = this.runs.failAbandoned(account, group, now);
				if (abandoned > 0) {
					log.warn("Ended {} runs of {} for account {} that a stopped instance left running", abandoned,
							group, account);
				}
				long runId = this.runs.insertRunning(job.name(), account, trigger, now);
				this.heldHere.put(lockName, runId);
				return new Result(new Claim(runId, job, account, trigger, now, lockName, lock.get()), null);
			}
			catch (RuntimeException ex) {
				lock.get().unlock();
				throw ex;
			}
		}
	}

	/**
	 * Releases the lock; the run's row must be ended before.
	 */
	void release(Claim claim) {
		this.heldHere.remove(claim.lockName(), claim.runId());
		try {
			claim.lock().unlock();
		}
		catch (RuntimeException ex) {
			// the lease ends it anyway
			log.warn("Could not release lock {} of run {}; it lapses within {}", claim.lockName(), claim.runId(),
					RunLocks.LEASE, ex);
		}
	}

	/**
	 * A claimed run: its lock is held until {@link #release}.
	 */
	record Claim(long runId, Job job, AccountId account, Trigger trigger, Instant startedAt, String lockName,
			KeptLock lock) {

	}

	/**
	 * Either a claim, or the run that holds the lock ({@code holder}, null when not
	 * known).
	 */
	record Result(Claim claim, Long holder) {

		boolean claimed() {
			return this.claim != null;
		}

	}

}
