package dev.spotifytracker.spotify.fake;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * One HTTP request as the simulator reads it: method, path, decoded query and body.
 */
final class SimExchange {

	private final String method;

	private final String path;

	private final String rawQuery;

	private final Map<String, String> query;

	private final Headers headers;

	private final byte[] body;

	private SimExchange(String method, String path, String rawQuery, Headers headers, byte[] body) {
		this.method = method;
		this.path = path;
		this.rawQuery = rawQuery;
		this.query = parseForm(rawQuery);
		this.headers = headers;
		this.body = body;
	}

	static SimExchange read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new SimExchange(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), in.readAllBytes());
		}
	}

	/**
	 * An {@code application/x-www-form-urlencoded} text (a query or a form body) as
	 * name-value pairs; a repeated name keeps its first value.
	 */
	static Map<String, String> parseForm(String text) {
		if (text == null || text.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			values.putIfAbsent(name, value);
		}
		return values;
	}

	String method() {
		return this.method;
	}

	String path() {
		return this.path;
	}

	String rawQuery() {
		return this.rawQuery;
	}

	String query(String name) {
		return this.query.get(name);
	}

	String header(String name) {
		return this.headers.getFirst(name);
	}

	byte[] body() {
		return this.body;
	}

	String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
