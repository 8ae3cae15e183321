package dev.spotifytracker.library;

import java.time.Instant;

/**
 * An album of the library (saved, or the album of a liked track).
 *
 * @param savedAt when the account saved it, or null
 */
public record LibraryAlbum(String id, String name, String artists, String releaseDate, Integer totalTracks,
		String imageUrl, Instant savedAt) {

}
