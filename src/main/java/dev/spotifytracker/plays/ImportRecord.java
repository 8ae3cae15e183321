package dev.spotifytracker.plays;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;

/**
 * An import as the {@code imports} table holds it.
 *
 * @param runId the job run that last worked on it, or null before one did
 * @param storedPath where the upload waits, or null once the import ended
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param rowsTotal the rows of the upload, or null until counted
 * @param detailsJson per file outcomes, skipped files, merge offsets (JSON), or null
 */
record ImportRecord(long id, AccountId account, Long runId, String fileName, String storedPath, String status,
		Long rowsTotal, ImportCounts counts, long badRows, String summary, String detailsJson, Instant createdAt,
		Instant startedAt, Instant finishedAt) {

	boolean finished() {
		return "succeeded".equals(this.status) || "failed".equals(this.status);
	}

}
