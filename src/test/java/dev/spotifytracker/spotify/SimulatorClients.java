package dev.spotifytracker.spotify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import dev.spotifytracker.spotify.fake.SpotifySimulator;

/**
 * Clients against a {@link SpotifySimulator}, built without Spring.
 */
final class SimulatorClients {

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	static final int MAX_ATTEMPTS = 4;

	private SimulatorClients() {
	}

	static SpotifyProperties properties(SpotifySimulator sim) {
		return properties(sim, READ_TIMEOUT, MAX_ATTEMPTS);
	}

	static SpotifyProperties properties(SpotifySimulator sim, Duration readTimeout, int maxAttempts) {
		URI base = URI.create(sim.baseUrl());
		return new SpotifyProperties(sim.clientId(), sim.clientSecret(), URI.create("http://127.0.0.1:8080/callback"),
				null, base, base, Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(60), maxAttempts,
				Duration.ofMillis(20));
	}

	static SpotifyClients clients(SpotifyProperties properties, SpotifyCredentialStore store) {
		return new DefaultSpotifyClients(properties, store, SpotifyCallRecorder.NONE, Clock.systemUTC());
	}

}
