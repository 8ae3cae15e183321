package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Web API request with a valid access token, as an endpoint sees it: the user, the
 * path's ids, and checked parameters. A parameter out of Spotify's bounds ends the
 * request with Spotify's 400 and counts as a violation.
 */
final class ApiRequest {

	private final SimExchange exchange;

	private final String endpoint;

	private final List<String> pathIds;

	private final TokenStore.AccessGrant grant;

	private final SimulatedUser user;

	private final String baseUrl;

	private final Instant now;

	ApiRequest(SimExchange exchange, String endpoint, List<String> pathIds, TokenStore.AccessGrant grant,
			SimulatedUser user, String baseUrl, Instant now) {
		this.exchange = exchange;
		this.endpoint = endpoint;
		this.pathIds = pathIds;
		this.grant = grant;
		this.user = user;
		this.baseUrl = baseUrl;
		this.now = now;
	}

	SimulatedUser user() {
		return this.user;
	}

	Instant now() {
		return this.now;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The request's absolute URL without its query.
	 */
	String url() {
		return this.baseUrl + this.exchange.path();
	}

	/**
	 * The request's absolute URL as it came.
	 */
	String requestUrl() {
		return url() + ((this.exchange.rawQuery() != null) ? "?" + this.exchange.rawQuery() : "");
	}

	String param(String name) {
		return this.exchange.query(name);
	}

	/**
	 * The path's {@code {id}}, which must look like a Spotify id.
	 */
	String pathId() {
		String id = this.pathIds.get(0);
		if (!SimIds.isId(id)) {
			throw violation(400, "Invalid base62 id", "'" + id + "' is not a Spotify id");
		}
		return id;
	}

	int limit(int defaultLimit, int max) {
		String value = param("limit");
		if (value == null) {
			return defaultLimit;
		}
		Integer limit = parseInt(value);
		if (limit == null || limit < 1 || limit > max) {
			throw violation(400, "Invalid limit", "limit=" + value + " is outside 1.." + max);
		}
		return limit;
	}

	int offset() {
		String value = param("offset");
		if (value == null) {
			return 0;
		}
		Integer offset = parseInt(value);
		if (offset == null || offset < 0) {
			throw violation(400, "Invalid offset", "offset=" + value + " is not a number of 0 or more");
		}
		return offset;
	}

	/**
	 * @return {@code from_token}, a country code, or null when none was given
	 */
	String market() {
		String market = param("market");
		if (market != null && !market.equals("from_token") && !market.matches("[A-Z]{2}")) {
			throw violation(400, "Invalid market code", "market=" + market + " is neither from_token nor a country");
		}
		return market;
	}

	/**
	 * A unix-milliseconds parameter ({@code after}, {@code before}), or null.
	 */
	Long millis(String name) {
		String value = param(name);
		if (value == null) {
			return null;
		}
		try {
			long millis = Long.parseLong(value);
			if (millis < 0) {
				throw new NumberFormatException();
			}
			return millis;
		}
		catch (NumberFormatException ex) {
			throw violation(400, "Invalid " + name, name + "=" + value + " is not unix milliseconds");
		}
	}

	boolean hasScope(String scope) {
		return this.grant.hasScope(scope);
	}

	void requireScope(String scope) {
		if (!hasScope(scope)) {
			throw violation(403, "Insufficient client scope", "the access token lacks scope " + scope);
		}
	}

	/**
	 * The body as JSON; a body that is missing or not JSON is Spotify's 400.
	 */
	JsonNode jsonBody() {
		byte[] body = this.exchange.body();
		if (body.length == 0) {
			throw violation(400, "Error parsing JSON.", "the body is empty");
		}
		try {
			JsonNode json = JsonMapper.shared().readTree(body);
			if (json == null || !json.isObject()) {
				throw violation(400, "Error parsing JSON.", "the body is not a JSON object");
			}
			return json;
		}
		catch (JacksonException ex) {
			throw violation(400, "Error parsing JSON.", "the body is not JSON: " + ex.getOriginalMessage());
		}
	}

	boolean hasBody() {
		return this.exchange.body().length > 0;
	}

	/**
	 * A breach of the contract by this request: answered with Spotify's error and listed
	 * as a violation under the endpoint.
	 */
	SimHttpError violation(int status, String message, String why) {
		return SimHttpError.violation(status, message, this.endpoint + ": " + why);
	}

	private static Integer parseInt(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
