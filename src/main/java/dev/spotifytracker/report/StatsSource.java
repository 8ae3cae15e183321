package dev.spotifytracker.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the stats come from: the raw plays (any time zone) or the rollups (the account's
 * own zone). Both answer the same questions with the same results.
 */
interface StatsSource {

	default List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit) {
		return top(period, kind, by, limit, null);
	}

	/**
	 * The top list among the plays of a subject's tracks (null: all plays).
	 */
	List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit, StatsSubject within);

	/**
	 * The plays and time of a subject's tracks (null: all plays), counted as its row of
	 * the top list is.
	 */
	Figures figures(StatsPeriod period, StatsSubject subject);

	Totals totals(StatsPeriod period);

	/**
	 * The totals and the local days with a play, which the summary needs both of: a
	 * source that reads them in one pass overrides this.
	 */
	default TotalsAndDays totalsAndDays(StatsPeriod period) {
		return new TotalsAndDays(totals(period), days(period));
	}

	long newTracks(StatsPeriod period);

	long newArtists(StatsPeriod period);

	/**
	 * {@link #newTracks} and {@link #newArtists}, which the summary needs both of: a
	 * source that reads them in one pass overrides this.
	 */
	default long[] newTracksAndArtists(StatsPeriod period) {
		return new long[] { newTracks(period), newArtists(period) };
	}

	/** The local days with a play, in order. */
	List<LocalDate> days(StatsPeriod period);

	long longestSessionMs(StatsPeriod period);

	/** Plays per weekday (Monday first) and local hour. */
	long[][] clock(StatsPeriod period);

	/** The steps that have plays, in order. */
	default List<SeriesPoint> steps(StatsPeriod period, SeriesStep step) {
		return steps(period, step, null);
	}

	/** The steps that have plays of a subject's tracks (null: all plays), in order. */
	List<SeriesPoint> steps(StatsPeriod period, SeriesStep step, StatsSubject subject);

	/**
	 * The order of a top list: the {@code by} figure, then the other, then the id in byte
	 * order (as Java sorts strings, whatever the database's collation).
	 */
	static String orderBy(TopOrder by) {
		return switch (by) {
			case PLAYS -> "plays desc, ms desc, id collate \"C\"";
			case TIME -> "ms desc, plays desc, id collate \"C\"";
		};
	}

	/**
	 * Plays and listening time.
	 */
	record Figures(long plays, long ms) {

	}

	/**
	 * @param estimatedMs the part of ms taken from track lengths
	 */
	record Totals(long plays, long ms, long tracks, long artists, long albums, long estimatedMs) {

	}

	/**
	 * @param days the local days with a play, in order
	 */
	record TotalsAndDays(Totals totals, List<LocalDate> days) {

	}

}
