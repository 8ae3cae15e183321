package dev.spotifytracker.plays;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A music row of an export as the import stores it (the personal fields are never read).
 *
 * @param member the export file it came from
 * @param index its position in that file, counting every entry
 * @param minutePrecision whether it is an account-data row (end time to the minute, names
 * only) rather than an extended one
 * @param ts when the stream ended
 * @param trackId the Spotify track id of an extended row, null for a local file or an
 * account-data row
 * @param artistName the album artist (extended) or the artist (account data)
 */
record RawRow(String member, int index, boolean minutePrecision, Instant ts, long msPlayed, String trackId,
		String trackName, String artistName, String albumName, String reasonStart, String reasonEnd, Boolean shuffle,
		Boolean skipped, Boolean offline, Instant offlineAt, boolean incognito) {

	/**
	 * Holds the values as the database stores them, so rows the batch compares in Java
	 * ({@link BatchOutcomes}) are equal exactly when the database finds them equal: times
	 * rounded to the microsecond ({@code timestamptz}), and names with a lone UTF-16
	 * surrogate as the driver sends them (it becomes {@code ?}).
	 */
	RawRow {
		ts = toMicros(ts);
		offlineAt = toMicros(offlineAt);
		trackName = sendable(trackName);
		artistName = sendable(artistName);
		albumName = sendable(albumName);
	}

	String format() {
		return this.minutePrecision ? "account_data" : "extended";
	}

	/**
	 * Whether the row may become a play of a track known by id (and so needs a catalog
	 * entry before it is stored).
	 */
	boolean countsWithId(int thresholdMs) {
		return this.trackId != null && !this.incognito && this.msPlayed >= thresholdMs;
	}

	private static Instant toMicros(Instant at) {
		// rounded, as PostgreSQL rounds a finer time it is given
		return (at != null) ? at.plusNanos(500).truncatedTo(ChronoUnit.MICROS) : null;
	}

	private static String sendable(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			if (Character.isSurrogate(text.charAt(i))) {
				return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
			}
		}
		return text;
	}

}
