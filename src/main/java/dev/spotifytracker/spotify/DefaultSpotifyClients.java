package dev.spotifytracker.spotify;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.app.InvalidSettingException;
import se.michaelthelin.spotify.SpotifyApi;

/**
 * Makes the per-account clients. They share one HTTP client (connect timeout), one token
 * cache and one {@link SpotifyCallExecutor}, so rate limits are handled app-wide.
 */
final class DefaultSpotifyClients implements SpotifyClients {

	private final AccessTokens tokens;

	private final HttpClient http;

	private final Duration readTimeout;

	private final URI apiBaseUrl;

	private final SpotifyCallRecorder recorder;

	private final SpotifyCallExecutor executor;

	DefaultSpotifyClients(SpotifyProperties properties, SpotifyCredentialStore store, SpotifyCallRecorder recorder,
			Clock clock) {
		this.apiBaseUrl = apiBaseUrl(properties.apiBaseUrl());
		this.readTimeout = properties.readTimeout();
		this.recorder = recorder;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.tokens = new AccessTokens(properties.isConfigured(), SpotifyRegistration.of(properties), store,
				AccessTokens.tokenClient(this.http, this.readTimeout), clock);
		this.executor = new SpotifyCallExecutor(properties, store, this.tokens, clock);
	}

	@Override
	public void forget(AccountId account) {
		this.tokens.forget(account);
	}

	@Override
	public SpotifyClient forAccount(AccountId account) {
		return forAccount(account, SpotifyCallListener.NONE);
	}

	@Override
	public SpotifyClient forAccount(AccountId account, SpotifyCallListener listener) {
		SpotifyHttpTransport transport = new SpotifyHttpTransport(this.http, this.readTimeout, account, listener,
				this.recorder);
		SpotifyApi api = SpotifyApi.builder()
			.setHttpManager(transport)
			.setScheme(this.apiBaseUrl.getScheme())
			.setHost(this.apiBaseUrl.getHost())
			.setPort(port(this.apiBaseUrl))
			.build();
		return new AccountSpotifyClient(account, api, this.executor);
	}

	/**
	 * The library builds absolute paths from scheme, host and port: a path in the base
	 * URL would be lost, so it is refused.
	 */
	private static URI apiBaseUrl(URI url) {
		String path = url.getPath();
		if (url.getHost() == null || (path != null && !path.isEmpty() && !"/".equals(path))) {
			throw new InvalidSettingException("SPOTIFY_API_BASE_URL",
					"SPOTIFY_API_BASE_URL must be a scheme, a host and an optional port without a path, such as https://api.spotify.com, not "
							+ url + ".");
		}
		return url;
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return "http".equals(url.getScheme()) ? 80 : 443;
	}

}
