package dev.spotifytracker.account;

import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SPOTIFY_REFRESH_TOKEN}: a user of the original project moves over without a
 * browser.
 */
@IntegrationTest
class RefreshTokenBootstrapTest {

	private final SpotifySimulator spotify = TestSpotify.simulator();

	@Autowired
	RefreshTokenBootstrap bootstrap;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenCipher cipher;

	@BeforeEach
	void setUp() {
		this.spotify.addUser("alice", "Alice Example");
	}

	@Test
	void aRefreshTokenCreatesTheOwnerAccountWithTwoCalls() {
		String token = this.spotify.issueRefreshToken("alice");

		this.bootstrap.bootstrap(token);

		assertThat(
				this.jdbc.sql("select role from accounts where spotify_user_id = 'alice'").query(String.class).single())
			.isEqualTo("owner");
		byte[] stored = this.jdbc.sql("select refresh_token_encrypted from accounts where spotify_user_id = 'alice'")
			.query((rs, row) -> rs.getBytes(1))
			.single();
		assertThat(this.cipher.decrypt(stored, "alice")).isEqualTo(token);
		assertThat(this.spotify.requests().count("POST /api/token")).isEqualTo(1);
		assertThat(this.spotify.requests().count("GET /v1/me")).isEqualTo(1);
		this.spotify.assertNoViolations();
	}

	@Test
	void theSameTokenAtTheNextStartCostsNoCall() {
		String token = this.spotify.issueRefreshToken("alice");
		this.bootstrap.bootstrap(token);
		this.spotify.requests().reset();

		this.bootstrap.bootstrap(token);

		assertThat(this.spotify.requests().total()).isZero();
	}

	@Test
	void aRotatedTokenIsStoredInsteadOfTheGivenOne() {
		this.spotify.rotateRefreshTokens(true);
		String token = this.spotify.issueRefreshToken("alice");

		this.bootstrap.bootstrap(token);

		byte[] stored = this.jdbc.sql("select refresh_token_encrypted from accounts where spotify_user_id = 'alice'")
			.query((rs, row) -> rs.getBytes(1))
			.single();
		assertThat(this.cipher.decrypt(stored, "alice")).isNotEqualTo(token).isNotBlank();
	}

	@Test
	void aRefusedTokenChangesNothingAndDoesNotStopTheService() throws Exception {
		String token = this.spotify.issueRefreshToken("alice");
		this.spotify.revokeRefreshTokens("alice");

		this.bootstrap.runWith(token, new DefaultApplicationArguments());

		assertThat(this.jdbc.sql("select count(*) from accounts").query(Long.class).single()).isZero();
	}

}
