package dev.spotifytracker.spotify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.spotifytracker.app.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Access tokens per account: kept until shortly before they expire, then refreshed with
 * the account's refresh token through Spring Security's OAuth2 client (HTTP Basic client
 * authentication, against {@code SPOTIFY_ACCOUNTS_BASE_URL}). One refresh at a time per
 * account, so concurrent calls share the new token (and a rotated refresh token is never
 * used twice).
 */
final class AccessTokens {

	private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

	/** Refresh this long before expiry (at most half the token's lifetime). */
	private static final Duration EARLY = Duration.ofSeconds(60);

	/** The grant request wants the old access token; Spotify never sees it. */
	private static final OAuth2AccessToken NO_ACCESS_TOKEN = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
			"none", Instant.EPOCH, Instant.EPOCH.plusSeconds(1));

	private final boolean configured;

	private final ClientRegistration registration;

	private final SpotifyCredentialStore store;

	private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenClient;

	private final Clock clock;

	private final Map<AccountId, OAuth2AccessToken> tokens = new ConcurrentHashMap<>();

	private final Map<AccountId, Object> locks = new ConcurrentHashMap<>();

	AccessTokens(boolean configured, ClientRegistration registration, SpotifyCredentialStore store,
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenClient, Clock clock) {
		this.configured = configured;
		this.registration = registration;
		this.store = store;
		this.tokenClient = tokenClient;
		this.clock = clock;
	}

	/**
	 * Spring Security's refresh-token client on our HTTP client, with the read timeout
	 * and the converters and error handler it uses by default.
	 */
	static OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenClient(HttpClient http,
			Duration readTimeout) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(readTimeout);
		RestClient restClient = RestClient.builder()
			.requestFactory(requestFactory)
			.configureMessageConverters((converters) -> converters.disableDefaults()
				.addCustomConverter(new FormHttpMessageConverter())
				.withStringConverter(new StringHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(restClient);
		return client;
	}

	/**
	 * Drops the cached access token: the account signed in again, or lost its grant.
	 */
	void forget(AccountId account) {
		this.tokens.remove(account);
	}

	/**
	 * A valid access token, refreshed when the cached one is (nearly) expired.
	 * @throws SpotifySignInRequiredException no usable refresh token
	 * @throws SpotifyHttpFailure the accounts service failed or gave no answer
	 */
	String accessToken(AccountId account) {
		OAuth2AccessToken token = this.tokens.get(account);
		if (isFresh(token)) {
			return token.getTokenValue();
		}
		synchronized (lock(account)) {
			token = this.tokens.get(account);
			return isFresh(token) ? token.getTokenValue() : refresh(account);
		}
	}

	/**
	 * Spotify answered 401 to {@code rejected}: a new token, unless another call has
	 * already replaced it.
	 */
	String replaceRejected(AccountId account, String rejected) {
		synchronized (lock(account)) {
			OAuth2AccessToken token = this.tokens.get(account);
			if (isFresh(token) && !token.getTokenValue().equals(rejected)) {
				return token.getTokenValue();
			}
			this.tokens.remove(account);
			log.info("Account {}: Spotify refused the access token (401); refreshing it", account);
			return refresh(account);
		}
	}

	private String refresh(AccountId account) {
		if (!this.configured) {
			throw new SpotifyRequestException(SpotifyEndpoints.TOKEN, 0,
					"SPOTIFY_CLIENT_ID is not set: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET to your Spotify app's to call Spotify",
					null);
		}
		String refreshToken = this.store.refreshToken(account)
			.orElseThrow(() -> new SpotifySignInRequiredException(account,
					"Account " + account + " has no Spotify refresh token: it must sign in with Spotify"));
		OAuth2AccessTokenResponse response;
		try {
			response = this.tokenClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(this.registration,
					NO_ACCESS_TOKEN, new OAuth2RefreshToken(refreshToken, null)));
		}
		catch (OAuth2AuthorizationException ex) {
			throw refused(account, ex);
		}
		OAuth2RefreshToken rotated = response.getRefreshToken();
		if (rotated != null && !Objects.equals(rotated.getTokenValue(), refreshToken)) {
			this.store.refreshTokenRotated(account, rotated.getTokenValue());
		}
		OAuth2AccessToken token = response.getAccessToken();
		this.tokens.put(account, token);
		return token.getTokenValue();
	}

	private RuntimeException refused(AccountId account, OAuth2AuthorizationException ex) {
		OAuth2Error error = ex.getError();
		if ("invalid_grant".equals(error.getErrorCode())) {
			String reason = "Spotify refused the refresh token (invalid_grant"
					+ ((error.getDescription() != null) ? ": " + error.getDescription() : "")
					+ "); it lapses six months after sign-in or when access is revoked";
			this.store.signInRequired(account, reason);
			return new SpotifySignInRequiredException(account,
					"Account " + account + " must sign in with Spotify again: " + reason);
		}
		if (ex.getCause() instanceof RestClientResponseException answer) {
			return new SpotifyHttpFailure(SpotifyEndpoints.TOKEN, answer.getStatusCode().value(),
					(answer.getResponseHeaders() != null) ? answer.getResponseHeaders().getFirst("Retry-After") : null,
					answer.getResponseBodyAsString(), true, null);
		}
		if (ex.getCause() instanceof ResourceAccessException noAnswer) {
			return new SpotifyHttpFailure(SpotifyEndpoints.TOKEN, 0, null, null, true, noAnswer.getCause());
		}
		return new SpotifyRequestException(SpotifyEndpoints.TOKEN, 400,
				"Spotify's accounts service refused to refresh account " + account + "'s access token: "
						+ error.getErrorCode()
						+ ((error.getDescription() != null) ? " (" + error.getDescription() + ")" : ""),
				ex);
	}

	private boolean isFresh(OAuth2AccessToken token) {
		if (token == null || token.getExpiresAt() == null) {
			return false;
		}
		Duration early = EARLY;
		if (token.getIssuedAt() != null) {
			Duration lifetime = Duration.between(token.getIssuedAt(), token.getExpiresAt());
			early = (lifetime.compareTo(EARLY.multipliedBy(2)) < 0) ? lifetime.dividedBy(2) : EARLY;
		}
		return this.clock.instant().isBefore(token.getExpiresAt().minus(early));
	}

	private Object lock(AccountId account) {
		return this.locks.computeIfAbsent(account, (key) -> new Object());
	}

}
