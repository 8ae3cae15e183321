package dev.spotifytracker.spotify.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recently played: only the newest 50 plays are ever reachable, whatever the cursor.
 * {@code after} pages towards newer plays (the ones just after it), {@code before}
 * towards older ones; both are exclusive unix milliseconds and never given together.
 */
final class PlayerEndpoints {

	static final int REACHABLE_PLAYS = 50;

	private final SpotifyJson json;

	PlayerEndpoints(SpotifyJson json) {
		this.json = json;
	}

	void register(ApiRoutes routes) {
		routes.serve("GET", "/v1/me/player/recently-played", this::recentlyPlayed);
	}

	SimResponse recentlyPlayed(ApiRequest request) {
		request.requireScope("user-read-recently-played");
		int limit = request.limit(20, 50);
		Long after = request.millis("after");
		Long before = request.millis("before");
		if (after != null && before != null) {
			throw request.violation(400, "Only one of after and before may be specified", "both after and before");
		}
		List<SimPlay> window = request.user().newestPlays(REACHABLE_PLAYS);
		List<SimPlay> page;
		if (after != null) {
			List<SimPlay> newer = window.stream().filter((play) -> play.playedAt().toEpochMilli() > after).toList();
			page = newer.subList(Math.max(0, newer.size() - limit), newer.size());
		}
		else {
			page = window.stream()
				.filter((play) -> before == null || play.playedAt().toEpochMilli() < before)
				.limit(limit)
				.toList();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", page.stream().map(this::item).toList());
		String oldest = page.isEmpty() ? null : Long.toString(page.get(page.size() - 1).playedAt().toEpochMilli());
		boolean olderReachable = !page.isEmpty() && window.indexOf(page.get(page.size() - 1)) < window.size() - 1;
		answer.put("next", olderReachable
				? request.baseUrl() + "/v1/me/player/recently-played?before=" + oldest + "&limit=" + limit : null);
		answer.put("cursors", page.isEmpty() ? null
				: Map.of("after", Long.toString(page.get(0).playedAt().toEpochMilli()), "before", oldest));
		answer.put("limit", limit);
		answer.put("href", request.requestUrl());
		return SimResponse.json(200, answer);
	}

	private Object item(SimPlay play) {
		Map<String, Object> item = new LinkedHashMap<>();
		// no market on this endpoint, so no availability either
		item.put("track", this.json.fullTrack(play.track(), MarketView.NONE));
		item.put("played_at", SpotifyJson.playedAt(play.playedAt()));
		item.put("context", this.json.context(play.contextUri()));
		return item;
	}

}
