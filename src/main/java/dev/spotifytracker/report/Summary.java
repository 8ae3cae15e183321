package dev.spotifytracker.report;

/**
 * The figures of a period (DESIGN.md, "History, stats and playlist API").
 *
 * @param estimatedMs the part of {@code ms} taken from track lengths because the play's
 * own length is unknown
 */
public record Summary(long plays, long ms, long tracks, long artists, long albums, long newTracks, long newArtists,
		int longestStreakDays, int currentStreakDays, long longestSessionMs, long estimatedMs) {

}
