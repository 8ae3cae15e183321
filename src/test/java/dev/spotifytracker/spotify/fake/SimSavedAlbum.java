package dev.spotifytracker.spotify.fake;

import java.time.Instant;

/**
 * An album in a user's library ({@code /v1/me/albums}).
 *
 * @param addedAt whole seconds, as Spotify reports {@code added_at}
 */
public record SimSavedAlbum(Instant addedAt, SimAlbum album) {

}
