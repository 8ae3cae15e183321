package dev.spotifytracker.spotify.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's own tests talk to it over real HTTP through this: plain
 * {@link HttpClient} calls, no redirects followed, answers parsed as JSON on demand.
 */
final class SimHttp {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final SpotifySimulator sim;

	SimHttp(SpotifySimulator sim) {
		this.sim = sim;
	}

	/**
	 * @param pathOrUrl {@code /v1/...} or an absolute URL (a {@code next} link)
	 */
	Answer get(String pathOrUrl, String accessToken) {
		return send("GET", pathOrUrl, accessToken, null);
	}

	Answer send(String method, String pathOrUrl, String accessToken, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
			.timeout(Duration.ofSeconds(30))
			.method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return exchange(request.build());
	}

	/**
	 * {@code POST /api/token} with the app's credentials in HTTP Basic.
	 */
	Answer token(Map<String, String> form) {
		return token(form, this.sim.clientId(), this.sim.clientSecret());
	}

	Answer token(Map<String, String> form, String clientId, String clientSecret) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		return exchange(HttpRequest.newBuilder(uri("/api/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(form)))
			.build());
	}

	/**
	 * {@code POST /api/token} with whatever headers the caller chose.
	 */
	Answer tokenWithoutBasic(Map<String, String> form) {
		return exchange(HttpRequest.newBuilder(uri("/api/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(form)))
			.build());
	}

	/**
	 * A fresh access token for the user through a refresh grant.
	 */
	String accessTokenFor(String userId) {
		Answer answer = token(
				Map.of("grant_type", "refresh_token", "refresh_token", this.sim.issueRefreshToken(userId)));
		if (answer.status() != 200) {
			throw new IllegalStateException("No access token: " + answer);
		}
		return answer.json().get("access_token").stringValue();
	}

	static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.sim.baseUrl() + pathOrUrl);
	}

	private Answer exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String retryAfter, String location, String body) {

		JsonNode json() {
			return JsonMapper.shared().readTree(this.body);
		}

	}

}
