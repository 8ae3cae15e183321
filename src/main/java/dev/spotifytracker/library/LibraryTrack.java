package dev.spotifytracker.library;

import java.time.Instant;

/**
 * A track as the library lists it.
 *
 * @param artists the credited artists' names, comma-separated
 * @param likedAt when the account liked it, or null
 * @param albumSavedAt when the account saved its album, or null
 * @param playable false when Spotify says it does not play, null when unknown
 * @param imageUrl its album's cover as Spotify sent it, or null
 */
public record LibraryTrack(String id, String name, String artists, String albumId, String albumName, Integer durationMs,
		Instant likedAt, Instant albumSavedAt, Boolean playable, String imageUrl) {

}
