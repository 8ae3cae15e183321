package dev.spotifytracker.spotify.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spotify's paging object with absolute {@code next} and {@code previous} links, as a
 * client following {@code next} to the end expects.
 */
final class JsonPages {

	private JsonPages() {
	}

	/**
	 * @param url the list's absolute URL without a query
	 * @param market the market to carry into the links, or null
	 */
	static Map<String, Object> page(String url, String market, List<?> items, int offset, int limit, int total) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("href", link(url, offset, limit, market));
		page.put("items", items);
		page.put("limit", limit);
		page.put("next", (offset + limit < total) ? link(url, offset + limit, limit, market) : null);
		page.put("offset", offset);
		page.put("previous", (offset > 0) ? link(url, Math.max(0, offset - limit), limit, market) : null);
		page.put("total", total);
		return page;
	}

	private static String link(String url, int offset, int limit, String market) {
		return url + "?offset=" + offset + "&limit=" + limit + ((market != null) ? "&market=" + market : "");
	}

}
