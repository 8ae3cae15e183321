package dev.spotifytracker.demo;

import java.nio.file.Path;

import dev.spotifytracker.plays.HistoryImports;
import dev.spotifytracker.spotify.fake.SpotifySimulator;

import org.springframework.beans.factory.annotation.Value;
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
	DemoHistory demoHistory(JdbcTemplate jdbc, HistoryImports imports,
			@Value("${tracker.imports.sample-file}") Path export) {
		return new DemoHistory(jdbc, DemoSpotify.running().listener(), imports, export);
	}

}
