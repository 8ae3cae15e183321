package dev.spotifytracker.library;

/**
 * When the catalog tables need fresh planner statistics. A first sync grows them a
 * thousandfold within minutes, faster than autovacuum analyses them, and plans made for
 * the tiny tables (the foreign-key checks' cached ones among them) then scan whole tables
 * on every page. So the catalog is analysed each time the rows written since the last
 * analysis reach the size it had then (at least {@value #MINIMUM_ROWS}): a handful of
 * times while a library grows from nothing, never in a steady state.
 */
final class CatalogStatistics {

	static final long MINIMUM_ROWS = 1_000;

	private long writtenSinceAnalysis;

	private long threshold = MINIMUM_ROWS;

	/**
	 * @param rows catalog rows just added or changed
	 * @return whether the catalog should be analysed now
	 */
	synchronized boolean wrote(long rows) {
		this.writtenSinceAnalysis += rows;
		if (this.writtenSinceAnalysis < this.threshold) {
			return false;
		}
		this.writtenSinceAnalysis = 0;
		return true;
	}

	/**
	 * @param catalogRows the catalog's size the analysis found
	 */
	synchronized void analysed(long catalogRows) {
		this.threshold = Math.max(MINIMUM_ROWS, catalogRows);
	}

}
