package dev.spotifytracker.spotify;

import java.net.URI;
import java.util.Set;

/**
 * The endpoints this client may call, named by template ({@code GET
 * /v1/albums/{id}/tracks}) for counting and messages. Anything else is refused before it
 * is sent, so no code path can reach an endpoint that Development Mode removed (they
 * answer 403 and count against the quota).
 */
final class SpotifyEndpoints {

	static final String TOKEN = "POST /api/token";

	private static final Set<String> ALLOWED = Set.of("GET /v1/me", "GET /v1/me/albums", "GET /v1/albums/{id}/tracks",
			"GET /v1/me/tracks", "GET /v1/tracks/{id}", "GET /v1/me/player/recently-played", "GET /v1/me/playlists",
			"POST /v1/me/playlists", "GET /v1/playlists/{id}/items", "PUT /v1/playlists/{id}/items",
			"POST /v1/playlists/{id}/items", "DELETE /v1/playlists/{id}/items", "DELETE /v1/me/library");

	/** Path segments after which the next segment is an id. */
	private static final Set<String> COLLECTIONS = Set.of("albums", "artists", "audiobooks", "chapters", "episodes",
			"playlists", "shows", "tracks", "users");

	private SpotifyEndpoints() {
	}

	/**
	 * @return the template of a request, e.g. {@code PUT /v1/playlists/{id}/items}
	 */
	static String template(String method, URI uri) {
		String[] segments = uri.getRawPath().split("/", -1);
		// "", "v1", collection, id, ...
		if (segments.length > 3 && COLLECTIONS.contains(segments[2])) {
			segments[3] = "{id}";
		}
		return method + " " + String.join("/", segments);
	}

	/**
	 * @return the template of a request this client may send
	 * @throws IllegalStateException for any other endpoint
	 */
	static String allowedTemplate(String method, URI uri) {
		String template = template(method, uri);
		if (!ALLOWED.contains(template)) {
			throw new IllegalStateException("Refusing to call " + template
					+ ": not an endpoint this client uses (Development Mode removed many; see SPOTIFY_API.md)");
		}
		return template;
	}

	/**
	 * Spotify ids are base-62; anything else would change the request's path.
	 */
	static String requireId(String id, String what) {
		if (id == null || id.isEmpty() || !id.chars().allMatch(SpotifyEndpoints::isBase62)) {
			throw new IllegalArgumentException("Not a Spotify " + what + " id: '" + id + "'");
		}
		return id;
	}

	private static boolean isBase62(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
