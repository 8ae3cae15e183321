package dev.spotifytracker.demo;

import dev.spotifytracker.spotify.fake.SpotifySimulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the demo adds to the service: its simulator (stopped with the service) and the
 * listener's play history.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoConfiguration {

	@Bean(destroyMethod = "close")
	SpotifySimulator demoSpotifySimulator() {
		return DemoSpotify.running().simulator();
	}

	@Bean
	DemoHistory demoHistory(JdbcTemplate jdbc) {
		return new DemoHistory(jdbc, DemoSpotify.running().listener());
	}

}
