package dev.spotifytracker.spotify.fake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every album, track and artist the simulated Spotify knows, whether or not a user saved
 * it. Ids of what is created here come from a fixed sequence, so a test run is
 * repeatable; generated libraries bring their own seeded ids.
 */
public final class Catalog {

	// a namespace of its own so hand-made ids never meet generated ones
	private static final long NAMESPACE = 0x5107_1F1E_5EEDL;

	private final Map<String, SimAlbum> albums = new ConcurrentHashMap<>();

	private final Map<String, SimTrack> tracks = new ConcurrentHashMap<>();

	private final Map<String, SimArtist> artistsByName = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong isrcSequence = new AtomicLong();

	Catalog() {
		// made by the simulator only
	}

	/**
	 * Starts an album; {@link AlbumBuilder#build()} adds it to the catalog.
	 */
	public AlbumBuilder album(String name) {
		return new AlbumBuilder(this, name);
	}

	/**
	 * An album of {@code trackCount} tracks named "Track 1", "Track 2", ...
	 */
	public SimAlbum newAlbum(String name, int trackCount) {
		return album(name).tracks(trackCount).build();
	}

	/**
	 * A single: a one-track album of the same name.
	 */
	public SimTrack newTrack(String name) {
		return album(name).albumType("single").track(name).build().tracks().get(0);
	}

	/**
	 * The artist of that name, created on first use.
	 */
	public SimArtist artist(String name) {
		return this.artistsByName.computeIfAbsent(name, (key) -> new SimArtist(nextId(SimIds.ARTIST), key));
	}

	/**
	 * A copy of {@code original} under a new id (same name, album, position and ISRC), as
	 * Spotify serves a relinked track; it is not among its album's tracks. See
	 * {@link SimulatedUser#relink(String, SimTrack)}.
	 */
	public SimTrack relinkedCopyOf(SimTrack original) {
		SimTrack copy = new SimTrack(nextId(SimIds.TRACK), original.name(), original.album(), original.discNumber(),
				original.trackNumber(), original.durationMs(), original.explicit(), original.isrc(),
				original.artists());
		this.tracks.put(copy.id(), copy);
		return copy;
	}

	public Optional<SimAlbum> findAlbum(String id) {
		return Optional.ofNullable(this.albums.get(id));
	}

	public Optional<SimTrack> findTrack(String id) {
		return Optional.ofNullable(this.tracks.get(id));
	}

	public Optional<SimTrack> findTrackByUri(String uri) {
		return SimIds.isTrackUri(uri) ? findTrack(uri.substring("spotify:track:".length())) : Optional.empty();
	}

	public int albumCount() {
		return this.albums.size();
	}

	public int trackCount() {
		return this.tracks.size();
	}

	/**
	 * Adds an album and its tracks; an album already known under that id stays as it is
	 * and is returned instead (a library generated twice from one seed shares its
	 * albums).
	 */
	SimAlbum register(SimAlbum album) {
		SimAlbum existing = this.albums.putIfAbsent(album.id(), album);
		if (existing != null) {
			return existing;
		}
		for (SimTrack track : album.tracks()) {
			this.tracks.putIfAbsent(track.id(), track);
		}
		return album;
	}

	boolean containsAlbum(String id) {
		return this.albums.containsKey(id);
	}

	String nextId(long kind) {
		return SimIds.derive(NAMESPACE, kind, this.sequence.getAndIncrement());
	}

	/**
	 * An ISRC (CC-XXX-YY-NNNNN) unique within this catalog's hand-made tracks.
	 */
	String nextIsrc(String releaseDate) {
		long serial = this.isrcSequence.getAndIncrement() % 100_000;
		return "QMSIM" + releaseDate.substring(2, 4) + String.format("%05d", serial);
	}

	void clear() {
		this.albums.clear();
		this.tracks.clear();
		this.artistsByName.clear();
		this.sequence.set(0);
		this.isrcSequence.set(0);
	}

}
