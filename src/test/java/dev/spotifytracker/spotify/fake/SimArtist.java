package dev.spotifytracker.spotify.fake;

/**
 * An artist of the simulated catalog.
 */
public record SimArtist(String id, String name) {

	public String uri() {
		return "spotify:artist:" + this.id;
	}

}
