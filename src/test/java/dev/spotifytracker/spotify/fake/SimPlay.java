package dev.spotifytracker.spotify.fake;

import java.time.Instant;

/**
 * One play of a track.
 *
 * @param playedAt whole milliseconds, as Spotify reports {@code played_at}
 * @param contextUri the album, artist or playlist it was played from, or null
 */
public record SimPlay(Instant playedAt, SimTrack track, String contextUri) {

}
