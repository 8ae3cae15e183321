package dev.spotifytracker.spotify;

import java.util.List;

/**
 * A track. Inside a saved album's page it is Spotify's simplified track: {@code album}
 * and {@code isrc} are null there.
 */
public record Track(String id, String name, int discNumber, int trackNumber, Integer durationMs, Boolean explicit,
		String isrc, List<Artist> artists, Album album, Playability playability) {

	public Track {
		artists = List.copyOf(artists);
		playability = (playability != null) ? playability : Playability.UNKNOWN;
	}

	public String uri() {
		return "spotify:track:" + this.id;
	}

}
