package dev.spotifytracker.job;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.job.RunClaims.Claim;
import dev.spotifytracker.job.RunRepository.Ending;
import dev.spotifytracker.spotify.SpotifyAccountOnHoldException;
import dev.spotifytracker.spotify.SpotifyClients;
import dev.spotifytracker.spotify.SpotifyException;
import dev.spotifytracker.spotify.SpotifySignInRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * Runs a claimed job to its end and records how it ended; the claim's lock is released
 * whatever happens.
 *
 * <p>
 * A job that finds its account on hold ({@link SpotifyAccountOnHoldException}) or needing
 * sign-in ({@link SpotifySignInRequiredException}) ends {@code skipped}, not
 * {@code failed}: it is the same state the check before a run skips for, discovered
 * later, and it mends itself (the hold ends) or is shown on the account (sign in again).
 * {@code failed} is kept for what someone should look into.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	static final long TICK_MILLIS = 250;

	/** How long a run's end waits for the database to come back. */
	static final Duration ENDING_PATIENCE = RunLocks.LEASE;

	private static final Duration ENDING_RETRY = Duration.ofSeconds(2);

	private final RunRepository runs;

	private final LogRepository logs;

	private final RunClaims claims;

	private final ObjectProvider<SpotifyClients> spotifyClients;

	private final Clock clock;

	private final Set<RunContext> active = ConcurrentHashMap.newKeySet();

	JobRunner(RunRepository runs, LogRepository logs, RunClaims claims, ObjectProvider<SpotifyClients> spotifyClients,
			Clock clock, JobThreads threads) {
		this.runs = runs;
		this.logs = logs;
		this.claims = claims;
		this.spotifyClients = spotifyClients;
		this.clock = clock;
		threads.timer().scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Ends the claimed run as skipped without running it, with a log line saying why.
	 */
	void skip(Claim claim, String reason) {
		endUnrun(claim, RunStatus.SKIPPED, reason);
	}

	/**
	 * Ends the claimed run as failed without running it.
	 */
	void fail(Claim claim, String reason) {
		endUnrun(claim, RunStatus.FAILED, reason);
	}

	private void endUnrun(Claim claim, RunStatus status, String reason) {
		RunContext context = context(claim);
		try {
			if (status == RunStatus.FAILED) {
				context.failed(reason, null);
			}
			else {
				context.warn("Skipped: {}", reason);
			}
			end(context, status, 0, reason);
		}
		finally {
			this.claims.release(claim);
		}
	}

	void run(Claim claim) {
		RunContext context = context(claim);
		this.active.add(context);
		try {
			context.withRunMdc(() -> {
				execute(context);
				return null;
			});
		}
		finally {
			this.active.remove(context);
			this.claims.release(claim);
		}
	}

	private void execute(RunContext context) {
		Job job = context.job();
		long started = System.nanoTime();
		RunStatus status = RunStatus.FAILED;
		int items = 0;
		String message = "The run stopped unexpectedly";
		try {
			JobResult result = job.run(context);
			status = RunStatus.SUCCEEDED;
			items = (result != null) ? result.itemsChanged() : 0;
			message = (result != null) ? result.message() : null;
		}
		catch (SpotifyAccountOnHoldException | SpotifySignInRequiredException ex) {
			status = RunStatus.SKIPPED;
			message = ex.getMessage();
			context.warn("Skipped: {}", message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			message = "Interrupted: the service is stopping";
			context.failed(message, null);
		}
		catch (RunLockLostException ex) {
			message = ex.getMessage();
			context.failed(message, null);
		}
		catch (CycleJob.CycleStepFailedException ex) {
			// the step's own run logged the trace
			message = describe(ex);
			context.failed(message, null);
		}
		catch (Exception ex) {
			String reason = publicReason(ex, this.clock.instant());
			// "Failed: see the log at ..." on the run and in its log
			message = shownOnTheRun(ex) ? reason : "Failed: " + reason;
			context.failed(reason, ex);
		}
		catch (Error ex) {
			message = "Stopped by " + describe(ex);
			context.failed(message, ex);
			throw ex;
		}
		finally {
			end(context, status, items, message);
			log.info("Run {} of {} for account {} {} in {} ms: {} items, {} Spotify calls{}", context.runId(),
					job.name(), context.account(), status.value(),
					Duration.ofNanos(System.nanoTime() - started).toMillis(), items, context.apiCalls(),
					(message != null) ? ", " + message : "");
		}
	}

	private void end(RunContext context, RunStatus status, int items, String message) {
		context.runLog().flush();
		Map<String, Object> details = context.details();
		Instant finishedAt = this.clock.instant();
		record(context.runId(), new Ending(status, finishedAt, context.apiCalls(), items, context.progressDone(),
				context.progressTotal(), message, details));
	}

	/**
	 * Records how the run ended. When the database is away (restarted, a network cut) the
	 * run waits for it, still holding its lock, rather than leave a run that shows
	 * "running" until its lease lapses: after a short outage the run shows its true end.
	 * After {@link #ENDING_PATIENCE} it gives up, and {@link AbandonedRuns} ends it once
	 * the lock has lapsed.
	 */
	private void record(long runId, Ending ending) {
		long deadline = System.nanoTime() + ENDING_PATIENCE.toNanos();
		boolean reported = false;
		while (true) {
			try {
				this.runs.finish(runId, ending);
				if (reported) {
					log.info("Run {} recorded as {} now that the database is back", runId, ending.status().value());
				}
				return;
			}
			catch (DataAccessResourceFailureException | TransientDataAccessException ex) {
				if (System.nanoTime() - deadline > 0) {
					throw ex;
				}
				if (!reported) {
					reported = true;
					log.warn("Run {} ended {}; recording it waits for the database to come back: {}", runId,
							ending.status().value(), ex.getMessage());
				}
				if (!pause(ENDING_RETRY)) {
					throw ex;
				}
			}
		}
	}

	/**
	 * @return false when interrupted (the service is stopping)
	 */
	private static boolean pause(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private RunContext context(Claim claim) {
		return new RunContext(claim, new RunLog(claim.runId(), claim.account(), this.logs), this.runs,
				this.spotifyClients, this.clock);
	}

	private void tick() {
		for (RunContext context : this.active) {
			try {
				context.tick();
			}
			catch (RuntimeException ex) {
				// the timer must keep going for the other runs
				log.warn("Could not write the log or progress of run {}", context.runId(), ex);
			}
		}
	}

	/**
	 * Whether a failure's own words may be shown on the run: Spotify's reasons and ours,
	 * each one sentence. Anything else (SQL, a bug's details) stays in the service log.
	 */
	static boolean shownOnTheRun(Throwable failure) {
		return failure instanceof SpotifyException || failure instanceof JobFailedException
				|| failure instanceof RunLockLostException || failure instanceof CycleJob.CycleStepFailedException;
	}

	/**
	 * What a failure may say on a run: its own words when {@link #shownOnTheRun}, else
	 * when to look in the service log, which holds the details and the stack trace.
	 */
	static String publicReason(Throwable failure, Instant at) {
		if (shownOnTheRun(failure)) {
			return describe(failure);
		}
		String seeTheLog = "see the log at " + at.truncatedTo(ChronoUnit.SECONDS);
		return databaseAway(failure) ? "the database could not be reached (" + seeTheLog + ")" : seeTheLog;
	}

	/**
	 * Whether the failure is the database being away (stopped, restarted, unreachable)
	 * rather than a fault of the job.
	 */
	static boolean databaseAway(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The message of a failed run: the exception's own words, or its kind when it has
	 * none. No stack trace: that goes to the service log.
	 */
	static String describe(Throwable failure) {
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? message : failure.getClass().getSimpleName();
	}

}
