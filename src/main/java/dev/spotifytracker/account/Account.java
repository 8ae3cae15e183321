package dev.spotifytracker.account;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;

/**
 * A Spotify user of this service. The refresh token is not part of it: it stays encrypted
 * in the database and is only decrypted by {@link AccountCredentialStore} for a token
 * refresh.
 *
 * @param authorizedAt when the user last authorized us; Spotify's refresh tokens lapse
 * six months after it
 * @param notBefore Spotify asked us to wait until then (rate limit or quota), or null
 */
public record Account(AccountId id, String spotifyUserId, String displayName, Role role, Instant authorizedAt,
		boolean hasRefreshToken, boolean needsSignIn, Instant notBefore, String notBeforeReason, String timeZone,
		Instant createdAt) {

	public boolean isOwner() {
		return this.role == Role.OWNER;
	}

	public String name() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.spotifyUserId;
	}

	public enum Role {

		OWNER, MEMBER;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Role of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

}
