package dev.spotifytracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spotify Tracker: keeps Spotify libraries and play histories in PostgreSQL and rebuilds
 * smart playlists from them. The class sits in the root package so that every feature
 * package below it is one application module (see {@code ModularityTest}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpotifyTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpotifyTrackerApplication.class, args);
	}

}
