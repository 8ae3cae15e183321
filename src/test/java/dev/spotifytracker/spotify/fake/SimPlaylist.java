package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A playlist: its owner, its items in order and its snapshot id, which changes with every
 * change. Remembers its earlier snapshot ids because Spotify accepts any of them on a
 * removal.
 */
public final class SimPlaylist {

	private final Object lock;

	private final String id;

	private final SimulatedUser owner;

	private final boolean isPublic;

	private final boolean collaborative;

	private final String name;

	private final String description;

	private final List<SimPlaylistEntry> entries = new ArrayList<>();

	private final Set<String> snapshots = new HashSet<>();

	private int version;

	private String snapshotId;

	SimPlaylist(Object lock, String id, SimulatedUser owner, String name, String description, boolean isPublic,
			boolean collaborative) {
		this.lock = lock;
		this.id = id;
		this.owner = owner;
		this.name = name;
		this.description = description;
		this.isPublic = isPublic;
		this.collaborative = collaborative;
		newSnapshot();
	}

	public String id() {
		return this.id;
	}

	public String uri() {
		return "spotify:playlist:" + this.id;
	}

	public String name() {
		return this.name;
	}

	public String description() {
		return this.description;
	}

	public boolean isPublic() {
		return this.isPublic;
	}

	public boolean collaborative() {
		return this.collaborative;
	}

	public SimulatedUser owner() {
		return this.owner;
	}

	public String ownerId() {
		return this.owner.id();
	}

	public String snapshotId() {
		synchronized (this.lock) {
			return this.snapshotId;
		}
	}

	/**
	 * The current items' URIs in order.
	 */
	public List<String> trackUris() {
		synchronized (this.lock) {
			return this.entries.stream().map(SimPlaylistEntry::uri).toList();
		}
	}

	public List<SimPlaylistEntry> entries() {
		synchronized (this.lock) {
			return List.copyOf(this.entries);
		}
	}

	public int size() {
		synchronized (this.lock) {
			return this.entries.size();
		}
	}

	/**
	 * How many changes it has seen since it was created.
	 */
	public int version() {
		synchronized (this.lock) {
			return this.version;
		}
	}

	List<SimPlaylistEntry> page(int offset, int limit) {
		if (offset >= this.entries.size()) {
			return List.of();
		}
		return List.copyOf(this.entries.subList(offset, Math.min(this.entries.size(), offset + limit)));
	}

	boolean hadSnapshot(String snapshot) {
		return this.snapshots.contains(snapshot);
	}

	/**
	 * @param keepDates whether items that stay keep their {@code added_at} (a hand edit
	 * in the app) or all count as added now (the API's replace)
	 */
	void replace(List<String> uris, String addedBy, Instant at, boolean keepDates) {
		Map<String, List<SimPlaylistEntry>> previous = new HashMap<>();
		if (keepDates) {
			for (SimPlaylistEntry entry : this.entries) {
				previous.computeIfAbsent(entry.uri(), (uri) -> new ArrayList<>()).add(entry);
			}
		}
		this.entries.clear();
		for (String uri : uris) {
			List<SimPlaylistEntry> kept = previous.getOrDefault(uri, List.of());
			this.entries.add(kept.isEmpty() ? new SimPlaylistEntry(uri, at, addedBy) : kept.remove(0));
		}
		newSnapshot();
	}

	void insert(List<String> uris, Integer position, String addedBy, Instant at) {
		List<SimPlaylistEntry> added = uris.stream().map((uri) -> new SimPlaylistEntry(uri, at, addedBy)).toList();
		this.entries.addAll((position != null) ? position : this.entries.size(), added);
		newSnapshot();
	}

	void removeEveryOccurrence(Set<String> uris) {
		this.entries.removeIf((entry) -> uris.contains(entry.uri()));
		newSnapshot();
	}

	void move(int rangeStart, int rangeLength, int insertBefore) {
		List<SimPlaylistEntry> moved = new ArrayList<>(this.entries.subList(rangeStart, rangeStart + rangeLength));
		this.entries.subList(rangeStart, rangeStart + rangeLength).clear();
		int target = (insertBefore > rangeStart) ? insertBefore - rangeLength : insertBefore;
		this.entries.addAll(target, moved);
		newSnapshot();
	}

	private void newSnapshot() {
		this.version++;
		this.snapshotId = "AAAA" + SimIds.derive(this.id, SimIds.SNAPSHOT, this.version);
		this.snapshots.add(this.snapshotId);
	}

	@Override
	public String toString() {
		return "SimPlaylist[" + this.id + " '" + this.name + "' of " + this.owner.id() + ", " + this.entries.size()
				+ " items]";
	}

}
