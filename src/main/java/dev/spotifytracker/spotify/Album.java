package dev.spotifytracker.spotify;

import java.util.List;

/**
 * An album as Spotify describes it inside other objects (no tracks).
 *
 * @param imageUrl the largest cover image, or null
 */
public record Album(String id, String name, String albumType, String releaseDate, Integer totalTracks, String imageUrl,
		List<Artist> artists) {

	public Album {
		artists = List.copyOf(artists);
	}

}
