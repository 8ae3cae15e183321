package dev.spotifytracker.job;

import java.lang.reflect.Proxy;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCallListener;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyClients;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Jobs for the runner's tests: some of their own, and stand-ins for the features' jobs
 * (ordered first, so they win over the real ones).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestJobs {

	@Bean
	ScriptedJob testJob() {
		return new ScriptedJob("test", "test", false);
	}

	@Bean
	ScriptedJob testPeerJob() {
		// shares the lock group of "test"
		return new ScriptedJob("test-peer", "test", false);
	}

	@Bean
	ScriptedJob testEssentialJob() {
		return new ScriptedJob("test-essential", "test-essential", true);
	}

	@Bean
	ScriptedJob libraryStandIn() {
		return new ScriptedJob("library", "library", false);
	}

	@Bean
	ScriptedJob playsStandIn() {
		return new ScriptedJob("plays", "plays", true);
	}

	@Bean
	ScriptedJob playlistsStandIn() {
		return new ScriptedJob("playlists", "playlists", false);
	}

	@Bean
	ScriptedJob reconcileStandIn() {
		return new ScriptedJob("reconcile", "library", false);
	}

	@Bean
	ScriptedJob availabilityStandIn() {
		return new ScriptedJob("availability", "library", false);
	}

	/**
	 * Spotify clients that answer nothing and only report each call to the run's
	 * listener: the runner's call counting is what these tests look at, not Spotify.
	 */
	@Bean
	@Primary
	SpotifyClients callCountingSpotifyClients() {
		return new SpotifyClients() {

			@Override
			public SpotifyClient forAccount(AccountId account) {
				return forAccount(account, SpotifyCallListener.NONE);
			}

			@Override
			public SpotifyClient forAccount(AccountId account, SpotifyCallListener listener) {
				return (SpotifyClient) Proxy.newProxyInstance(SpotifyClient.class.getClassLoader(),
						new Class<?>[] { SpotifyClient.class }, (proxy, method, arguments) -> {
							if (method.getDeclaringClass() == Object.class) {
								return method.invoke(this, arguments);
							}
							listener.called("GET /v1/" + method.getName(), 200);
							return null;
						});
			}

		};
	}

}
