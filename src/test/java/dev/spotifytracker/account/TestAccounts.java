package dev.spotifytracker.account;

import java.time.Clock;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyClients;
import dev.spotifytracker.spotify.SpotifyRegistration;
import dev.spotifytracker.spotify.fake.SpotifySimulator;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts for tests, made the way a real sign-in makes them (the refresh token encrypted
 * in the account's row) but without a browser: the simulator issues the token directly.
 */
public final class TestAccounts {

	private TestAccounts() {
	}

	/**
	 * An account for a user the simulator already knows ({@code sim.addUser}); the first
	 * one is the owner, later ones members.
	 */
	public static AccountId signedIn(ApplicationContext context, SpotifySimulator simulator, String spotifyUserId) {
		AccountRepository accounts = context.getBean(AccountRepository.class);
		TokenCipher cipher = context.getBean(TokenCipher.class);
		String refreshToken = simulator.issueRefreshToken(spotifyUserId);
		Account.Role role = accounts.findAll().stream().anyMatch(Account::isOwner) ? Account.Role.MEMBER
				: Account.Role.OWNER;
		if (role == Account.Role.MEMBER) {
			// a member signs in because the owner allowed them
			context.getBean(JdbcClient.class)
				.sql("insert into allowed_users (spotify_user_id) values (?) on conflict do nothing")
				.param(spotifyUserId)
				.update();
		}
		AccountId id = accounts
			.saveAuthorization(spotifyUserId, simulator.user(spotifyUserId).displayName(), role,
					cipher.encrypt(refreshToken, spotifyUserId), String.join(" ", SpotifyRegistration.SCOPES),
					context.getBean(Clock.class).instant())
			.id();
		// ids restart after each test's clean-up: a token cached for an earlier account
		// must go
		context.getBean(SpotifyClients.class).forget(id);
		return id;
	}

}
