package dev.spotifytracker.spotify;

import java.time.Instant;

/**
 * An entry of the liked tracks list.
 */
public record SavedTrack(Instant addedAt, Track track) {

}
