package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Applies a {@link PushPlan} to a list the way Spotify applies the calls, checking the
 * limits Spotify enforces (at most 100 per call, a position inside the list).
 */
final class InMemoryPlaylist {

	private InMemoryPlaylist() {
	}

	static List<String> apply(List<String> playlist, PushPlan plan) {
		List<String> items = new ArrayList<>(playlist);
		for (PushPlan.PlaylistCall call : plan.calls()) {
			if (call.tracks().size() > PushPlan.MAX_PER_CALL) {
				throw new AssertionError("More than 100 tracks in one call: " + call.tracks().size());
			}
			if (call instanceof PushPlan.Replace replace) {
				items.clear();
				items.addAll(replace.tracks());
			}
			else if (call instanceof PushPlan.Add add) {
				if (add.tracks().isEmpty()) {
					throw new AssertionError("An empty insertion");
				}
				int position = (add.position() != null) ? add.position() : items.size();
				if (position < 0 || position > items.size()) {
					throw new AssertionError("Position " + position + " outside a list of " + items.size());
				}
				items.addAll(position, add.tracks());
			}
			else if (call instanceof PushPlan.Remove remove) {
				if (remove.tracks().isEmpty()) {
					throw new AssertionError("An empty removal");
				}
				// a DELETE removes every occurrence of a uri
				items.removeAll(new HashSet<>(remove.tracks()));
			}
		}
		return items;
	}

}
