package dev.spotifytracker.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs a person starts from the dashboard, in the order the jobs page shows them,
 * with a line saying what each does.
 */
final class Jobs {

	static final Map<String, String> STARTABLE = startable();

	private Jobs() {
	}

	/**
	 * @param registered the jobs this service has
	 * @return the startable ones it has, in order
	 */
	static List<String> available(Set<String> registered) {
		return STARTABLE.keySet().stream().filter(registered::contains).toList();
	}

	private static Map<String, String> startable() {
		Map<String, String> jobs = new LinkedHashMap<>();
		jobs.put("library", "Saved albums and liked tracks: what changed since the last sync.");
		jobs.put("plays", "Your newest plays (Spotify keeps only the last 50).");
		jobs.put("availability", "Whether library tracks still play in your country, a batch at a time.");
		jobs.put("reconcile", "A full pass over saved albums and liked tracks.");
		jobs.put("playlists", "Rebuild the smart playlists and push what changed.");
		jobs.put("all", "The cycle: library, then plays, then the playlists when something changed.");
		return Collections.unmodifiableMap(jobs);
	}

}
