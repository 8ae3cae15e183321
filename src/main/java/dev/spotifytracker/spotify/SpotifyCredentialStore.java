package dev.spotifytracker.spotify;

import java.time.Instant;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

/**
 * Where the client keeps what it learns about an account's access. Implemented by the
 * account module, which stores refresh tokens encrypted.
 */
public interface SpotifyCredentialStore {

	/**
	 * The account's refresh token in clear, or empty when it has none (never signed in,
	 * or signed out by a refused token).
	 */
	Optional<String> refreshToken(AccountId account);

	/**
	 * Spotify answered a refresh with a new refresh token: keep it instead of the old
	 * one.
	 */
	void refreshTokenRotated(AccountId account, String refreshToken);

	/**
	 * Spotify refused the refresh token ({@code invalid_grant}): the account's jobs stop
	 * until it signs in again.
	 */
	void signInRequired(AccountId account, String reason);

	/**
	 * Spotify asked us to wait (a long {@code Retry-After} or an exhausted quota). Its
	 * rate limit and daily quota belong to the app, not to one account, so every account
	 * waits.
	 */
	void holdAllUntil(Instant notBefore, String reason);

	/**
	 * The account's current hold, if any.
	 */
	Optional<AccountHold> hold(AccountId account);

	record AccountHold(Instant notBefore, String reason) {

	}

}
