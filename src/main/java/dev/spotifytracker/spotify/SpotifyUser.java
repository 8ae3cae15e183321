package dev.spotifytracker.spotify;

/**
 * {@code /v1/me}.
 */
public record SpotifyUser(String id, String displayName) {

}
