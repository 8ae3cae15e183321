package dev.spotifytracker.spotify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Remembers every call a client reported, as "endpoint status".
 */
class RecordingListener implements SpotifyCallListener {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@Override
	public void called(String endpoint, int status) {
		this.calls.add(endpoint + " " + status);
	}

	List<String> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * @return endpoint template to number of calls, sorted
	 */
	Map<String, Integer> countsByEndpoint() {
		Map<String, Integer> counts = new TreeMap<>();
		this.calls.forEach((call) -> counts.merge(call.substring(0, call.lastIndexOf(' ')), 1, Integer::sum));
		return counts;
	}

	long withStatus(int status) {
		return this.calls.stream().filter((call) -> call.endsWith(" " + status)).count();
	}

}
