package dev.spotifytracker.playlist;

import java.util.List;

/**
 * What a listed track offers to exclude: itself, its album, or one of its credited
 * artists (the first is the one a user usually means).
 *
 * @param albumId the album's id, or null when the catalog no longer holds the track
 * @param artists the credited artists, in Spotify's order
 */
public record ExclusionChoice(String trackId, String trackName, String albumId, String albumName,
		List<Artist> artists) {

	public ExclusionChoice {
		artists = List.copyOf(artists);
	}

	public record Artist(String id, String name) {

	}

}
