package dev.spotifytracker.benchmark;

import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.TestDatabase;

/**
 * The command line a benchmark starts the service with: the benchmark's database, the
 * Spotify simulator as Spotify, no schedules (the benchmark decides what runs) and quiet
 * logs, so that only the figures are printed.
 */
final class BenchmarkApp {

	private BenchmarkApp() {
	}

	static String[] arguments(TestDatabase database, SpotifySimulator spotify, int port, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--tracker.security.app-secret=benchmark-secret",
				"--tracker.jobs.schedules-enabled=false", "--tracker.spotify.api-base-url=" + spotify.baseUrl(),
				"--tracker.spotify.accounts-base-url=" + spotify.baseUrl(),
				"--tracker.spotify.client-id=" + spotify.clientId(),
				"--tracker.spotify.client-secret=" + spotify.clientSecret(),
				"--tracker.spotify.redirect-uri=http://127.0.0.1:" + port + "/callback", "--logging.level.root=warn"));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

}
