package dev.spotifytracker.spotify.fake;

import java.util.List;

/**
 * A track of the simulated catalog.
 */
public final class SimTrack {

	private final String id;

	private final String name;

	private final SimAlbum album;

	private final int discNumber;

	private final int trackNumber;

	private final int durationMs;

	private final boolean explicit;

	private final String isrc;

	private final List<SimArtist> artists;

	SimTrack(String id, String name, SimAlbum album, int discNumber, int trackNumber, int durationMs, boolean explicit,
			String isrc, List<SimArtist> artists) {
		this.id = id;
		this.name = name;
		this.album = album;
		this.discNumber = discNumber;
		this.trackNumber = trackNumber;
		this.durationMs = durationMs;
		this.explicit = explicit;
		this.isrc = isrc;
		this.artists = List.copyOf(artists);
	}

	public String id() {
		return this.id;
	}

	public String uri() {
		return "spotify:track:" + this.id;
	}

	public String name() {
		return this.name;
	}

	public SimAlbum album() {
		return this.album;
	}

	public int discNumber() {
		return this.discNumber;
	}

	public int trackNumber() {
		return this.trackNumber;
	}

	public int durationMs() {
		return this.durationMs;
	}

	public boolean explicit() {
		return this.explicit;
	}

	public String isrc() {
		return this.isrc;
	}

	public List<SimArtist> artists() {
		return this.artists;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SimTrack track && track.id.equals(this.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "SimTrack[" + this.id + " '" + this.name + "' " + this.discNumber + "-" + this.trackNumber + " of "
				+ this.album.id() + "]";
	}

}
