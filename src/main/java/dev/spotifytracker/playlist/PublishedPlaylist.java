package dev.spotifytracker.playlist;

import java.time.Instant;

/**
 * The Spotify playlist of a smart playlist, as the dashboard shows it.
 *
 * @param trackCount how many tracks we last pushed
 * @param pushedAt when we last wrote to it, or null
 */
public record PublishedPlaylist(String spotifyPlaylistId, String name, MappingStatus status, int trackCount,
		Instant pushedAt) {

	public String url() {
		return "https://open.spotify.com/playlist/" + this.spotifyPlaylistId;
	}

}
