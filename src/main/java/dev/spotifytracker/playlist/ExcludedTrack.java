package dev.spotifytracker.playlist;

import java.time.Instant;

/**
 * A track the account keeps out of every smart playlist.
 */
public record ExcludedTrack(TrackSummary track, Instant excludedAt) {

}
