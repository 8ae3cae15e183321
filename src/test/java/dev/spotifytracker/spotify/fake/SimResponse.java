package dev.spotifytracker.spotify.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * An answer of the simulator, before it goes on the wire.
 */
record SimResponse(int status, Map<String, String> headers, byte[] body) {

	private static final JsonMapper JSON = JsonMapper.shared();

	static SimResponse json(int status, Object body) {
		return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
				JSON.writeValueAsBytes(body));
	}

	/**
	 * Spotify's Web API error: {@code {"error":{"status":..,"message":..}}}.
	 */
	static SimResponse apiError(int status, String message) {
		return json(status, Map.of("error", errorBody(status, message)));
	}

	static SimResponse rateLimited(int retryAfterSeconds, String reason) {
		Map<String, Object> error = errorBody(429, "API rate limit exceeded");
		if (reason != null) {
			error.put("reason", reason);
		}
		SimResponse answer = json(429, Map.of("error", error));
		return answer.withHeader("Retry-After", Integer.toString(retryAfterSeconds));
	}

	/**
	 * The accounts service's OAuth error: {@code {"error":..,"error_description":..}}.
	 */
	static SimResponse oauthError(int status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		if (description != null) {
			body.put("error_description", description);
		}
		return json(status, body);
	}

	static SimResponse html(int status, String text) {
		String page = "<!DOCTYPE html><html><head><title>Spotify simulator</title></head><body><p>"
				+ text.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>";
		return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
				page.getBytes(StandardCharsets.UTF_8));
	}

	static SimResponse redirect(String location) {
		return new SimResponse(302, Map.of("Location", location), new byte[0]);
	}

	static SimResponse of(int status, String contentType, byte[] body) {
		return new SimResponse(status, Map.of("Content-Type", contentType), body);
	}

	SimResponse withHeader(String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.put(name, value);
		return new SimResponse(this.status, all, this.body);
	}

	String header(String name) {
		return this.headers.get(name);
	}

	boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

	private static Map<String, Object> errorBody(int status, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", status);
		error.put("message", message);
		return error;
	}

}
