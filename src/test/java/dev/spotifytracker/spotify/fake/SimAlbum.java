package dev.spotifytracker.spotify.fake;

import java.util.List;

/**
 * An album of the simulated catalog with its tracks in disc and track order. Immutable
 * once built: Spotify's catalog does not change under a library.
 */
public final class SimAlbum {

	private final String id;

	private final String name;

	private final String albumType;

	private final String releaseDate;

	private final List<SimArtist> artists;

	// set once, right after construction, because each track points back at its album
	private volatile List<SimTrack> tracks = List.of();

	SimAlbum(String id, String name, String albumType, String releaseDate, List<SimArtist> artists) {
		this.id = id;
		this.name = name;
		this.albumType = albumType;
		this.releaseDate = releaseDate;
		this.artists = List.copyOf(artists);
	}

	void attachTracks(List<SimTrack> tracks) {
		this.tracks = List.copyOf(tracks);
	}

	public String id() {
		return this.id;
	}

	public String uri() {
		return "spotify:album:" + this.id;
	}

	public String name() {
		return this.name;
	}

	/**
	 * @return {@code album}, {@code single} or {@code compilation}
	 */
	public String albumType() {
		return this.albumType;
	}

	/**
	 * @return {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
	 */
	public String releaseDate() {
		return this.releaseDate;
	}

	public String releaseDatePrecision() {
		return switch (this.releaseDate.length()) {
			case 4 -> "year";
			case 7 -> "month";
			default -> "day";
		};
	}

	public List<SimArtist> artists() {
		return this.artists;
	}

	public List<SimTrack> tracks() {
		return this.tracks;
	}

	public int totalTracks() {
		return this.tracks.size();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SimAlbum album && album.id.equals(this.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "SimAlbum[" + this.id + " '" + this.name + "', " + this.tracks.size() + " tracks]";
	}

}
