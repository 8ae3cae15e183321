package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spotify's object shapes as of 2026 (without the fields Development Mode removed:
 * {@code popularity}, {@code available_markets}, {@code linked_from}, {@code label},
 * {@code followers}), built as maps for one answer at a time.
 */
final class SpotifyJson {

	private static final DateTimeFormatter ADDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter PLAYED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int[] IMAGE_SIZES = { 640, 300, 64 };

	private final String baseUrl;

	SpotifyJson(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	static String addedAt(Instant at) {
		return ADDED_AT.format(at);
	}

	static String playedAt(Instant at) {
		return PLAYED_AT.format(at);
	}

	Map<String, Object> artist(SimArtist artist) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("external_urls", externalUrls("artist", artist.id()));
		json.put("href", this.baseUrl + "/v1/artists/" + artist.id());
		json.put("id", artist.id());
		json.put("name", artist.name());
		json.put("type", "artist");
		json.put("uri", artist.uri());
		return json;
	}

	Map<String, Object> simplifiedAlbum(SimAlbum album) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("album_type", album.albumType());
		json.put("total_tracks", album.totalTracks());
		json.put("external_urls", externalUrls("album", album.id()));
		json.put("href", this.baseUrl + "/v1/albums/" + album.id());
		json.put("id", album.id());
		json.put("images", images(album));
		json.put("name", album.name());
		json.put("release_date", album.releaseDate());
		json.put("release_date_precision", album.releaseDatePrecision());
		json.put("type", "album");
		json.put("uri", album.uri());
		json.put("artists", album.artists().stream().map(this::artist).toList());
		return json;
	}

	/**
	 * @param tracks the album's first page of tracks
	 */
	Map<String, Object> fullAlbum(SimAlbum album, Map<String, Object> tracks) {
		Map<String, Object> json = simplifiedAlbum(album);
		json.put("tracks", tracks);
		json.put("copyrights", List.of(Map.of("text",
				"(P) " + album.releaseDate().substring(0, 4) + " " + album.artists().get(0).name(), "type", "P")));
		json.put("genres", List.of());
		return json;
	}

	Map<String, Object> simplifiedTrack(SimTrack track, MarketView view) {
		SimTrack served = view.served(track);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("artists", served.artists().stream().map(this::artist).toList());
		json.put("disc_number", served.discNumber());
		json.put("duration_ms", served.durationMs());
		json.put("explicit", served.explicit());
		json.put("external_urls", externalUrls("track", served.id()));
		json.put("href", this.baseUrl + "/v1/tracks/" + served.id());
		json.put("id", served.id());
		availability(json, view.availability(served));
		json.put("name", served.name());
		json.put("track_number", served.trackNumber());
		json.put("type", "track");
		json.put("uri", served.uri());
		json.put("is_local", false);
		return json;
	}

	Map<String, Object> fullTrack(SimTrack track, MarketView view) {
		SimTrack served = view.served(track);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("album", simplifiedAlbum(served.album()));
		json.putAll(simplifiedTrack(track, view));
		json.put("external_ids", Map.of("isrc", served.isrc()));
		return json;
	}

	/**
	 * A user inside another object (a playlist's owner, {@code added_by}).
	 */
	Map<String, Object> publicUser(SimulatedUser user) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("display_name", user.displayName());
		json.put("external_urls", externalUrls("user", user.id()));
		json.put("href", this.baseUrl + "/v1/users/" + user.id());
		json.put("id", user.id());
		json.put("type", "user");
		json.put("uri", user.uri());
		return json;
	}

	/**
	 * {@code /v1/me} since May 2026: {@code account_id} added; {@code country},
	 * {@code email}, {@code product} gone.
	 */
	Map<String, Object> currentUser(SimulatedUser user) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("account_id", user.accountId());
		json.put("display_name", user.displayName());
		json.put("external_urls", externalUrls("user", user.id()));
		json.put("href", this.baseUrl + "/v1/users/" + user.id());
		json.put("id", user.id());
		json.put("images", List.of());
		json.put("type", "user");
		json.put("uri", user.uri());
		return json;
	}

	/**
	 * A playlist as {@code /v1/me/playlists} lists it: its count is {@code items}, no
	 * longer {@code tracks}.
	 */
	Map<String, Object> playlist(SimPlaylist playlist) {
		return playlist(playlist, Map.of("href", itemsHref(playlist), "total", playlist.size()));
	}

	Map<String, Object> playlist(SimPlaylist playlist, Map<String, Object> items) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("collaborative", playlist.collaborative());
		json.put("description", playlist.description());
		json.put("external_urls", externalUrls("playlist", playlist.id()));
		json.put("href", this.baseUrl + "/v1/playlists/" + playlist.id());
		json.put("id", playlist.id());
		json.put("images", List.of());
		json.put("name", playlist.name());
		json.put("owner", publicUser(playlist.owner()));
		json.put("public", playlist.isPublic());
		json.put("snapshot_id", playlist.snapshotId());
		json.put("items", items);
		json.put("type", "playlist");
		json.put("uri", playlist.uri());
		return json;
	}

	String itemsHref(SimPlaylist playlist) {
		return this.baseUrl + "/v1/playlists/" + playlist.id() + "/items";
	}

	/**
	 * The {@code context} of a play, or null when it was played from nowhere in
	 * particular.
	 */
	Map<String, Object> context(String contextUri) {
		if (contextUri == null) {
			return null;
		}
		String[] parts = contextUri.split(":");
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", parts[1]);
		json.put("uri", contextUri);
		json.put("href", this.baseUrl + "/v1/" + parts[1] + "s/" + parts[parts.length - 1]);
		json.put("external_urls", externalUrls(parts[1], parts[parts.length - 1]));
		return json;
	}

	private List<Object> images(SimAlbum album) {
		return Arrays.stream(IMAGE_SIZES).mapToObj((size) -> {
			Map<String, Object> image = new LinkedHashMap<>();
			image.put("url", this.baseUrl + "/image/" + album.id() + "/" + size);
			image.put("height", size);
			image.put("width", size);
			return (Object) image;
		}).toList();
	}

	private static void availability(Map<String, Object> json, SimAvailability availability) {
		if (availability == null || availability.playable() == null) {
			return; // no market asked, or Spotify does not know: the field is missing
		}
		json.put("is_playable", availability.playable());
		if (!availability.playable()) {
			json.put("restrictions", Map.of("reason", availability.reason()));
		}
	}

	private static Map<String, Object> externalUrls(String type, String id) {
		return Map.of("spotify", "https://open.spotify.com/" + type + "/" + id);
	}

}
