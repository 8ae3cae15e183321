package dev.spotifytracker.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCredentialStore;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Spotify client learns during a job outlives the job's transaction: a rotated
 * refresh token rolled back with a failed sync would leave the account with a token
 * Spotify no longer accepts.
 */
@IntegrationTest
class AccountCredentialStoreTest {

	private final SpotifySimulator spotify = TestSpotify.simulator();

	@Autowired
	SpotifyCredentialStore store;

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	private AccountId alice;

	@BeforeEach
	void aliceSignedIn() {
		this.spotify.addUser("alice", "Alice");
		this.alice = TestAccounts.signedIn(this.context, this.spotify, "alice");
	}

	@Test
	void aRotatedTokenIsKeptWhenTheJobsTransactionRollsBack() {
		insideATransactionThatRollsBack(() -> this.store.refreshTokenRotated(this.alice, "rotated-token"));

		assertThat(this.store.refreshToken(this.alice)).contains("rotated-token");
	}

	@Test
	void aHoldIsKeptWhenTheJobsTransactionRollsBack() {
		Instant notBefore = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

		insideATransactionThatRollsBack(() -> this.store.holdAllUntil(notBefore, "QUOTA_EXCEEDED"));

		assertThat(this.store.hold(this.alice))
			.contains(new SpotifyCredentialStore.AccountHold(notBefore, "QUOTA_EXCEEDED"));
	}

	@Test
	void aRefusedTokenIsKeptWhenTheJobsTransactionRollsBack() {
		insideATransactionThatRollsBack(() -> this.store.signInRequired(this.alice, "invalid_grant"));

		assertThat(this.jdbc.sql("select needs_sign_in from accounts where id = ?")
			.param(this.alice.value())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.store.refreshToken(this.alice)).isEmpty();
	}

	private void insideATransactionThatRollsBack(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			// the job's own writes hold no lock on the account row, as ListSync's do not
			this.jdbc.sql("select 1").query(Integer.class).single();
			work.run();
			status.setRollbackOnly();
		});
	}

}
