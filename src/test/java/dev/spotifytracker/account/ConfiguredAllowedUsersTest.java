package dev.spotifytracker.account;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestBrowser;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code TRACKER_ALLOWED_USERS}: exactly those users, the first of them the owner,
 * whoever signs in first.
 */
@IntegrationTest
@TestPropertySource(properties = "tracker.security.allowed-users=bob, alice")
class ConfiguredAllowedUsersTest {

	private final SpotifySimulator spotify = TestSpotify.simulator();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.spotify.addUser("alice", "Alice Example");
		this.spotify.addUser("bob", "Bob Example");
		this.spotify.addUser("mallory", "Mallory");
	}

	@Test
	void theFirstListedUserIsTheOwnerEvenWhenSigningInSecond() {
		signIn("alice");
		signIn("bob");

		assertThat(role("alice")).isEqualTo("member");
		assertThat(role("bob")).isEqualTo("owner");
	}

	@Test
	void aUserNotListedIsRefusedEvenAsTheFirst() {
		HttpResponse<String> answer = signIn("mallory");

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from accounts").query(Long.class).single()).isZero();
	}

	@Test
	void theSettingsPageSaysTheListDecides() {
		signIn("bob");
		TestBrowser bob = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.signInAs("bob");
		bob.follow("/oauth2/authorization/spotify");

		String settings = bob.get("/settings").body();

		assertThat(settings).contains("TRACKER_ALLOWED_USERS").doesNotContain("Allow a Spotify user id");
	}

	@Test
	void theOwnerCannotTakeBackAListedUsersAccessFromThePage() {
		signIn("alice");
		signIn("bob");
		TestBrowser bob = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.signInAs("bob");
		bob.follow("/oauth2/authorization/spotify");

		bob.submit("/settings", "/settings/allowed-users/remove", Map.of("spotifyUserId", "alice"));

		assertThat(bob.get("/settings").body()).contains("TRACKER_ALLOWED_USERS is set");
		assertThat(this.jdbc
			.sql("select refresh_token_encrypted is not null from accounts where spotify_user_id = 'alice'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private HttpResponse<String> signIn(String user) {
		this.spotify.signInAs(user);
		return new TestBrowser("http://127.0.0.1:" + this.port).follow("/oauth2/authorization/spotify");
	}

	private String role(String user) {
		return this.jdbc.sql("select role from accounts where spotify_user_id = ?")
			.param(user)
			.query(String.class)
			.single();
	}

}
