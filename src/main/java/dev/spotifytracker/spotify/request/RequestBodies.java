package dev.spotifytracker.spotify.request;

import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies of the write requests.
 */
final class RequestBodies {

	/** Spotify's limit for one playlist write. */
	static final int MAX_URIS = 100;

	private RequestBodies() {
	}

	static StringEntity json(Object body) {
		return new StringEntity(JsonMapper.shared().writeValueAsString(body), ContentType.APPLICATION_JSON);
	}

	static List<String> uris(List<String> uris, boolean mayBeEmpty) {
		List<String> copy = List.copyOf(uris);
		if (copy.size() > MAX_URIS || (copy.isEmpty() && !mayBeEmpty)) {
			throw new IllegalArgumentException("A playlist write takes 1 to " + MAX_URIS + " uris, not " + copy.size());
		}
		return copy;
	}

}
