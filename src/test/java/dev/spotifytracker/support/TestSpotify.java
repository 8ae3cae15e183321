package dev.spotifytracker.support;

import dev.spotifytracker.spotify.fake.SpotifySimulator;

/**
 * The JVM's one Spotify simulator, started on first use. Every Spring test context points
 * at it (see {@link TestSpotifyContextCustomizerFactory}) and it is reset before each
 * {@link IntegrationTest}, so test classes share one application context.
 */
public final class TestSpotify {

	private static volatile SpotifySimulator simulator;

	private TestSpotify() {
	}

	public static SpotifySimulator simulator() {
		SpotifySimulator current = simulator;
		if (current == null) {
			synchronized (TestSpotify.class) {
				current = simulator;
				if (current == null) {
					current = SpotifySimulator.start();
					simulator = current;
					Runtime.getRuntime().addShutdownHook(new Thread(current::close, "spotify-simulator-stop"));
				}
			}
		}
		return current;
	}

	static void resetIfStarted() {
		SpotifySimulator current = simulator;
		if (current != null) {
			current.reset();
		}
	}

}
