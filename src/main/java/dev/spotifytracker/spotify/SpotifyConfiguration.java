package dev.spotifytracker.spotify;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class SpotifyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SpotifyConfiguration.class);

	/**
	 * Spotify as the OAuth2 provider, for sign-in and for the clients' token refresh.
	 */
	@Bean
	ClientRegistrationRepository spotifyClientRegistrations(SpotifyProperties properties) {
		if (!properties.isConfigured()) {
			log.warn("SPOTIFY_CLIENT_ID is not set: nobody can sign in and no account can be synced until it is");
		}
		return new InMemoryClientRegistrationRepository(SpotifyRegistration.of(properties));
	}

	@Bean
	SpotifyCallMeter spotifyCallMeter(JdbcClient jdbc, PlatformTransactionManager transactions, MeterRegistry meters,
			Clock clock) {
		return new SpotifyCallMeter(jdbc, transactions, meters, clock);
	}

	@Bean
	SpotifyClients spotifyClients(SpotifyProperties properties, SpotifyCredentialStore store, SpotifyCallMeter meter,
			Clock clock) {
		return new DefaultSpotifyClients(properties, store, meter, clock);
	}

}
