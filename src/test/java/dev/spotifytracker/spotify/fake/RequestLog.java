package dev.spotifytracker.spotify.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was asked of the simulator: every request (API, accounts service) counted under
 * its endpoint template, e.g. {@code GET /v1/me/albums} or {@code POST /api/token},
 * whatever the answer was (a 429 is a call too: it counts against the quota).
 */
public final class RequestLog {

	// enough for any benchmark; counts stay exact beyond it
	private static final int KEPT = 100_000;

	private final Map<String, Integer> counts = new TreeMap<>();

	private final Deque<RecordedRequest> recent = new ArrayDeque<>();

	private int total;

	private int apiTotal;

	private int earlyRetries;

	RequestLog() {
		// made by the simulator only
	}

	public synchronized int count(String endpoint) {
		return this.counts.getOrDefault(endpoint, 0);
	}

	/**
	 * Every request, accounts service included.
	 */
	public synchronized int total() {
		return this.total;
	}

	/**
	 * Requests to the Web API ({@code /v1/...}) only: what Spotify's quota counts.
	 */
	public synchronized int apiTotal() {
		return this.apiTotal;
	}

	/**
	 * @return endpoint template to count, sorted by template
	 */
	public synchronized Map<String, Integer> countsByEndpoint() {
		return new TreeMap<>(this.counts);
	}

	/**
	 * Requests that came before a {@code Retry-After} the simulator sent to that user's
	 * client had elapsed. A well-behaved client keeps this at 0.
	 */
	public synchronized int earlyRetries() {
		return this.earlyRetries;
	}

	/**
	 * The requests in the order they came (the newest 100,000).
	 */
	public synchronized List<RecordedRequest> all() {
		return new ArrayList<>(this.recent);
	}

	/**
	 * The requests to one endpoint, in the order they came.
	 */
	public synchronized List<RecordedRequest> of(String endpoint) {
		return this.recent.stream().filter((request) -> request.endpoint().equals(endpoint)).toList();
	}

	public synchronized void reset() {
		this.counts.clear();
		this.recent.clear();
		this.total = 0;
		this.apiTotal = 0;
		this.earlyRetries = 0;
	}

	synchronized void record(RecordedRequest request) {
		this.counts.merge(request.endpoint(), 1, Integer::sum);
		this.total++;
		if (request.path().startsWith("/v1/")) {
			this.apiTotal++;
		}
		if (request.earlyRetry()) {
			this.earlyRetries++;
		}
		if (this.recent.size() == KEPT) {
			this.recent.removeFirst();
		}
		this.recent.addLast(request);
	}

}
