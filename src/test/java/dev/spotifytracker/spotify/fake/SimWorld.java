package dev.spotifytracker.spotify.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Spotify's state: catalog, users and playlists, and its clock. One lock
 * guards all of it, so an HTTP request sees a library either before or after a test's
 * change, never half of it.
 */
final class SimWorld {

	final Object lock = new Object();

	private final Catalog catalog = new Catalog();

	private final Map<String, SimulatedUser> users = new LinkedHashMap<>();

	private final Map<String, SimPlaylist> playlists = new HashMap<>();

	private volatile Clock clock = Clock.systemUTC();

	Instant now() {
		return this.clock.instant();
	}

	void clock(Clock clock) {
		this.clock = clock;
	}

	Catalog catalog() {
		return this.catalog;
	}

	SimulatedUser addUser(String id, String displayName) {
		synchronized (this.lock) {
			if (this.users.containsKey(id)) {
				throw new IllegalArgumentException("The simulator already has user " + id);
			}
			SimulatedUser user = new SimulatedUser(this, id, displayName);
			this.users.put(id, user);
			return user;
		}
	}

	SimulatedUser user(String id) {
		return findUser(id).orElseThrow(() -> new IllegalArgumentException("The simulator has no user " + id));
	}

	Optional<SimulatedUser> findUser(String id) {
		synchronized (this.lock) {
			return Optional.ofNullable(this.users.get(id));
		}
	}

	List<SimulatedUser> users() {
		synchronized (this.lock) {
			return List.copyOf(this.users.values());
		}
	}

	/**
	 * @param id a fixed id (a generated library's), or null for the catalog's next one
	 */
	SimPlaylist createPlaylist(String id, SimulatedUser owner, String name, String description, boolean isPublic,
			boolean collaborative) {
		synchronized (this.lock) {
			String playlistId = (id != null) ? id : this.catalog.nextId(SimIds.PLAYLIST);
			SimPlaylist playlist = new SimPlaylist(this.lock, playlistId, owner, name, description, isPublic,
					collaborative);
			if (this.playlists.putIfAbsent(playlistId, playlist) != null) {
				throw new IllegalStateException("The simulator already has playlist " + playlistId);
			}
			return playlist;
		}
	}

	Optional<SimPlaylist> findPlaylist(String id) {
		synchronized (this.lock) {
			return Optional.ofNullable(this.playlists.get(id));
		}
	}

	void clear() {
		synchronized (this.lock) {
			this.users.clear();
			this.playlists.clear();
			this.catalog.clear();
		}
	}

}
