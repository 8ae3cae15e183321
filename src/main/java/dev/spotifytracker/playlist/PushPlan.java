package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The Spotify calls that turn a playlist holding what we last pushed into the desired
 * list: nothing when they are equal, otherwise the cheaper (fewer calls) of an
 * {@link EditScript} and a full replace. Pure.
 *
 * @param kind which of the three it is
 * @param calls the calls, in the order they must be sent
 */
record PushPlan(Kind kind, List<PlaylistCall> calls) {

	/** Spotify takes at most 100 URIs per playlist write. */
	static final int MAX_PER_CALL = 100;

	PushPlan {
		calls = List.copyOf(calls);
	}

	/**
	 * @param lastPushed what the playlist holds as far as we know
	 * @param lastPushedTrusted false when the playlist may hold something else (a push
	 * failed midway, the user edited it, or we never wrote to it): a full replace
	 * @param desired the list the playlist must hold, each track once
	 */
	static PushPlan between(List<String> lastPushed, boolean lastPushedTrusted, List<String> desired) {
		if (hasDuplicates(desired)) {
			throw new IllegalArgumentException("The desired list holds a track twice");
		}
		if (lastPushedTrusted && lastPushed.equals(desired)) {
			return new PushPlan(Kind.NONE, List.of());
		}
		PushPlan replace = fullReplace(desired);
		if (!lastPushedTrusted || hasDuplicates(lastPushed)) {
			return replace;
		}
		PushPlan edit = edit(EditScript.between(lastPushed, desired));
		// on a tie the edit script wins: it keeps the "added" dates of the tracks that
		// stay
		return (edit.calls().size() <= replace.calls().size()) ? edit : replace;
	}

	/**
	 * PUT the first 100 (an empty PUT empties the playlist), then append the rest in
	 * batches of 100, in order.
	 */
	static PushPlan fullReplace(List<String> desired) {
		List<PlaylistCall> calls = new ArrayList<>();
		calls.add(new Replace(desired.subList(0, Math.min(MAX_PER_CALL, desired.size()))));
		for (int from = MAX_PER_CALL; from < desired.size(); from += MAX_PER_CALL) {
			calls.add(new Add(desired.subList(from, Math.min(from + MAX_PER_CALL, desired.size())), null));
		}
		return new PushPlan(Kind.REPLACE, calls);
	}

	/**
	 * Removals first, in batches of 100; then each run of insertions in ascending final
	 * position, a run longer than 100 in several calls at advancing positions.
	 */
	static PushPlan edit(EditScript script) {
		List<PlaylistCall> calls = new ArrayList<>();
		List<String> removals = script.removals();
		for (int from = 0; from < removals.size(); from += MAX_PER_CALL) {
			calls.add(new Remove(removals.subList(from, Math.min(from + MAX_PER_CALL, removals.size()))));
		}
		for (EditScript.Insertion insertion : script.insertions()) {
			List<String> tracks = insertion.tracks();
			for (int from = 0; from < tracks.size(); from += MAX_PER_CALL) {
				calls.add(new Add(tracks.subList(from, Math.min(from + MAX_PER_CALL, tracks.size())),
						insertion.position() + from));
			}
		}
		return new PushPlan(Kind.EDIT, calls);
	}

	private static boolean hasDuplicates(List<String> list) {
		return new HashSet<>(list).size() != list.size();
	}

	enum Kind {

		/** The playlist already holds the desired list: no call at all. */
		NONE,
		/** Removals and positioned insertions. */
		EDIT,
		/** PUT of the first 100, then POSTs of 100 in order. */
		REPLACE;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** One Spotify playlist write; tracks are track ids (the publisher makes URIs). */
	sealed interface PlaylistCall permits Replace, Add, Remove {

		List<String> tracks();

	}

	/** {@code PUT /v1/playlists/{id}/items}: the playlist becomes exactly these. */
	record Replace(List<String> tracks) implements PlaylistCall {

		Replace {
			tracks = List.copyOf(tracks);
		}

	}

	/**
	 * {@code POST /v1/playlists/{id}/items}: insert at {@code position}, or append when
	 * null.
	 */
	record Add(List<String> tracks, Integer position) implements PlaylistCall {

		Add {
			tracks = List.copyOf(tracks);
		}

	}

	/** {@code DELETE /v1/playlists/{id}/items}: removes every occurrence of each. */
	record Remove(List<String> tracks) implements PlaylistCall {

		Remove {
			tracks = List.copyOf(tracks);
		}

	}

}
