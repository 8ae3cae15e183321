package dev.spotifytracker.job;

/**
 * What asking for a run gave: {@link JobLauncher#start} answers {@link Started},
 * {@link JobLauncher#runNow} answers {@link Finished}; both may answer
 * {@link AlreadyRunning} or {@link UnknownJob}.
 */
public sealed interface Launch {

	/**
	 * The run is recorded and goes on in the background (or was skipped at once: its row
	 * says why).
	 */
	record Started(long runId) implements Launch {
	}

	/**
	 * The run is over; {@code run} is its row.
	 */
	record Finished(JobRun run) implements Launch {
	}

	/**
	 * A job of the same lock group already runs for the account; nothing was started.
	 *
	 * @param runId the running run, or null in the instant between another instance
	 * taking the lock and recording its run
	 */
	record AlreadyRunning(Long runId) implements Launch {
	}

	record UnknownJob(String job) implements Launch {
	}

}
