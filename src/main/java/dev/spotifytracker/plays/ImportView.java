package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.List;

/**
 * An import as the Import page shows it (its methods public for the template): its
 * progress while it runs, its summary once it ended, and the account-data rows whose
 * track is still unknown.
 *
 * @param unresolved the unresolved rows, "artist - track", most frequent first
 */
record ImportView(long id, String fileName, String status, Instant createdAt, Instant finishedAt, long rowsRead,
		Long rowsTotal, ImportCounts counts, String summary, List<String> unresolved) {

	static ImportView of(ImportRecord record, List<String> unresolved) {
		return new ImportView(record.id(), record.fileName(), record.status(), record.createdAt(), record.finishedAt(),
				record.counts().rowsRead() + record.badRows(), record.rowsTotal(), record.counts(), record.summary(),
				unresolved);
	}

	public boolean running() {
		return "queued".equals(this.status) || "running".equals(this.status);
	}

	public boolean failed() {
		return "failed".equals(this.status);
	}

	/**
	 * @return the progress bar's value: the rows read, all of them once the import ended
	 */
	public long done() {
		if (!running()) {
			return max();
		}
		return Math.min(this.rowsRead, max());
	}

	/**
	 * @return the progress bar's maximum; 1 while the rows are being counted
	 */
	public long max() {
		return (this.rowsTotal != null && this.rowsTotal > 0) ? this.rowsTotal : 1;
	}

	/**
	 * @return whether the rows are known yet (the bar is indeterminate before)
	 */
	public boolean counted() {
		return this.rowsTotal != null || !running();
	}

}
