package dev.spotifytracker.job;

import java.time.Instant;
import java.util.Map;

import dev.spotifytracker.app.AccountId;

/**
 * One run of a job (a {@code job_runs} row).
 *
 * @param finishedAt null while it runs
 * @param apiCalls Spotify HTTP calls it made, retries included
 * @param items rows it added, changed or removed
 * @param progressTotal null while the job has not said how much there is to do
 * @param message one line for the dashboard: the job's summary, or why it failed or was
 * skipped
 * @param details structured results the job added ({@link JobContext#detail}), empty when
 * none
 */
public record JobRun(long id, String job, AccountId account, Trigger trigger, RunStatus status, Instant startedAt,
		Instant finishedAt, int apiCalls, int items, int progressDone, Integer progressTotal, String message,
		Map<String, Object> details) {

	public boolean isRunning() {
		return this.status == RunStatus.RUNNING;
	}

}
