package dev.spotifytracker.library;

import java.time.Instant;

/**
 * How often and when an account played a track.
 */
public record TrackPlays(String trackId, long count, Instant firstPlayedAt, Instant lastPlayedAt) {

}
