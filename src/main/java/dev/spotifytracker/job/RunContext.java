package dev.spotifytracker.job;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.RunClaims.Claim;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What one running job sees: its Spotify client (every call counted), its log (service
 * log and table {@code logs}), its progress (written at most twice a second) and its
 * details.
 */
class RunContext implements JobContext {

	private static final Logger log = LoggerFactory.getLogger(RunContext.class);

	static final String MDC_RUN = "runId";

	static final String MDC_JOB = "job";

	static final String MDC_ACCOUNT = "account";

	static final long PROGRESS_INTERVAL_MILLIS = 500;

	private final Claim claim;

	private final RunLog runLog;

	private final RunRepository runs;

	private final ObjectProvider<SpotifyClients> spotifyClients;

	private final Clock clock;

	private final Logger jobLog;

	private final AtomicInteger apiCalls = new AtomicInteger();

	private final Map<String, Object> details = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Object progressLock = new Object();

	private int progressDone;

	private Integer progressTotal;

	private boolean progressDirty;

	private long lastProgressWriteNanos;

	private int lastWrittenCalls;

	private boolean progressFailureReported;

	private volatile SpotifyClient spotify;

	RunContext(Claim claim, RunLog runLog, RunRepository runs, ObjectProvider<SpotifyClients> spotifyClients,
			Clock clock) {
		this.claim = claim;
		this.runLog = runLog;
		this.runs = runs;
		this.spotifyClients = spotifyClients;
		this.clock = clock;
		this.jobLog = LoggerFactory.getLogger(claim.job().getClass());
		this.lastProgressWriteNanos = System.nanoTime();
	}

	@Override
	public long runId() {
		return this.claim.runId();
	}

	@Override
	public AccountId account() {
		return this.claim.account();
	}

	@Override
	public Trigger trigger() {
		return this.claim.trigger();
	}

	@Override
	public SpotifyClient spotify() {
		SpotifyClient client = this.spotify;
		if (client == null) {
			synchronized (this) {
				client = this.spotify;
				if (client == null) {
					SpotifyClients clients = this.spotifyClients.getIfAvailable();
					if (clients == null) {
						throw new JobFailedException("Spotify access is not available in this service");
					}
					client = new LockGuardedSpotifyClient(
							clients.forAccount(account(), (endpoint, status) -> this.apiCalls.incrementAndGet()),
							this.claim.lock());
					this.spotify = client;
				}
			}
		}
		return client;
	}

	@Override
	public void info(String message, Object... arguments) {
		log(LogLevel.INFO, message, arguments);
	}

	@Override
	public void warn(String message, Object... arguments) {
		log(LogLevel.WARN, message, arguments);
	}

	/**
	 * The run's failure: one line in the run's log, and the same line with the stack
	 * trace (when given) in the service log.
	 */
	void failed(String message, Throwable failure) {
		withRunMdc(() -> {
			this.jobLog.error("Failed: {}", message, failure);
			return null;
		});
		this.runLog.add(this.clock.instant(), LogLevel.ERROR, "Failed: " + message);
	}

	private void log(LogLevel level, String message, Object... arguments) {
		FormattingTuple formatted = MessageFormatter.arrayFormat(message, arguments);
		// also right when the job logs from a thread of its own
		withRunMdc(() -> {
			switch (level) {
				case ERROR -> this.jobLog.error(message, arguments);
				case WARN -> this.jobLog.warn(message, arguments);
				case DEBUG -> this.jobLog.debug(message, arguments);
				default -> this.jobLog.info(message, arguments);
			}
			return null;
		});
		this.runLog.add(this.clock.instant(), level, formatted.getMessage());
	}

	@Override
	public void progress(int done, int total) {
		synchronized (this.progressLock) {
			this.progressDone = done;
			this.progressTotal = total;
			this.progressDirty = true;
		}
		writeProgressIfDue();
	}

	@Override
	public void detail(String key, Object value) {
		this.details.put(key, value);
	}

	Job job() {
		return this.claim.job();
	}

	/**
	 * Adds calls made on this run's behalf by other runs (the cycle's steps).
	 */
	void countCalls(int calls) {
		this.apiCalls.addAndGet(calls);
	}

	int apiCalls() {
		return this.apiCalls.get();
	}

	int progressDone() {
		synchronized (this.progressLock) {
			return this.progressDone;
		}
	}

	Integer progressTotal() {
		synchronized (this.progressLock) {
			return this.progressTotal;
		}
	}

	Map<String, Object> details() {
		synchronized (this.details) {
			return new LinkedHashMap<>(this.details);
		}
	}

	RunLog runLog() {
		return this.runLog;
	}

	/**
	 * The runner's timer: writes what waited long enough.
	 */
	void tick() {
		this.runLog.flushIfDue();
		writeProgressIfDue();
	}

	private void writeProgressIfDue() {
		int done;
		Integer total;
		int calls;
		synchronized (this.progressLock) {
			long now = System.nanoTime();
			calls = this.apiCalls.get();
			boolean changed = this.progressDirty || calls != this.lastWrittenCalls;
			if (!changed
					|| now - this.lastProgressWriteNanos < TimeUnit.MILLISECONDS.toNanos(PROGRESS_INTERVAL_MILLIS)) {
				return;
			}
			this.progressDirty = false;
			this.lastProgressWriteNanos = now;
			this.lastWrittenCalls = calls;
			done = this.progressDone;
			total = this.progressTotal;
		}
		try {
			this.runs.updateProgress(runId(), calls, done, total);
		}
		catch (RuntimeException ex) {
			if (!this.progressFailureReported) {
				this.progressFailureReported = true;
				log.warn("Could not write the progress of run {}; the run goes on", runId(), ex);
			}
		}
	}

	/**
	 * Runs {@code action} with this run's id, job and account in the MDC, then puts back
	 * what was there (a cycle's step runs inside the cycle's run).
	 */
	<T> T withRunMdc(Supplier<T> action) {
		String previousRun = MDC.get(MDC_RUN);
		String previousJob = MDC.get(MDC_JOB);
		String previousAccount = MDC.get(MDC_ACCOUNT);
		MDC.put(MDC_RUN, Long.toString(runId()));
		MDC.put(MDC_JOB, this.claim.job().name());
		MDC.put(MDC_ACCOUNT, account().toString());
		try {
			return action.get();
		}
		finally {
			restore(MDC_RUN, previousRun);
			restore(MDC_JOB, previousJob);
			restore(MDC_ACCOUNT, previousAccount);
		}
	}

	private static void restore(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
