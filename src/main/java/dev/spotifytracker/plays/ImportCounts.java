package dev.spotifytracker.plays;

/**
 * What an import did with the rows it read.
 *
 * @param rowsRead every row read, music or not
 * @param added rows that became plays of their own
 * @param merged rows merged into a polled play
 * @param known rows already stored by an earlier import (the same stream)
 * @param shortRows rows shorter than the account's threshold (kept as skip evidence)
 * @param notMusic podcast episodes and audiobook chapters (not stored)
 * @param incognito rows of private sessions (stored, never counted)
 * @param unresolved account-data rows whose track is not known yet
 * @param noUri rows without a track URI: local files (stored, never a play)
 */
record ImportCounts(long rowsRead, long added, long merged, long known, long shortRows, long notMusic, long incognito,
		long unresolved, long noUri) {

	static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

	ImportCounts plus(ImportCounts other) {
		return new ImportCounts(this.rowsRead + other.rowsRead, this.added + other.added, this.merged + other.merged,
				this.known + other.known, this.shortRows + other.shortRows, this.notMusic + other.notMusic,
				this.incognito + other.incognito, this.unresolved + other.unresolved, this.noUri + other.noUri);
	}

	/**
	 * One line for the run's message and the import page.
	 */
	String sentence() {
		return String.format(
				"%,d rows read: %,d plays added, %,d merged with polled plays, %,d already imported, "
						+ "%,d short, %,d not music, %,d incognito, %,d unresolved, %,d without a track URI",
				this.rowsRead, this.added, this.merged, this.known, this.shortRows, this.notMusic, this.incognito,
				this.unresolved, this.noUri);
	}

}
