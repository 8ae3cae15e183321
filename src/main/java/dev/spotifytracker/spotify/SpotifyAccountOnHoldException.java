package dev.spotifytracker.spotify;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;

/**
 * Spotify asked us to wait longer than a job may block (a long {@code Retry-After}, or
 * {@code QUOTA_EXCEEDED}), or the account is already waiting. Its "not before" is stored;
 * its jobs are skipped until then.
 */
public class SpotifyAccountOnHoldException extends SpotifyException {

	private final AccountId account;

	private final Instant notBefore;

	private final String reason;

	public SpotifyAccountOnHoldException(AccountId account, Instant notBefore, String reason) {
		super("Spotify asked to wait until " + notBefore + " (" + reason + ")", null);
		this.account = account;
		this.notBefore = notBefore;
		this.reason = reason;
	}

	public AccountId account() {
		return this.account;
	}

	public Instant notBefore() {
		return this.notBefore;
	}

	public String reason() {
		return this.reason;
	}

}
