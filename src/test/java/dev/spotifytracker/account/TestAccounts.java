package dev.spotifytracker.account;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.spotifytracker.app.AccountId;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts for tests of other modules: an account row with an encrypted refresh token, as
 * a sign-in leaves it, without the browser.
 */
public final class TestAccounts {

	/**
	 * Account ids never used before in this JVM: the database is emptied between tests,
	 * but the Spotify client's access-token cache (keyed by account id) is not, and an
	 * earlier test's token would be refused by a reset simulator.
	 */
	private static final AtomicLong NEXT_ID = new AtomicLong(1_000_000);

	private TestAccounts() {
	}

	/**
	 * Creates the account (the owner when it is the first) or stores its new token.
	 */
	public static AccountId create(ApplicationContext context, String spotifyUserId, String refreshToken) {
		AccountRepository accounts = context.getBean(AccountRepository.class);
		TokenCipher cipher = context.getBean(TokenCipher.class);
		if (accounts.findBySpotifyUserId(spotifyUserId).isEmpty()) {
			context.getBean(JdbcClient.class)
				.sql("alter table accounts alter column id restart with " + NEXT_ID.getAndAdd(100))
				.update();
		}
		Account.Role role = (accounts.count() == 0) ? Account.Role.OWNER : Account.Role.MEMBER;
		return accounts
			.saveAuthorization(spotifyUserId, spotifyUserId, role, cipher.encrypt(refreshToken, spotifyUserId),
					"user-library-read user-read-recently-played", Instant.now())
			.id();
	}

}
