package dev.spotifytracker.spotify;

import dev.spotifytracker.app.AccountId;

/**
 * The entry point: a {@link SpotifyClient} per account.
 */
public interface SpotifyClients {

	SpotifyClient forAccount(AccountId account);

	/**
	 * A client that also tells {@code listener} of every HTTP call it makes (a job run
	 * counts its calls this way).
	 */
	SpotifyClient forAccount(AccountId account, SpotifyCallListener listener);

	/**
	 * Forgets what is cached for the account (its access token): it signed in again, or
	 * its grant was taken back, so the next call starts from the stored refresh token.
	 */
	void forget(AccountId account);

}
