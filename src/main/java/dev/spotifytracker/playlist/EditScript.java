package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between two playlists as Spotify can apply it: tracks to remove, then
 * runs of tracks to insert at their final positions. Pure; no Spotify, no Spring.
 *
 * <p>
 * Both lists hold each track once, so the longest common subsequence of the two lists is
 * the longest increasing subsequence of the old positions of the tracks they share, taken
 * in the new order: O(n log n) time and O(n) memory, where an n x m LCS table of two
 * 10,000-track lists would take 400 MB (DESIGN.md, "Playlist edit scripts"). Shared
 * tracks off that subsequence moved: they are removed and inserted again.
 *
 * <p>
 * Applying it: remove every track of {@link #removals()} (a DELETE removes every
 * occurrence of a URI; there is one), which leaves the kept tracks in their new relative
 * order; then insert each run in ascending position. Before a run at position p is
 * inserted, the list holds exactly the new list's first p tracks followed by the kept
 * tracks after them, so inserting at p is exact.
 *
 * @param removals tracks of the old list to remove, in old order
 * @param insertions runs of consecutive new-list tracks, ascending by position
 */
record EditScript(List<String> removals, List<Insertion> insertions) {

	EditScript {
		removals = List.copyOf(removals);
		insertions = List.copyOf(insertions);
	}

	/**
	 * @throws IllegalArgumentException when a list holds a track twice (such a list gets
	 * a full replace instead, see {@link PushPlan})
	 */
	static EditScript between(List<String> oldList, List<String> newList) {
		Map<String, Integer> oldPositions = positions(oldList, "old");
		positions(newList, "new");

		// old positions of the shared tracks, in new-list order
		int[] newIndexOfShared = new int[Math.min(oldList.size(), newList.size())];
		int[] oldPositionOfShared = new int[newIndexOfShared.length];
		int shared = 0;
		for (int i = 0; i < newList.size(); i++) {
			Integer oldPosition = oldPositions.get(newList.get(i));
			if (oldPosition != null) {
				newIndexOfShared[shared] = i;
				oldPositionOfShared[shared] = oldPosition;
				shared++;
			}
		}
		boolean[] keptAtNewIndex = new boolean[newList.size()];
		Set<String> kept = new HashSet<>();
		for (int s : longestIncreasingSubsequence(Arrays.copyOf(oldPositionOfShared, shared))) {
			keptAtNewIndex[newIndexOfShared[s]] = true;
			kept.add(newList.get(newIndexOfShared[s]));
		}

		List<String> removals = new ArrayList<>();
		for (String track : oldList) {
			if (!kept.contains(track)) {
				removals.add(track);
			}
		}
		List<Insertion> insertions = new ArrayList<>();
		int i = 0;
		while (i < newList.size()) {
			if (keptAtNewIndex[i]) {
				i++;
				continue;
			}
			int start = i;
			while (i < newList.size() && !keptAtNewIndex[i]) {
				i++;
			}
			insertions.add(new Insertion(start, newList.subList(start, i)));
		}
		return new EditScript(removals, insertions);
	}

	private static Map<String, Integer> positions(List<String> list, String which) {
		Map<String, Integer> positions = new HashMap<>(list.size() * 2);
		for (int i = 0; i < list.size(); i++) {
			if (positions.putIfAbsent(list.get(i), i) != null) {
				throw new IllegalArgumentException("The " + which + " list holds " + list.get(i) + " twice");
			}
		}
		return positions;
	}

	/**
	 * Patience sorting: the indexes (ascending) of one longest strictly increasing
	 * subsequence of {@code values}.
	 */
	static int[] longestIncreasingSubsequence(int[] values) {
		// tails[k]: index of the smallest tail of an increasing subsequence of length k+1
		int[] tails = new int[values.length];
		int[] previous = new int[values.length];
		int length = 0;
		for (int i = 0; i < values.length; i++) {
			int low = 0;
			int high = length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (values[tails[middle]] < values[i]) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			previous[i] = (low > 0) ? tails[low - 1] : -1;
			tails[low] = i;
			if (low == length) {
				length++;
			}
		}
		int[] result = new int[length];
		int k = (length > 0) ? tails[length - 1] : -1;
		for (int j = length - 1; j >= 0; j--) {
			result[j] = k;
			k = previous[k];
		}
		return result;
	}

	/**
	 * Tracks to insert so that the first of them lands at {@code position} of the final
	 * list.
	 */
	record Insertion(int position, List<String> tracks) {

		Insertion {
			tracks = List.copyOf(tracks);
		}

	}

}
