package dev.spotifytracker.spotify.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract breaches the simulator saw: each one is also answered as Spotify would
 * (403, 400, 401, 404), but a client that retries or swallows errors would hide it, so
 * they are kept for {@link SpotifySimulator#assertNoViolations()}.
 */
final class Violations {

	private final List<String> seen = new ArrayList<>();

	synchronized void add(String violation) {
		this.seen.add(violation);
	}

	synchronized List<String> list() {
		return List.copyOf(this.seen);
	}

	synchronized void clear() {
		this.seen.clear();
	}

}
