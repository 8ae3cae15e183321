package dev.spotifytracker.playlist;

import java.util.List;

/**
 * A track as a preview or the exclusion list shows it.
 *
 * @param name the track's name, or null when the catalog no longer holds it
 * @param artists the credited artists, in Spotify's order
 * @param album the album's name, or null
 */
public record TrackSummary(String trackId, String name, List<String> artists, String album) {

	public TrackSummary {
		artists = List.copyOf(artists);
	}

}
