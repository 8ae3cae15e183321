package dev.spotifytracker.spotify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Spotify's JSON into the module's records. Not spotify-web-api-java's models: they
 * drop {@code restrictions} of simplified tracks, {@code items} of playlists (they read
 * {@code tracks}) and of playlist entries (they read {@code track}), and the milliseconds
 * of {@code played_at}.
 */
final class SpotifyJson {

	private static final String TRACK_URI_PREFIX = "spotify:track:";

	/** The width our covers are chosen for: the largest we show, 128 CSS pixels at 2x. */
	static final int COVER_WIDTH = 300;

	private SpotifyJson() {
	}

	static JsonNode tree(String json) {
		if (json == null || json.isBlank()) {
			return JsonMapper.shared().missingNode();
		}
		return JsonMapper.shared().readTree(json);
	}

	/**
	 * @param item reads one entry, or answers null for one without its track or album
	 */
	static <T> Page<T> page(JsonNode page, Function<JsonNode, T> item) {
		JsonNode entries = page.path("items");
		List<T> items = list(entries, item);
		return new Page<>(items, page.path("offset").asInt(0), page.path("limit").asInt(entries.size()),
				page.path("total").asInt(entries.size()), text(page, "next") != null, entries.size() - items.size());
	}

	static SpotifyUser user(JsonNode user) {
		return new SpotifyUser(text(user, "id"), text(user, "display_name"));
	}

	static SavedAlbum savedAlbum(JsonNode entry) {
		JsonNode album = entry.path("album");
		if (!hasId(album)) {
			return null;
		}
		Album read = album(album);
		Page<Track> tracks = album.path("tracks").isObject() ? page(album.path("tracks"), SpotifyJson::listedTrack)
				: missingTracks(read);
		return new SavedAlbum(instant(entry, "added_at"), read, tracks);
	}

	/**
	 * An album without its first page of tracks says how many it has, so the caller
	 * fetches them with album tracks.
	 */
	private static Page<Track> missingTracks(Album album) {
		int total = (album.totalTracks() != null) ? album.totalTracks() : 0;
		return new Page<>(List.of(), 0, 0, total, total > 0, 0);
	}

	static SavedTrack savedTrack(JsonNode entry) {
		JsonNode track = entry.path("track");
		return hasId(track) ? new SavedTrack(instant(entry, "added_at"), track(track)) : null;
	}

	static PlayedTrack playedTrack(JsonNode entry) {
		JsonNode track = entry.path("track");
		return hasId(track)
				? new PlayedTrack(instant(entry, "played_at"), track(track), text(entry.path("context"), "uri")) : null;
	}

	/**
	 * A track of an album's track list, or null for an entry without one.
	 */
	static Track listedTrack(JsonNode track) {
		return hasId(track) ? track(track) : null;
	}

	static List<PlayedTrack> playedTracks(JsonNode page) {
		return list(page.path("items"), SpotifyJson::playedTrack);
	}

	static PlaylistSummary playlistSummary(JsonNode playlist) {
		// Development Mode renamed the count's object from "tracks" to "items"
		JsonNode count = playlist.path("items").isObject() ? playlist.path("items") : playlist.path("tracks");
		return new PlaylistSummary(text(playlist, "id"), text(playlist, "name"), text(playlist, "description"),
				text(playlist.path("owner"), "id"), text(playlist, "snapshot_id"), count.path("total").asInt(0));
	}

	static PlaylistItem playlistItem(JsonNode entry) {
		JsonNode item = entry.path("item");
		String uri = text(item, "uri");
		String trackId = (uri != null && uri.startsWith(TRACK_URI_PREFIX)) ? uri.substring(TRACK_URI_PREFIX.length())
				: null;
		return new PlaylistItem(instant(entry, "added_at"), uri, trackId);
	}

	static String snapshotId(JsonNode answer) {
		return text(answer, "snapshot_id");
	}

	static Track track(JsonNode track) {
		JsonNode album = track.path("album");
		return new Track(text(track, "id"), text(track, "name"), track.path("disc_number").asInt(1),
				track.path("track_number").asInt(1), integer(track, "duration_ms"), bool(track, "explicit"),
				text(track.path("external_ids"), "isrc"), list(track.path("artists"), SpotifyJson::artist),
				album.isObject() ? album(album) : null, playability(track));
	}

	/**
	 * {@code is_playable} missing means unknown: neither playable nor unplayable.
	 */
	static Playability playability(JsonNode track) {
		Boolean playable = bool(track, "is_playable");
		if (playable == null) {
			return Playability.UNKNOWN;
		}
		return new Playability(playable, playable ? null : text(track.path("restrictions"), "reason"));
	}

	static Album album(JsonNode album) {
		return new Album(text(album, "id"), text(album, "name"), text(album, "album_type"), text(album, "release_date"),
				integer(album, "total_tracks"), coverImage(album.path("images")),
				list(album.path("artists"), SpotifyJson::artist));
	}

	static Artist artist(JsonNode artist) {
		return new Artist(text(artist, "id"), text(artist, "name"));
	}

	/**
	 * The smallest cover at least {@link #COVER_WIDTH} pixels wide (Spotify sends 640,
	 * 300 and 64), else the largest: our pages show covers at 40 to 128 CSS pixels, and a
	 * list of fifty 640-pixel covers would weigh megabytes on a phone.
	 */
	static String coverImage(JsonNode images) {
		JsonNode largest = null;
		JsonNode fitting = null;
		for (JsonNode image : images) {
			int width = image.path("width").asInt(0);
			if (largest == null || width > largest.path("width").asInt(0)) {
				largest = image;
			}
			if (width >= COVER_WIDTH && (fitting == null || width < fitting.path("width").asInt(0))) {
				fitting = image;
			}
		}
		JsonNode chosen = (fitting != null) ? fitting : largest;
		return (chosen != null) ? text(chosen, "url") : null;
	}

	/**
	 * The elements {@code item} reads; those it answers null for are left out.
	 */
	private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
		List<T> items = new ArrayList<>(array.size());
		for (JsonNode element : array) {
			T read = item.apply(element);
			if (read != null) {
				items.add(read);
			}
		}
		return items;
	}

	private static boolean hasId(JsonNode node) {
		return text(node, "id") != null;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	private static Integer integer(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.intValue() : null;
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.booleanValue() : null;
	}

	private static Instant instant(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? Instant.parse(value) : null;
	}

}
