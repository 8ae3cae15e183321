package dev.spotifytracker.spotify;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SpotifyEndpointsTest {

	@ParameterizedTest
	@CsvSource({ "GET, /v1/me, GET /v1/me", "GET, /v1/me/tracks, GET /v1/me/tracks",
			"GET, /v1/tracks/4iV5W9uYEdYUVa79Axb7Rh, GET /v1/tracks/{id}",
			"GET, /v1/albums/1A2GTWGtFfWp7KSQTwWOyo/tracks, GET /v1/albums/{id}/tracks",
			"PUT, /v1/playlists/3cEYpjA9oz9GiPac4AsH4n/items, PUT /v1/playlists/{id}/items",
			"GET, /v1/me/player/recently-played, GET /v1/me/player/recently-played" })
	void namesEachRequestByItsTemplate(String method, String path, String template) {
		assertThat(SpotifyEndpoints.allowedTemplate(method, URI.create("https://api.spotify.com" + path + "?limit=50")))
			.isEqualTo(template);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /v1/playlists/3cEYpjA9oz9GiPac4AsH4n/tracks", "POST, /v1/users/alice/playlists",
			"GET, /v1/users/alice", "GET, /v1/tracks", "GET, /v1/albums", "PUT, /v1/me/tracks", "DELETE, /v1/me/albums",
			"GET, /v1/recommendations", "GET, /v1/audio-features/abc" })
	void refusesEndpointsDevelopmentModeRemoved(String method, String path) {
		assertThatIllegalStateException()
			.isThrownBy(() -> SpotifyEndpoints.allowedTemplate(method, URI.create("https://api.spotify.com" + path)))
			.withMessageContaining("Refusing to call");
	}

	@Test
	void acceptsOnlyBase62Ids() {
		assertThat(SpotifyEndpoints.requireId("4iV5W9uYEdYUVa79Axb7Rh", "track")).isEqualTo("4iV5W9uYEdYUVa79Axb7Rh");
		assertThatIllegalArgumentException().isThrownBy(() -> SpotifyEndpoints.requireId("abc/../me", "track"));
		assertThatIllegalArgumentException().isThrownBy(() -> SpotifyEndpoints.requireId("", "track"));
	}

}
