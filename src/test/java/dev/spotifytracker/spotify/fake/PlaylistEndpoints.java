package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The user's playlists and their items, the Development Mode way: {@code /items} (never
 * {@code /tracks}), entries as {@code {added_at, item}}, at most 100 uris a write, and
 * only the owner writes. Every change gives a new snapshot id.
 */
final class PlaylistEndpoints {

	static final int MAX_WRITE = 100;

	private final SimWorld world;

	private final Catalog catalog;

	private final SpotifyJson json;

	PlaylistEndpoints(SimWorld world, SpotifyJson json) {
		this.world = world;
		this.catalog = world.catalog();
		this.json = json;
	}

	void register(ApiRoutes routes) {
		routes.serve("GET", "/v1/me/playlists", this::myPlaylists)
			.serve("POST", "/v1/me/playlists", this::create)
			.serve("GET", "/v1/playlists/{id}", this::playlist)
			.serve("GET", "/v1/playlists/{id}/items", this::items)
			.serve("PUT", "/v1/playlists/{id}/items", this::replace)
			.serve("POST", "/v1/playlists/{id}/items", this::add)
			.serve("DELETE", "/v1/playlists/{id}/items", this::remove)
			.serve("DELETE", "/v1/me/library", this::removeFromLibrary);
	}

	/**
	 * {@code DELETE /v1/me/library?uris=...}: Development Mode's replacement of the
	 * unfollow endpoints (1 to 40 uris). The simulator serves playlist uris only: the
	 * tracker removes nothing else.
	 */
	SimResponse removeFromLibrary(ApiRequest request) {
		String uris = request.param("uris");
		if (uris == null || uris.isBlank()) {
			throw request.violation(400, "Missing uris", "no uris query parameter");
		}
		String[] each = uris.split(",");
		if (each.length > 40) {
			throw request.violation(400, "Too many uris", each.length + " uris, at most 40");
		}
		for (String uri : each) {
			if (!uri.matches("spotify:playlist:[0-9A-Za-z]{22}")) {
				throw request.violation(400, "Unsupported uri", "the simulator removes playlists only: " + uri);
			}
		}
		// as the unfollow endpoint it replaces: removing a playlist of one's own
		request.requireScope("playlist-modify-private");
		for (String uri : each) {
			request.user().removePlaylistFromLibrary(uri.substring("spotify:playlist:".length()));
		}
		return SimResponse.json(200, java.util.Map.of());
	}

	SimResponse myPlaylists(ApiRequest request) {
		int limit = request.limit(20, 50);
		int offset = request.offset();
		List<SimPlaylist> visible = request.user()
			.playlistIds()
			.stream()
			.map(this.world::findPlaylist)
			.flatMap(Optional::stream)
			.filter((playlist) -> isListed(request, playlist))
			.toList();
		List<Object> items = visible.subList(Math.min(offset, visible.size()), Math.min(visible.size(), offset + limit))
			.stream()
			.map((playlist) -> (Object) this.json.playlist(playlist))
			.toList();
		return SimResponse.json(200, JsonPages.page(request.url(), null, items, offset, limit, visible.size()));
	}

	SimResponse create(ApiRequest request) {
		JsonNode body = request.jsonBody();
		JsonNode name = body.get("name");
		if (name == null || !name.isString() || name.stringValue().isBlank()) {
			throw request.violation(400, "Missing required field: name", "no playlist name");
		}
		String description = optionalString(request, body, "description");
		boolean isPublic = optionalBoolean(request, body, "public", true);
		boolean collaborative = optionalBoolean(request, body, "collaborative", false);
		if (isPublic && collaborative) {
			throw request.violation(400, "Collaborative playlists can't be public", "public and collaborative");
		}
		request.requireScope(isPublic ? "playlist-modify-public" : "playlist-modify-private");
		SimPlaylist playlist = this.world.createPlaylist(null, request.user(), name.stringValue(), description,
				isPublic, collaborative);
		request.user().addPlaylistOnTop(playlist.id());
		return SimResponse.json(201, this.json.playlist(playlist, entriesPage(request, playlist, 0, 100, null)))
			.withHeader("Location", request.baseUrl() + "/v1/playlists/" + playlist.id());
	}

	SimResponse playlist(ApiRequest request) {
		String market = request.market();
		SimPlaylist playlist = readable(request, request.pathId());
		return SimResponse.json(200, this.json.playlist(playlist, entriesPage(request, playlist, 0, 100, market)));
	}

	SimResponse items(ApiRequest request) {
		String playlistId = request.pathId();
		int limit = request.limit(20, 50);
		int offset = request.offset();
		String market = request.market();
		SimPlaylist playlist = readable(request, playlistId);
		return SimResponse.json(200, entriesPage(request, playlist, offset, limit, market));
	}

	SimResponse replace(ApiRequest request) {
		SimPlaylist playlist = writable(request, request.pathId());
		JsonNode body = request.jsonBody();
		if (body.has("uris")) {
			List<String> uris = uris(request, body.get("uris"), true);
			playlist.replace(uris, request.user().id(), addedNow(request), false);
		}
		else if (body.has("range_start")) {
			reorder(request, playlist, body);
		}
		else {
			throw request.violation(400, "Missing uris", "neither uris nor range_start in the body");
		}
		return snapshot(200, playlist);
	}

	SimResponse add(ApiRequest request) {
		SimPlaylist playlist = writable(request, request.pathId());
		List<String> uris;
		Integer position;
		if (request.hasBody()) {
			JsonNode body = request.jsonBody();
			uris = uris(request, body.get("uris"), false);
			position = optionalInt(request, body, "position");
		}
		else if (request.param("uris") != null) {
			// Spotify also takes them in the query
			uris = uris(request, Arrays.asList(request.param("uris").split(",")), false);
			position = queryPosition(request);
		}
		else {
			throw request.violation(400, "Missing uris", "no uris in the body or the query");
		}
		if (position != null && (position < 0 || position > playlist.size())) {
			throw request.violation(400, "Index out of bounds",
					"position " + position + " in a playlist of " + playlist.size());
		}
		playlist.insert(uris, position, request.user().id(), addedNow(request));
		return snapshot(201, playlist);
	}

	SimResponse remove(ApiRequest request) {
		SimPlaylist playlist = writable(request, request.pathId());
		JsonNode body = request.jsonBody();
		JsonNode items = body.get("items");
		if (items == null && body.has("tracks")) {
			throw request.violation(400, "Missing items", "the body says 'tracks'; the items endpoint takes 'items'");
		}
		if (items == null || !items.isArray()) {
			throw request.violation(400, "Missing items", "no items array in the body");
		}
		List<String> uris = new ArrayList<>();
		for (JsonNode item : items) {
			JsonNode uri = item.get("uri");
			if (uri == null || !uri.isString()) {
				throw request.violation(400, "Error parsing JSON.", "an item without a uri");
			}
			uris.add(uri.stringValue());
		}
		checkUris(request, uris, false, false);
		JsonNode snapshot = body.get("snapshot_id");
		if (snapshot != null && (!snapshot.isString() || !playlist.hadSnapshot(snapshot.stringValue()))) {
			throw request.violation(400, "Invalid snapshot id",
					"snapshot_id " + snapshot + " was never this playlist's");
		}
		playlist.removeEveryOccurrence(new HashSet<>(uris));
		return snapshot(200, playlist);
	}

	private void reorder(ApiRequest request, SimPlaylist playlist, JsonNode body) {
		Integer start = optionalInt(request, body, "range_start");
		Integer before = optionalInt(request, body, "insert_before");
		Integer length = optionalInt(request, body, "range_length");
		int rangeLength = (length != null) ? length : 1;
		if (start == null || before == null || start < 0 || rangeLength < 1 || start + rangeLength > playlist.size()
				|| before < 0 || before > playlist.size()) {
			throw request.violation(400, "Index out of bounds", "a reorder outside the playlist");
		}
		playlist.move(start, rangeLength, before);
	}

	private Map<String, Object> entriesPage(ApiRequest request, SimPlaylist playlist, int offset, int limit,
			String market) {
		MarketView view = MarketView.of(request.user(), market);
		List<Object> items = playlist.page(offset, limit).stream().map((entry) -> entry(entry, view)).toList();
		return JsonPages.page(this.json.itemsHref(playlist), market, items, offset, limit, playlist.size());
	}

	private Object entry(SimPlaylistEntry entry, MarketView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("added_at", SpotifyJson.addedAt(entry.addedAt()));
		json.put("added_by",
				this.world.findUser(entry.addedBy())
					.map(this.json::publicUser)
					.orElseGet(() -> Map.of("id", entry.addedBy(), "type", "user")));
		json.put("is_local", entry.uri().startsWith("spotify:local:"));
		// an item Spotify cannot resolve (a local file, a vanished track) comes as null
		json.put("item",
				this.catalog.findTrackByUri(entry.uri()).map((track) -> this.json.fullTrack(track, view)).orElse(null));
		return json;
	}

	private boolean isListed(ApiRequest request, SimPlaylist playlist) {
		if (playlist.isPublic()) {
			return true;
		}
		return playlist.collaborative() ? request.hasScope("playlist-read-collaborative")
				: request.hasScope("playlist-read-private");
	}

	private SimPlaylist readable(ApiRequest request, String playlistId) {
		SimPlaylist playlist = this.world.findPlaylist(playlistId)
			.orElseThrow(() -> SimHttpError.answer(404, "Resource not found"));
		if (!playlist.isPublic()) {
			boolean mine = playlist.ownerId().equals(request.user().id());
			if (!mine && !(playlist.collaborative() && request.user().playlistIds().contains(playlistId))) {
				throw SimHttpError.answer(404, "Resource not found");
			}
			request.requireScope(playlist.collaborative() ? "playlist-read-collaborative" : "playlist-read-private");
		}
		return playlist;
	}

	private SimPlaylist writable(ApiRequest request, String playlistId) {
		SimPlaylist playlist = this.world.findPlaylist(playlistId)
			.orElseThrow(() -> SimHttpError.answer(404, "Resource not found"));
		boolean mine = playlist.ownerId().equals(request.user().id());
		boolean collaborator = playlist.collaborative() && request.user().playlistIds().contains(playlistId);
		if (!mine && !collaborator) {
			throw request.violation(403, "You cannot modify a playlist you don't own",
					"changes playlist " + playlistId + " of " + playlist.ownerId());
		}
		request.requireScope(playlist.isPublic() ? "playlist-modify-public" : "playlist-modify-private");
		return playlist;
	}

	private List<String> uris(ApiRequest request, JsonNode node, boolean emptyAllowed) {
		if (node == null || !node.isArray()) {
			throw request.violation(400, "Missing uris", "no uris array in the body");
		}
		List<String> uris = new ArrayList<>();
		for (JsonNode uri : node) {
			if (!uri.isString()) {
				throw request.violation(400, "Error parsing JSON.", "a uri that is not a string: " + uri);
			}
			uris.add(uri.stringValue());
		}
		return uris(request, uris, emptyAllowed);
	}

	private List<String> uris(ApiRequest request, List<String> uris, boolean emptyAllowed) {
		checkUris(request, uris, emptyAllowed, true);
		return List.copyOf(uris);
	}

	private void checkUris(ApiRequest request, List<String> uris, boolean emptyAllowed, boolean mustExist) {
		if (uris.size() > MAX_WRITE) {
			throw request.violation(400, "Invalid limit: at most 100 items per request",
					uris.size() + " uris in one request");
		}
		if (uris.isEmpty() && !emptyAllowed) {
			throw request.violation(400, "No uris provided", "an empty list of uris");
		}
		for (String uri : uris) {
			if (!SimIds.isTrackUri(uri)) {
				throw request.violation(400, "Invalid base62 id", "'" + uri + "' is not a track uri");
			}
			if (mustExist && this.catalog.findTrackByUri(uri).isEmpty()) {
				throw request.violation(400, "Payload contains a non-existing ID", "no track " + uri);
			}
		}
	}

	private static String optionalString(ApiRequest request, JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw request.violation(400, "Error parsing JSON.", field + " is not a string");
		}
		return value.stringValue();
	}

	private static boolean optionalBoolean(ApiRequest request, JsonNode body, String field, boolean absent) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return absent;
		}
		if (!value.isBoolean()) {
			throw request.violation(400, "Error parsing JSON.", field + " is not true or false");
		}
		return value.booleanValue();
	}

	private static Integer optionalInt(ApiRequest request, JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isInt()) {
			throw request.violation(400, "Error parsing JSON.", field + " is not a whole number");
		}
		return value.intValue();
	}

	private static Integer queryPosition(ApiRequest request) {
		String position = request.param("position");
		try {
			return (position != null) ? Integer.valueOf(position) : null;
		}
		catch (NumberFormatException ex) {
			throw request.violation(400, "Invalid position", "position=" + position + " is not a number");
		}
	}

	private static Instant addedNow(ApiRequest request) {
		return request.now().truncatedTo(ChronoUnit.SECONDS);
	}

	private static SimResponse snapshot(int status, SimPlaylist playlist) {
		return SimResponse.json(status, Map.of("snapshot_id", playlist.snapshotId()));
	}

}
