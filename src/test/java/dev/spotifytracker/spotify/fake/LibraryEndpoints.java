package dev.spotifytracker.spotify.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the user is, their saved albums and liked tracks, album tracks and single tracks.
 * Pages are built per request from the user's lists.
 */
final class LibraryEndpoints {

	private static final int EMBEDDED_TRACKS = 50;

	private final Catalog catalog;

	private final SpotifyJson json;

	LibraryEndpoints(Catalog catalog, SpotifyJson json) {
		this.catalog = catalog;
		this.json = json;
	}

	void register(ApiRoutes routes) {
		routes.serve("GET", "/v1/me", this::me)
			.serve("GET", "/v1/me/albums", this::savedAlbums)
			.serve("GET", "/v1/albums/{id}/tracks", this::albumTracks)
			.serve("GET", "/v1/me/tracks", this::likedTracks)
			.serve("GET", "/v1/tracks/{id}", this::track);
	}

	SimResponse me(ApiRequest request) {
		return SimResponse.json(200, this.json.currentUser(request.user()));
	}

	SimResponse savedAlbums(ApiRequest request) {
		request.requireScope("user-library-read");
		int limit = request.limit(20, 50);
		int offset = request.offset();
		String market = request.market();
		MarketView view = MarketView.of(request.user(), market);
		List<Object> items = request.user().savedAlbumsPage(offset, limit).stream().map((saved) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("added_at", SpotifyJson.addedAt(saved.addedAt()));
			item.put("album", this.json.fullAlbum(saved.album(),
					tracksPage(request, saved.album(), 0, EMBEDDED_TRACKS, market, view)));
			return (Object) item;
		}).toList();
		return SimResponse.json(200,
				JsonPages.page(request.url(), market, items, offset, limit, request.user().savedAlbumCount()));
	}

	SimResponse albumTracks(ApiRequest request) {
		String albumId = request.pathId();
		int limit = request.limit(20, 50);
		int offset = request.offset();
		String market = request.market();
		SimAlbum album = this.catalog.findAlbum(albumId)
			.orElseThrow(() -> SimHttpError.answer(404, "Resource not found"));
		return SimResponse.json(200,
				tracksPage(request, album, offset, limit, market, MarketView.of(request.user(), market)));
	}

	SimResponse likedTracks(ApiRequest request) {
		request.requireScope("user-library-read");
		int limit = request.limit(20, 50);
		int offset = request.offset();
		String market = request.market();
		MarketView view = MarketView.of(request.user(), market);
		List<Object> items = request.user().likedTracksPage(offset, limit).stream().map((liked) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("added_at", SpotifyJson.addedAt(liked.addedAt()));
			item.put("track",
					request.user().isWithdrawn(liked.track().id()) ? null : this.json.fullTrack(liked.track(), view));
			return (Object) item;
		}).toList();
		return SimResponse.json(200,
				JsonPages.page(request.url(), market, items, offset, limit, request.user().likedTrackCount()));
	}

	SimResponse track(ApiRequest request) {
		String trackId = request.pathId();
		String market = request.market();
		SimTrack track = this.catalog.findTrack(trackId)
			.orElseThrow(() -> SimHttpError.answer(404, "Resource not found"));
		return SimResponse.json(200, this.json.fullTrack(track, MarketView.of(request.user(), market)));
	}

	private Map<String, Object> tracksPage(ApiRequest request, SimAlbum album, int offset, int limit, String market,
			MarketView view) {
		List<SimTrack> tracks = album.tracks();
		List<Object> items = tracks.subList(Math.min(offset, tracks.size()), Math.min(tracks.size(), offset + limit))
			.stream()
			.map((track) -> (Object) this.json.simplifiedTrack(track, view))
			.toList();
		return JsonPages.page(request.baseUrl() + "/v1/albums/" + album.id() + "/tracks", market, items, offset, limit,
				tracks.size());
	}

}
