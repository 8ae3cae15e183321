package dev.spotifytracker.spotify;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Spotify app and how we talk to Spotify.
 *
 * @param clientId {@code SPOTIFY_CLIENT_ID}
 * @param clientSecret {@code SPOTIFY_CLIENT_SECRET}
 * @param redirectUri {@code SPOTIFY_REDIRECT_URI}, the OAuth callback
 * @param refreshToken {@code SPOTIFY_REFRESH_TOKEN}: bootstraps the owner account at
 * start-up
 * @param apiBaseUrl {@code SPOTIFY_API_BASE_URL}
 * @param accountsBaseUrl {@code SPOTIFY_ACCOUNTS_BASE_URL}
 * @param connectTimeout how long a connection to Spotify may take
 * @param readTimeout how long an answer from Spotify may take
 * @param maxRetryAfter the longest {@code Retry-After} a job waits out; longer ones end
 * the job and set the account's "not before"
 * @param maxAttempts attempts for one call on 5xx and I/O errors (first try included)
 * @param initialBackoff the first backoff after a 5xx or I/O error (doubles, with jitter)
 */
@ConfigurationProperties("tracker.spotify")
public record SpotifyProperties(String clientId, String clientSecret, URI redirectUri, String refreshToken,
		@DefaultValue("https://api.spotify.com") URI apiBaseUrl,
		@DefaultValue("https://accounts.spotify.com") URI accountsBaseUrl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout, @DefaultValue("60s") Duration maxRetryAfter,
		@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff) {

	/**
	 * Whether the Spotify app is set ({@code SPOTIFY_CLIENT_ID}). Without it the service
	 * starts, but nothing can call Spotify and nobody can sign in.
	 */
	public boolean isConfigured() {
		return this.clientId != null && !this.clientId.isBlank();
	}

	/**
	 * Whether {@code SPOTIFY_REDIRECT_URI} is set; without it the callback is
	 * {@code /callback} on the address the browser used.
	 */
	public boolean hasRedirectUri() {
		return this.redirectUri != null && !this.redirectUri.toString().isBlank();
	}

	/**
	 * Never prints the client secret or the refresh token.
	 */
	@Override
	public String toString() {
		return "SpotifyProperties[clientId=" + this.clientId + ", clientSecret=" + mask(this.clientSecret)
				+ ", redirectUri=" + this.redirectUri + ", refreshToken=" + mask(this.refreshToken) + ", apiBaseUrl="
				+ this.apiBaseUrl + ", accountsBaseUrl=" + this.accountsBaseUrl + "]";
	}

	private static String mask(String secret) {
		return (secret == null || secret.isBlank()) ? "(not set)" : "(set)";
	}

}
