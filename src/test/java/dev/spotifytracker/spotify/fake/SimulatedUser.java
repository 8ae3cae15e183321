package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Spotify user of the simulator and their library: saved albums, liked tracks, plays,
 * playlists and the availability of tracks in their market. Every change is seen by the
 * next HTTP request; the reading methods give the simulator's truth for assertions, in
 * Spotify's order (newest first).
 *
 * <p>
 * Times are cut as Spotify reports them: {@code added_at} to whole seconds,
 * {@code played_at} to whole milliseconds.
 */
public final class SimulatedUser {

	private final SimWorld world;

	private final Object lock;

	private final String id;

	private final String displayName;

	private final NewestFirst<SimSavedAlbum> savedAlbums = new NewestFirst<>(SimSavedAlbum::addedAt,
			(saved) -> saved.album().id());

	private final NewestFirst<SimLikedTrack> likedTracks = new NewestFirst<>(SimLikedTrack::addedAt,
			(liked) -> liked.track().id());

	private final NewestFirst<SimPlay> plays = new NewestFirst<>(SimPlay::playedAt, null);

	// only the exceptions: a track not listed here is playable
	private final Map<String, SimAvailability> availability = new HashMap<>();

	private final Map<String, SimTrack> relinks = new HashMap<>();

	private final Set<String> withdrawn = new HashSet<>();

	// the user's playlist library in /v1/me/playlists order: the newest on top
	private final List<String> playlistIds = new ArrayList<>();

	SimulatedUser(SimWorld world, String id, String displayName) {
		this.world = world;
		this.lock = world.lock;
		this.id = id;
		this.displayName = displayName;
	}

	public String id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * The {@code account_id} of {@code /v1/me}: stable for a user id.
	 */
	public String accountId() {
		return SimIds.derive(this.id, SimIds.ACCOUNT, 0);
	}

	public String uri() {
		return "spotify:user:" + this.id;
	}

	/**
	 * Adds a library generated from {@code spec} (the same spec gives the same library,
	 * ids included) to this user's.
	 */
	public SimulatedUser generateLibrary(LibrarySpec spec) {
		GeneratedLibrary library = new LibraryGenerator(this.world.catalog()).generate(spec, this.id);
		synchronized (this.lock) {
			this.savedAlbums.addAll(library.savedAlbums());
			this.likedTracks.addAll(library.likedTracks());
			this.plays.addAll(library.plays());
			this.availability.putAll(library.availability());
			for (GeneratedLibrary.Playlist generated : library.playlists()) {
				if (this.world.findPlaylist(generated.id()).isPresent()) {
					continue; // generated from this seed before
				}
				SimPlaylist playlist = this.world.createPlaylist(generated.id(), this, generated.name(), "", false,
						false);
				playlist.replace(generated.uris(), this.id, spec.endingAt(), false);
				this.playlistIds.add(0, playlist.id());
			}
		}
		return this;
	}

	/**
	 * Saves the album; an album saved already keeps its first {@code added_at}.
	 */
	public void saveAlbum(SimAlbum album, Instant addedAt) {
		requireInCatalog(album);
		synchronized (this.lock) {
			this.savedAlbums.add(new SimSavedAlbum(addedAt.truncatedTo(ChronoUnit.SECONDS), album));
		}
	}

	public void unsaveAlbum(String albumId) {
		synchronized (this.lock) {
			this.savedAlbums.remove(albumId);
		}
	}

	/**
	 * Likes the track; a track liked already keeps its first {@code added_at}.
	 */
	public void like(SimTrack track, Instant addedAt) {
		requireInCatalog(track);
		synchronized (this.lock) {
			this.likedTracks.add(new SimLikedTrack(addedAt.truncatedTo(ChronoUnit.SECONDS), track));
		}
	}

	public void unlike(String trackId) {
		synchronized (this.lock) {
			this.likedTracks.remove(trackId);
		}
	}

	public void play(SimTrack track, Instant playedAt, String contextUri) {
		requireInCatalog(track);
		synchronized (this.lock) {
			this.plays.add(new SimPlay(playedAt.truncatedTo(ChronoUnit.MILLIS), track, contextUri));
		}
	}

	/**
	 * @param reason {@code market}, {@code product} or {@code explicit}
	 */
	public void makeUnavailable(String trackId, String reason) {
		SimAvailability unavailable = SimAvailability.unavailable(reason);
		synchronized (this.lock) {
			this.availability.put(trackId, unavailable);
		}
	}

	public void makeAvailable(String trackId) {
		synchronized (this.lock) {
			this.availability.remove(trackId);
		}
	}

	/**
	 * Spotify will leave {@code is_playable} out for this track.
	 */
	public void makeAvailabilityUnknown(String trackId) {
		synchronized (this.lock) {
			this.availability.put(trackId, SimAvailability.UNKNOWN);
		}
	}

	public SimAvailability availability(String trackId) {
		synchronized (this.lock) {
			return this.availability.getOrDefault(trackId, SimAvailability.PLAYABLE);
		}
	}

	/**
	 * From now on, requests with a market get {@code replacement} (another id, no
	 * {@code linked_from}) wherever {@code trackId} would appear, as Spotify relinks a
	 * track to the release that plays in the user's country.
	 */
	public void relink(String trackId, SimTrack replacement) {
		requireInCatalog(replacement);
		synchronized (this.lock) {
			this.relinks.put(trackId, replacement);
		}
	}

	/**
	 * From now on the user's liked entry of {@code trackId} comes with
	 * {@code "track": null}, as Spotify answers for a saved track it no longer serves;
	 * the entry still counts in the list's {@code total}.
	 */
	public void withdraw(String trackId) {
		synchronized (this.lock) {
			this.withdrawn.add(trackId);
		}
	}

	boolean isWithdrawn(String trackId) {
		synchronized (this.lock) {
			return this.withdrawn.contains(trackId);
		}
	}

	public List<SimSavedAlbum> savedAlbums() {
		synchronized (this.lock) {
			return this.savedAlbums.all();
		}
	}

	public List<SimLikedTrack> likedTracks() {
		synchronized (this.lock) {
			return this.likedTracks.all();
		}
	}

	/**
	 * Every play, newest first; Spotify's recently played shows only the newest 50.
	 */
	public List<SimPlay> plays() {
		synchronized (this.lock) {
			return this.plays.all();
		}
	}

	/**
	 * The playlists of the user's library, as {@code /v1/me/playlists} lists them.
	 */
	public List<SimPlaylist> playlists() {
		synchronized (this.lock) {
			return this.playlistIds.stream().map(this::playlist).toList();
		}
	}

	public SimPlaylist playlist(String playlistId) {
		return this.world.findPlaylist(playlistId)
			.orElseThrow(() -> new IllegalArgumentException("The simulator has no playlist " + playlistId));
	}

	/**
	 * A private playlist made in the Spotify app, on top of the user's library.
	 */
	public SimPlaylist createPlaylist(String name) {
		synchronized (this.lock) {
			SimPlaylist playlist = this.world.createPlaylist(null, this, name, "", false, false);
			this.playlistIds.add(0, playlist.id());
			return playlist;
		}
	}

	/**
	 * Adds another user's playlist to this user's library.
	 */
	public void followPlaylist(String playlistId) {
		playlist(playlistId);
		synchronized (this.lock) {
			if (!this.playlistIds.contains(playlistId)) {
				this.playlistIds.add(0, playlistId);
			}
		}
	}

	/**
	 * As if the user changed the playlist in the Spotify app: items that stay keep their
	 * {@code added_at}, and the snapshot id changes.
	 */
	public void editPlaylistByHand(String playlistId, List<String> uris) {
		SimPlaylist playlist = playlist(playlistId);
		if (!playlist.ownerId().equals(this.id)) {
			throw new IllegalArgumentException(this.id + " does not own playlist " + playlistId);
		}
		synchronized (this.lock) {
			playlist.replace(List.copyOf(uris), this.id, this.world.now().truncatedTo(ChronoUnit.SECONDS), true);
		}
	}

	/**
	 * Unfollows the playlist (Spotify's "delete"): it leaves {@code /v1/me/playlists} but
	 * still exists.
	 */
	public void removePlaylistFromLibrary(String playlistId) {
		synchronized (this.lock) {
			this.playlistIds.remove(playlistId);
		}
	}

	// what the endpoints read, under the world's lock

	List<SimSavedAlbum> savedAlbumsPage(int offset, int limit) {
		return this.savedAlbums.page(offset, limit);
	}

	int savedAlbumCount() {
		return this.savedAlbums.size();
	}

	List<SimLikedTrack> likedTracksPage(int offset, int limit) {
		return this.likedTracks.page(offset, limit);
	}

	int likedTrackCount() {
		return this.likedTracks.size();
	}

	List<SimPlay> newestPlays(int count) {
		return this.plays.page(0, count);
	}

	List<String> playlistIds() {
		return List.copyOf(this.playlistIds);
	}

	void addPlaylistOnTop(String playlistId) {
		this.playlistIds.add(0, playlistId);
	}

	SimAvailability availabilityOf(String trackId) {
		return this.availability.getOrDefault(trackId, SimAvailability.PLAYABLE);
	}

	SimTrack relinkOf(SimTrack track) {
		return this.relinks.getOrDefault(track.id(), track);
	}

	private void requireInCatalog(SimAlbum album) {
		if (this.world.catalog().findAlbum(album.id()).isEmpty()) {
			throw new IllegalArgumentException("Album " + album.id() + " is not in this simulator's catalog");
		}
	}

	private void requireInCatalog(SimTrack track) {
		if (this.world.catalog().findTrack(track.id()).isEmpty()) {
			throw new IllegalArgumentException("Track " + track.id() + " is not in this simulator's catalog");
		}
	}

	@Override
	public String toString() {
		return "SimulatedUser[" + this.id + "]";
	}

}
