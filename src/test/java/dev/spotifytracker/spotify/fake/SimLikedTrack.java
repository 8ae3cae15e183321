package dev.spotifytracker.spotify.fake;

import java.time.Instant;

/**
 * A liked track ({@code /v1/me/tracks}).
 *
 * @param addedAt whole seconds, as Spotify reports {@code added_at}
 */
public record SimLikedTrack(Instant addedAt, SimTrack track) {

}
