package dev.spotifytracker.spotify;

import java.util.List;

/**
 * An album as Spotify describes it inside other objects (no tracks).
 *
 * @param imageUrl a cover image of at least 300 pixels where Spotify has one (the
 * smallest such), else its largest, or null
 */
public record Album(String id, String name, String albumType, String releaseDate, Integer totalTracks, String imageUrl,
		List<Artist> artists) {

	public Album {
		artists = List.copyOf(artists);
	}

}
