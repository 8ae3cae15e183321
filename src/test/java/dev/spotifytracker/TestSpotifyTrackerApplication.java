package dev.spotifytracker;

import dev.spotifytracker.demo.DemoConfiguration;
import dev.spotifytracker.demo.DemoSpotify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the service on http://127.0.0.1:8080 with the
 * Spotify simulator and a generated account of realistic size (300 saved albums, 3,000
 * liked tracks, two years of plays), its data in {@code ./data-demo}. Sign in (the
 * simulator signs you in as the demo listener at once), run a sync, browse, publish
 * playlists: nothing reaches the real Spotify.
 *
 * <p>
 * The annotation only tells {@code spring-boot:test-run} that this is the main class to
 * start among the test sources' main classes (the benchmarks); being abstract, the class
 * is never a bean nor a configuration a test could find.
 */
@SpringBootApplication
public abstract class TestSpotifyTrackerApplication {

	public static void main(String[] args) {
		// started first: the service's settings name its address
		DemoSpotify spotify = DemoSpotify.start();
		SpringApplication.from(SpotifyTrackerApplication::main)
			.with(DemoConfiguration.class)
			.run(spotify.settings(args));
	}

}
