package dev.spotifytracker.spotify.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes an album for {@link Catalog#album(String)}: artists, type, release date, its
 * tracks and how they spread over discs.
 */
public final class AlbumBuilder {

	private final Catalog catalog;

	private final String name;

	private String id;

	private String albumType = "album";

	private String releaseDate = "2020-05-01";

	private final List<String> artistNames = new ArrayList<>();

	private final List<TrackSpec> tracks = new ArrayList<>();

	private int discs = 1;

	AlbumBuilder(Catalog catalog, String name) {
		this.catalog = catalog;
		this.name = name;
	}

	/**
	 * A fixed id (22 base-62 characters) instead of the next one of the catalog.
	 */
	public AlbumBuilder id(String id) {
		if (!SimIds.isId(id)) {
			throw new IllegalArgumentException("A Spotify id has 22 base-62 characters: " + id);
		}
		this.id = id;
		return this;
	}

	public AlbumBuilder artist(String artistName) {
		this.artistNames.add(artistName);
		return this;
	}

	/**
	 * @param albumType {@code album}, {@code single} or {@code compilation}
	 */
	public AlbumBuilder albumType(String albumType) {
		if (!List.of("album", "single", "compilation").contains(albumType)) {
			throw new IllegalArgumentException("Spotify's album types are album, single and compilation: " + albumType);
		}
		this.albumType = albumType;
		return this;
	}

	/**
	 * @param releaseDate {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
	 */
	public AlbumBuilder releaseDate(String releaseDate) {
		if (!releaseDate.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
			throw new IllegalArgumentException("A release date is YYYY, YYYY-MM or YYYY-MM-DD: " + releaseDate);
		}
		this.releaseDate = releaseDate;
		return this;
	}

	public AlbumBuilder track(String trackName) {
		int number = this.tracks.size() + 1;
		return track(trackName, Duration.ofMillis(150_000 + (number * 7_919L) % 150_000), false);
	}

	public AlbumBuilder track(String trackName, Duration duration, boolean explicit) {
		this.tracks.add(new TrackSpec(trackName, (int) duration.toMillis(), explicit));
		return this;
	}

	/**
	 * Adds {@code count} tracks named "Track n".
	 */
	public AlbumBuilder tracks(int count) {
		int first = this.tracks.size() + 1;
		for (int number = first; number < first + count; number++) {
			track("Track " + number);
		}
		return this;
	}

	/**
	 * Spreads the tracks evenly over this many discs (track numbers restart on each).
	 */
	public AlbumBuilder discs(int discs) {
		if (discs < 1) {
			throw new IllegalArgumentException("An album has at least one disc");
		}
		this.discs = discs;
		return this;
	}

	/**
	 * Adds the album and its tracks to the catalog.
	 */
	public SimAlbum build() {
		if (this.tracks.isEmpty()) {
			throw new IllegalStateException("An album has at least one track: " + this.name);
		}
		String albumId = (this.id != null) ? this.id : this.catalog.nextId(SimIds.ALBUM);
		if (this.catalog.containsAlbum(albumId)) {
			throw new IllegalStateException("The catalog already holds album " + albumId);
		}
		List<SimArtist> artists = (this.artistNames.isEmpty() ? List.of("Simulated Artist") : this.artistNames).stream()
			.map(this.catalog::artist)
			.toList();
		SimAlbum album = new SimAlbum(albumId, this.name, this.albumType, this.releaseDate, artists);
		int perDisc = (this.tracks.size() + this.discs - 1) / this.discs;
		List<SimTrack> built = new ArrayList<>(this.tracks.size());
		for (int i = 0; i < this.tracks.size(); i++) {
			TrackSpec spec = this.tracks.get(i);
			built.add(new SimTrack(this.catalog.nextId(SimIds.TRACK), spec.name(), album, i / perDisc + 1,
					i % perDisc + 1, spec.durationMs(), spec.explicit(), this.catalog.nextIsrc(this.releaseDate),
					artists));
		}
		album.attachTracks(built);
		return this.catalog.register(album);
	}

	private record TrackSpec(String name, int durationMs, boolean explicit) {

	}

}
