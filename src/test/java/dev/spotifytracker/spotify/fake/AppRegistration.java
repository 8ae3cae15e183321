package dev.spotifytracker.spotify.fake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one Spotify app the simulator knows: its credentials and the redirect URIs it may
 * use. Spotify takes only {@code https} and loopback-IP {@code http} addresses
 * ({@code localhost} is refused); by default any such address is accepted, since a test's
 * port is random, unless exact ones were registered.
 */
final class AppRegistration {

	private final String clientId;

	private final String clientSecret;

	private final Set<String> redirectUris = new LinkedHashSet<>();

	AppRegistration(String clientId, String clientSecret) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	String clientId() {
		return this.clientId;
	}

	String clientSecret() {
		return this.clientSecret;
	}

	synchronized void registerRedirectUri(String redirectUri) {
		if (!isAllowedForm(redirectUri)) {
			throw new IllegalArgumentException(
					"Spotify accepts https or http://127.0.0.1 / http://[::1] redirect URIs: " + redirectUri);
		}
		this.redirectUris.add(redirectUri);
	}

	synchronized boolean acceptsRedirectUri(String redirectUri) {
		return isAllowedForm(redirectUri) && (this.redirectUris.isEmpty() || this.redirectUris.contains(redirectUri));
	}

	synchronized void clear() {
		this.redirectUris.clear();
	}

	private static boolean isAllowedForm(String redirectUri) {
		try {
			URI uri = new URI(redirectUri);
			if (uri.getHost() == null || uri.getFragment() != null) {
				return false;
			}
			if ("https".equals(uri.getScheme())) {
				return true;
			}
			return "http".equals(uri.getScheme())
					&& ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
