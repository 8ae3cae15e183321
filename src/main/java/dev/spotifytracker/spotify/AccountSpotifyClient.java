package dev.spotifytracker.spotify;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCallExecutor.SpotifyCall;
import dev.spotifytracker.spotify.request.AddPlaylistItemsRequest;
import dev.spotifytracker.spotify.request.CreatePlaylistRequest;
import dev.spotifytracker.spotify.request.GetPlaylistItemsRequest;
import dev.spotifytracker.spotify.request.RemoveFromLibraryRequest;
import dev.spotifytracker.spotify.request.RemovePlaylistItemsRequest;
import dev.spotifytracker.spotify.request.ReplacePlaylistItemsRequest;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.requests.AbstractRequest;
import se.michaelthelin.spotify.requests.data.albums.GetAlbumsTracksRequest;
import se.michaelthelin.spotify.requests.data.library.GetCurrentUsersSavedAlbumsRequest;
import se.michaelthelin.spotify.requests.data.library.GetUsersSavedTracksRequest;
import se.michaelthelin.spotify.requests.data.player.GetCurrentUsersRecentlyPlayedTracksRequest;
import se.michaelthelin.spotify.requests.data.playlists.GetListOfCurrentUsersPlaylistsRequest;
import se.michaelthelin.spotify.requests.data.tracks.GetTrackRequest;
import se.michaelthelin.spotify.requests.data.users_profile.GetCurrentUsersProfileRequest;
import tools.jackson.databind.JsonNode;

/**
 * One account's client: builds each request (spotify-web-api-java's where it is still
 * right, ours in {@code request} where it is not), runs it through the
 * {@link SpotifyCallExecutor} and reads the answer with {@link SpotifyJson}. Limits are
 * checked before anything is sent.
 */
final class AccountSpotifyClient implements SpotifyClient {

	/** Each track then says whether it plays in the account's country. */
	private static final String MARKET = "from_token";

	private final AccountId account;

	private final SpotifyApi api;

	private final SpotifyCallExecutor executor;

	AccountSpotifyClient(AccountId account, SpotifyApi api, SpotifyCallExecutor executor) {
		this.account = account;
		this.api = api;
		this.executor = executor;
	}

	@Override
	public SpotifyUser currentUser() {
		return call("GET /v1/me", (token) -> lib(new GetCurrentUsersProfileRequest.Builder(token)).build().getJson(),
				SpotifyJson::user);
	}

	@Override
	public Page<SavedAlbum> savedAlbums(int offset, int limit) {
		checkPage(offset, limit);
		return call("GET /v1/me/albums",
				(token) -> lib(new GetCurrentUsersSavedAlbumsRequest.Builder(token)).offset(offset)
					.limit(limit)
					.setQueryParameter("market", MARKET)
					.build()
					.getJson(),
				(json) -> SpotifyJson.page(json, SpotifyJson::savedAlbum));
	}

	@Override
	public Page<Track> albumTracks(String albumId, int offset, int limit) {
		SpotifyEndpoints.requireId(albumId, "album");
		checkPage(offset, limit);
		return call("GET /v1/albums/{id}/tracks",
				(token) -> lib(new GetAlbumsTracksRequest.Builder(token)).id(albumId)
					.offset(offset)
					.limit(limit)
					.setQueryParameter("market", MARKET)
					.build()
					.getJson(),
				(json) -> SpotifyJson.page(json, SpotifyJson::listedTrack));
	}

	@Override
	public Page<SavedTrack> likedTracks(int offset, int limit) {
		checkPage(offset, limit);
		return call("GET /v1/me/tracks",
				(token) -> lib(new GetUsersSavedTracksRequest.Builder(token)).offset(offset)
					.limit(limit)
					.setQueryParameter("market", MARKET)
					.build()
					.getJson(),
				(json) -> SpotifyJson.page(json, SpotifyJson::savedTrack));
	}

	@Override
	public Track track(String trackId) {
		SpotifyEndpoints.requireId(trackId, "track");
		return call("GET /v1/tracks/{id}",
				(token) -> lib(new GetTrackRequest.Builder(token)).id(trackId)
					.setQueryParameter("market", MARKET)
					.build()
					.getJson(),
				SpotifyJson::track);
	}

	@Override
	public List<PlayedTrack> recentlyPlayed(Instant after, int limit) {
		checkLimit(limit);
		return call("GET /v1/me/player/recently-played", (token) -> {
			GetCurrentUsersRecentlyPlayedTracksRequest.Builder request = lib(
					new GetCurrentUsersRecentlyPlayedTracksRequest.Builder(token))
				.limit(limit);
			if (after != null) {
				// unix milliseconds: the library's after(Date) sends a formatted date
				request.setQueryParameter("after", after.toEpochMilli());
			}
			return request.build().getJson();
		}, SpotifyJson::playedTracks);
	}

	@Override
	public Page<PlaylistSummary> myPlaylists(int offset, int limit) {
		checkPage(offset, limit);
		return call("GET /v1/me/playlists",
				(token) -> lib(new GetListOfCurrentUsersPlaylistsRequest.Builder(token)).offset(offset)
					.limit(limit)
					.build()
					.getJson(),
				(json) -> SpotifyJson.page(json, SpotifyJson::playlistSummary));
	}

	@Override
	public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A playlist needs a name");
		}
		return call("POST /v1/me/playlists",
				(token) -> lib(new CreatePlaylistRequest.Builder(token)).name(name)
					.description(description)
					.isPublic(isPublic)
					.build()
					.execute(),
				SpotifyJson::playlistSummary);
	}

	@Override
	public Page<PlaylistItem> playlistItems(String playlistId, int offset, int limit) {
		SpotifyEndpoints.requireId(playlistId, "playlist");
		checkPage(offset, limit);
		return call("GET /v1/playlists/{id}/items",
				(token) -> lib(new GetPlaylistItemsRequest.Builder(token)).playlistId(playlistId)
					.offset(offset)
					.limit(limit)
					.build()
					.execute(),
				(json) -> SpotifyJson.page(json, SpotifyJson::playlistItem));
	}

	@Override
	public String replacePlaylistItems(String playlistId, List<String> uris) {
		SpotifyEndpoints.requireId(playlistId, "playlist");
		checkUris(uris, 0);
		return call("PUT /v1/playlists/{id}/items",
				(token) -> lib(new ReplacePlaylistItemsRequest.Builder(token)).playlistId(playlistId)
					.uris(uris)
					.build()
					.execute(),
				SpotifyJson::snapshotId);
	}

	@Override
	public String addPlaylistItems(String playlistId, List<String> uris, Integer position) {
		SpotifyEndpoints.requireId(playlistId, "playlist");
		checkUris(uris, 1);
		if (position != null && position < 0) {
			throw new IllegalArgumentException("position must not be negative: " + position);
		}
		return call("POST /v1/playlists/{id}/items",
				(token) -> lib(new AddPlaylistItemsRequest.Builder(token)).playlistId(playlistId)
					.uris(uris)
					.position(position)
					.build()
					.execute(),
				SpotifyJson::snapshotId);
	}

	@Override
	public String removePlaylistItems(String playlistId, List<String> uris) {
		SpotifyEndpoints.requireId(playlistId, "playlist");
		checkUris(uris, 1);
		return call("DELETE /v1/playlists/{id}/items",
				(token) -> lib(new RemovePlaylistItemsRequest.Builder(token)).playlistId(playlistId)
					.uris(uris)
					.build()
					.execute(),
				SpotifyJson::snapshotId);
	}

	@Override
	public void removePlaylistFromLibrary(String playlistId) {
		SpotifyEndpoints.requireId(playlistId, "playlist");
		call("DELETE /v1/me/library",
				(token) -> lib(new RemoveFromLibraryRequest.Builder(token))
					.uris(List.of("spotify:playlist:" + playlistId))
					.build()
					.execute(),
				(json) -> null);
	}

	private <T> T call(String endpoint, SpotifyCall call, Function<JsonNode, T> reader) {
		String json = this.executor.execute(this.account, call);
		try {
			return reader.apply(SpotifyJson.tree(json));
		}
		catch (RuntimeException ex) {
			throw new SpotifyRequestException(endpoint, 200,
					"Could not read Spotify's answer to " + endpoint + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Points a request at the configured API host and our HTTP layer.
	 */
	private <B extends AbstractRequest.Builder<?, ?>> B lib(B builder) {
		builder.setDefaults(this.api.getHttpManager(), this.api.getScheme(), this.api.getHost(), this.api.getPort());
		return builder;
	}

	private static void checkPage(int offset, int limit) {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative: " + offset);
		}
		checkLimit(limit);
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("Spotify pages hold 1 to " + MAX_PAGE_SIZE + " items, not " + limit);
		}
	}

	private static void checkUris(List<String> uris, int min) {
		if (uris == null || uris.size() < min || uris.size() > MAX_WRITE_URIS) {
			throw new IllegalArgumentException("A playlist write takes " + min + " to " + MAX_WRITE_URIS + " uris, not "
					+ ((uris != null) ? uris.size() : null));
		}
		if (uris.stream().anyMatch((uri) -> uri == null || uri.isBlank())) {
			throw new IllegalArgumentException("A playlist write got a blank uri");
		}
	}

}
