package dev.spotifytracker.plays.history;

import java.util.Locale;

/**
 * A size in words: the limits are whole megabytes, the small ones tests use are not.
 */
final class ByteCount {

	private static final long MB = 1024L * 1024;

	private ByteCount() {
	}

	/**
	 * Megabytes when whole or large (rounded up, so "more than" stays true), else bytes.
	 */
	static String describe(long count) {
		if (count % MB == 0) {
			return String.format(Locale.ROOT, "%,d MB", count / MB);
		}
		if (count >= 10 * MB) {
			return String.format(Locale.ROOT, "%,d MB", (count + MB - 1) / MB);
		}
		return String.format(Locale.ROOT, "%,d bytes", count);
	}

}
