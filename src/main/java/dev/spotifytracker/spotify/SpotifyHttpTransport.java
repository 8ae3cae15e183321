package dev.spotifytracker.spotify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.IHttpManager;

/**
 * spotify-web-api-java's HTTP layer for one account: every Web API request passes here,
 * once per attempt. It sends over the JDK client with connect and read timeouts (no
 * cache), refuses endpoints this client must not use, counts the request, and hands back
 * the body of a 2xx; anything else becomes a {@link SpotifyHttpFailure} with status,
 * {@code Retry-After} and body, which the library would otherwise hide.
 */
final class SpotifyHttpTransport implements IHttpManager {

	private static final Logger log = LoggerFactory.getLogger(SpotifyHttpTransport.class);

	/** Headers the JDK client sets itself and refuses from callers. */
	private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final HttpClient http;

	private final Duration readTimeout;

	private final AccountId account;

	private final SpotifyCallListener listener;

	private final SpotifyCallRecorder recorder;

	SpotifyHttpTransport(HttpClient http, Duration readTimeout, AccountId account, SpotifyCallListener listener,
			SpotifyCallRecorder recorder) {
		this.http = http;
		this.readTimeout = readTimeout;
		this.account = account;
		this.listener = listener;
		this.recorder = recorder;
	}

	@Override
	public String get(URI uri, Header[] headers) {
		return exchange("GET", uri, headers, null);
	}

	@Override
	public String post(URI uri, Header[] headers, HttpEntity body) {
		return exchange("POST", uri, headers, body);
	}

	@Override
	public String put(URI uri, Header[] headers, HttpEntity body) {
		return exchange("PUT", uri, headers, body);
	}

	@Override
	public String delete(URI uri, Header[] headers, HttpEntity body) {
		return exchange("DELETE", uri, headers, body);
	}

	private String exchange(String method, URI uri, Header[] headers, HttpEntity body) {
		String endpoint = SpotifyEndpoints.allowedTemplate(method, uri);
		HttpRequest request = request(method, uri, headers, body);
		int status = 0;
		try {
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			status = response.statusCode();
			if (status >= 200 && status < 300) {
				return response.body();
			}
			throw new SpotifyHttpFailure(endpoint, status, response.headers().firstValue("Retry-After").orElse(null),
					response.body(), !"POST".equals(method), null);
		}
		catch (IOException ex) {
			throw new SpotifyHttpFailure(endpoint, 0, null, null, !"POST".equals(method), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SpotifyRequestException(endpoint, 0, endpoint + " was interrupted", ex);
		}
		finally {
			count(endpoint, status);
		}
	}

	private void count(String endpoint, int status) {
		this.recorder.record(this.account, endpoint, status);
		try {
			this.listener.called(endpoint, status);
		}
		catch (RuntimeException ex) {
			log.warn("A Spotify call listener failed on {} {}: {}", endpoint, status, ex.toString());
		}
	}

	private HttpRequest request(String method, URI uri, Header[] headers, HttpEntity body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(withoutDefaultPort(uri))
			.timeout(this.readTimeout)
			.header("Accept", "application/json");
		for (Header header : headers) {
			if (!RESTRICTED_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
				request.setHeader(header.getName(), header.getValue());
			}
		}
		if (body != null && body.getContentType() != null) {
			request.setHeader("Content-Type", body.getContentType());
		}
		return request.method(method, publisher(body)).build();
	}

	private static BodyPublisher publisher(HttpEntity body) {
		if (body == null) {
			return BodyPublishers.noBody();
		}
		try {
			return BodyPublishers.ofByteArray(EntityUtils.toByteArray(body));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read a request body", ex);
		}
	}

	/**
	 * The library always writes the port; {@code https://api.spotify.com:443} is the same
	 * host but a different {@code Host} header.
	 */
	private static URI withoutDefaultPort(URI uri) {
		boolean defaultPort = ("https".equals(uri.getScheme()) && uri.getPort() == 443)
				|| ("http".equals(uri.getScheme()) && uri.getPort() == 80);
		if (!defaultPort) {
			return uri;
		}
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return URI.create(uri.getScheme() + "://" + uri.getHost() + uri.getRawPath() + query);
	}

}
