package dev.spotifytracker.spotify;

import java.net.URI;
import java.util.List;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Spotify as an OAuth2 provider: the registration that sign-in ({@code oauth2Login}) and
 * the client's token refresh share. The bean {@code spotifyClientRegistrations} holds it.
 */
public final class SpotifyRegistration {

	/**
	 * The registration id, also the last path segment of Spring Security's authorization
	 * request URI ({@code /oauth2/authorization/spotify}).
	 */
	public static final String REGISTRATION_ID = "spotify";

	/**
	 * What the tracker asks a user to allow: read the library and recent plays, read and
	 * write the playlists it keeps.
	 */
	public static final List<String> SCOPES = List.of("user-library-read", "user-read-recently-played",
			"playlist-read-private", "playlist-modify-private", "playlist-modify-public");

	/**
	 * Stands in for {@code SPOTIFY_CLIENT_ID} when it is not set, so the service starts;
	 * {@link SpotifyProperties#isConfigured()} says whether it is real.
	 */
	static final String PLACEHOLDER_CLIENT_ID = "spotify-client-id-not-set";

	private SpotifyRegistration() {
	}

	/**
	 * The registration for these settings (a placeholder client id when
	 * {@code SPOTIFY_CLIENT_ID} is not set).
	 */
	public static ClientRegistration of(SpotifyProperties properties) {
		String accounts = withoutTrailingSlash(properties.accountsBaseUrl());
		String api = withoutTrailingSlash(properties.apiBaseUrl());
		return ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Spotify")
			.clientId(properties.isConfigured() ? properties.clientId() : PLACEHOLDER_CLIENT_ID)
			.clientSecret(properties.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(
					(properties.redirectUri() != null) ? properties.redirectUri().toString() : "{baseUrl}/callback")
			.scope(SCOPES)
			.authorizationUri(accounts + "/authorize")
			.tokenUri(accounts + "/api/token")
			.userInfoUri(api + "/v1/me")
			.userNameAttributeName("id")
			.build();
	}

	private static String withoutTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
