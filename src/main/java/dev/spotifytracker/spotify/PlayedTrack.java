package dev.spotifytracker.spotify;

import java.time.Instant;

/**
 * An entry of recently played.
 *
 * @param contextUri the playlist, album or artist it was played from, or null
 */
public record PlayedTrack(Instant playedAt, Track track, String contextUri) {

}
