package dev.spotifytracker.spotify;

import dev.spotifytracker.app.AccountId;

/**
 * The account has no usable refresh token (Spotify answered {@code invalid_grant}, or it
 * never signed in): it must sign in again; nothing retries.
 */
public class SpotifySignInRequiredException extends SpotifyException {

	private final AccountId account;

	public SpotifySignInRequiredException(AccountId account, String message) {
		super(message, null);
		this.account = account;
	}

	public AccountId account() {
		return this.account;
	}

}
