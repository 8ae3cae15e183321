package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, per client and user, until when a {@code Retry-After} the simulator sent
 * asks them to wait, so a request that comes sooner can be called out. Per user because
 * our client holds each account back on its own.
 */
final class RetryAfterTracker {

	private final Map<String, Instant> notBefore = new HashMap<>();

	/**
	 * @return whether this request came before the wait asked of {@code key} had passed
	 */
	synchronized boolean isEarly(String key, Instant arrival) {
		Instant until = this.notBefore.get(key);
		return until != null && arrival.isBefore(until);
	}

	synchronized void askedToWait(String key, Instant sentAt, int retryAfterSeconds) {
		this.notBefore.merge(key, sentAt.plusSeconds(retryAfterSeconds),
				(earlier, later) -> later.isAfter(earlier) ? later : earlier);
	}

	synchronized void clear() {
		this.notBefore.clear();
	}

}
