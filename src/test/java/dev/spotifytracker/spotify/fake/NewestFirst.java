package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A user's list as Spotify orders it: newest first, an entry added later ahead of one
 * with the same time. Pages are plain sub-lists, so serving page 1,000 of a 50,000-entry
 * library costs no more than page 1. Not thread-safe: its owner locks.
 */
final class NewestFirst<T> {

	private final Function<T, Instant> time;

	// null for lists that may repeat an entry (plays)
	private final Function<T, String> key;

	private final ArrayList<T> items = new ArrayList<>();

	private final Map<String, T> byKey = new HashMap<>();

	NewestFirst(Function<T, Instant> time, Function<T, String> key) {
		this.time = time;
		this.key = key;
	}

	/**
	 * @return false when an entry with the same key is already there (it is kept)
	 */
	boolean add(T item) {
		if (this.key != null && this.byKey.putIfAbsent(this.key.apply(item), item) != null) {
			return false;
		}
		this.items.add(insertionPoint(this.time.apply(item)), item);
		return true;
	}

	void addAll(Collection<T> added) {
		for (T item : added) {
			if (this.key == null || this.byKey.putIfAbsent(this.key.apply(item), item) == null) {
				this.items.add(item);
			}
		}
		this.items.sort(Comparator.comparing(this.time).reversed());
	}

	boolean remove(String itemKey) {
		T item = this.byKey.remove(itemKey);
		return item != null && this.items.remove(item);
	}

	boolean contains(String itemKey) {
		return this.byKey.containsKey(itemKey);
	}

	List<T> page(int offset, int limit) {
		if (offset >= this.items.size()) {
			return List.of();
		}
		return List.copyOf(this.items.subList(offset, Math.min(this.items.size(), offset + limit)));
	}

	List<T> all() {
		return List.copyOf(this.items);
	}

	int size() {
		return this.items.size();
	}

	void clear() {
		this.items.clear();
		this.byKey.clear();
	}

	// the first index whose entry is not newer than the new one
	private int insertionPoint(Instant at) {
		int low = 0;
		int high = this.items.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.time.apply(this.items.get(middle)).isAfter(at)) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

}
