package dev.spotifytracker.spotify;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

import static org.assertj.core.api.Assertions.assertThat;

class SpotifyRegistrationTest {

	@Test
	void withoutAClientIdTheRegistrationHasAPlaceholderAndSaysSo() {
		SpotifyProperties properties = properties(" ");

		ClientRegistration registration = SpotifyRegistration.of(properties);

		assertThat(properties.isConfigured()).isFalse();
		assertThat(registration.getClientId()).isEqualTo(SpotifyRegistration.PLACEHOLDER_CLIENT_ID);
		assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/callback");
	}

	@Test
	void theRegistrationPointsAtSpotifysHosts() {
		SpotifyProperties properties = properties("my-app");

		ClientRegistration registration = SpotifyRegistration.of(properties);

		assertThat(properties.isConfigured()).isTrue();
		assertThat(registration.getClientId()).isEqualTo("my-app");
		assertThat(registration.getProviderDetails().getAuthorizationUri())
			.isEqualTo("https://accounts.spotify.com/authorize");
		assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("https://accounts.spotify.com/api/token");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri())
			.isEqualTo("https://api.spotify.com/v1/me");
	}

	private static SpotifyProperties properties(String clientId) {
		return new SpotifyProperties(clientId, "secret", null, null, URI.create("https://api.spotify.com"),
				URI.create("https://accounts.spotify.com/"), Duration.ofSeconds(5), Duration.ofSeconds(20),
				Duration.ofSeconds(60), 4, Duration.ofMillis(500));
	}

}
