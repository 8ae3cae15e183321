package dev.spotifytracker.report;

/**
 * Listening time for people: "3 h 25 min", "12 min", "45 s".
 */
final class Durations {

	private Durations() {
	}

	static String format(long ms) {
		long minutes = ms / 60_000;
		if (minutes == 0) {
			return (ms / 1000) + " s";
		}
		long hours = minutes / 60;
		if (hours == 0) {
			return minutes + " min";
		}
		return String.format(java.util.Locale.ENGLISH, "%,d h %d min", hours, minutes % 60);
	}

}
