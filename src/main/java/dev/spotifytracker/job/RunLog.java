package dev.spotifytracker.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.LogRepository.PendingLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's log lines on their way to table {@code logs}: buffered and written in one batch
 * every {@link #BATCH} lines, when the oldest waiting line is {@link #MAX_DELAY_MILLIS}
 * old (the runner's timer asks), and at the end of the run. A failed write drops its
 * lines (they are in the service log already) and never fails the run; the first failure
 * of a run is reported to the service log, the following ones are not, so a database
 * outage does not flood it.
 */
class RunLog {

	private static final Logger log = LoggerFactory.getLogger(RunLog.class);

	static final int BATCH = 50;

	static final long MAX_DELAY_MILLIS = 1000;

	private final long runId;

	private final AccountId account;

	private final LogRepository repository;

	private final Object buffer = new Object();

	/** Keeps batches in order: one drain-and-write at a time. */
	private final ReentrantLock writing = new ReentrantLock();

	private List<PendingLine> pending = new ArrayList<>();

	private long oldestPendingNanos;

	private boolean failureReported;

	RunLog(long runId, AccountId account, LogRepository repository) {
		this.runId = runId;
		this.account = account;
		this.repository = repository;
	}

	void add(Instant at, LogLevel level, String message) {
		boolean full;
		synchronized (this.buffer) {
			if (this.pending.isEmpty()) {
				this.oldestPendingNanos = System.nanoTime();
			}
			this.pending.add(new PendingLine(at, level, message));
			full = this.pending.size() >= BATCH;
		}
		if (full) {
			flush();
		}
	}

	/**
	 * Writes the waiting lines when the oldest has waited long enough.
	 */
	void flushIfDue() {
		boolean due;
		synchronized (this.buffer) {
			due = !this.pending.isEmpty()
					&& System.nanoTime() - this.oldestPendingNanos >= TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS);
		}
		if (due) {
			flush();
		}
	}

	void flush() {
		this.writing.lock();
		try {
			List<PendingLine> lines;
			synchronized (this.buffer) {
				if (this.pending.isEmpty()) {
					return;
				}
				lines = this.pending;
				this.pending = new ArrayList<>();
			}
			write(lines);
		}
		finally {
			this.writing.unlock();
		}
	}

	private void write(List<PendingLine> lines) {
		try {
			this.repository.insert(this.runId, this.account, lines);
		}
		catch (RuntimeException ex) {
			if (!this.failureReported) {
				this.failureReported = true;
				log.warn(
						"Could not write {} log lines of run {} to table logs; the run goes on, its lines are "
								+ "in this log only, and further failures of this run are not reported",
						lines.size(), this.runId, ex);
			}
		}
	}

}
