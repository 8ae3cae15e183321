package dev.spotifytracker.spotify.fake;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The accounts service's memory: authorization codes (usable once), refresh tokens
 * (revocable, optionally rotated on use) and access tokens (expiring).
 */
final class TokenStore {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

	static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofHours(1);

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

	private final SecureRandom random = new SecureRandom();

	private final Map<String, AuthorizationCode> codes = new HashMap<>();

	private final Map<String, RefreshGrant> refreshTokens = new HashMap<>();

	private final Map<String, AccessGrant> accessTokens = new HashMap<>();

	private boolean rotateRefreshTokens;

	private Duration accessLifetime = DEFAULT_ACCESS_LIFETIME;

	synchronized String issueCode(String clientId, String userId, String redirectUri, String scope,
			String codeChallenge, Instant now) {
		String code = "AQ" + token(100);
		this.codes.put(code,
				new AuthorizationCode(clientId, userId, redirectUri, scope, codeChallenge, now.plus(CODE_LIFETIME)));
		return code;
	}

	/**
	 * Takes the code out whatever happens next: a code is good for one attempt.
	 * @return the code's grant, or null when unknown or used
	 */
	synchronized AuthorizationCode redeemCode(String code) {
		return (code != null) ? this.codes.remove(code) : null;
	}

	synchronized RefreshGrant issueRefreshToken(String clientId, String userId, String scope, boolean publicClient) {
		RefreshGrant grant = new RefreshGrant("AQ" + token(120), clientId, userId, scope, publicClient);
		this.refreshTokens.put(grant.token(), grant);
		return grant;
	}

	/**
	 * @return the grant, or null when the token is unknown (never issued, or rotated
	 * away)
	 */
	synchronized RefreshGrant refreshGrant(String token) {
		return (token != null) ? this.refreshTokens.get(token) : null;
	}

	synchronized boolean isRevoked(RefreshGrant grant) {
		return grant.revoked;
	}

	/**
	 * When rotating: a new refresh token for the same grant; the old one stops working.
	 * @return the new grant, or null when not rotating
	 */
	synchronized RefreshGrant rotate(RefreshGrant grant) {
		if (!this.rotateRefreshTokens) {
			return null;
		}
		this.refreshTokens.remove(grant.token());
		return issueRefreshToken(grant.clientId(), grant.userId(), grant.scope(), grant.publicClient());
	}

	synchronized AccessGrant issueAccessToken(String clientId, String userId, String scope, Instant now) {
		AccessGrant grant = new AccessGrant("BQ" + token(160), clientId, userId, scope, now.plus(this.accessLifetime));
		this.accessTokens.put(grant.token(), grant);
		return grant;
	}

	/**
	 * @return the grant of this access token, or null when it was never issued
	 */
	synchronized AccessGrant accessGrant(String token) {
		return this.accessTokens.get(token);
	}

	synchronized void expireAccessTokens(Instant now) {
		this.accessTokens.replaceAll((token, grant) -> grant.expiringAt(now));
	}

	synchronized void revokeRefreshTokens(String userId) {
		this.refreshTokens.values()
			.stream()
			.filter((grant) -> grant.userId().equals(userId))
			.forEach((grant) -> grant.revoked = true);
	}

	synchronized void rotateRefreshTokens(boolean rotate) {
		this.rotateRefreshTokens = rotate;
	}

	synchronized void accessLifetime(Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("An access token lives a while: " + lifetime);
		}
		this.accessLifetime = lifetime;
	}

	synchronized Duration accessLifetime() {
		return this.accessLifetime;
	}

	synchronized void clear() {
		this.codes.clear();
		this.refreshTokens.clear();
		this.accessTokens.clear();
		this.rotateRefreshTokens = false;
		this.accessLifetime = DEFAULT_ACCESS_LIFETIME;
	}

	private String token(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

	record AuthorizationCode(String clientId, String userId, String redirectUri, String scope, String codeChallenge,
			Instant expiresAt) {

	}

	record AccessGrant(String token, String clientId, String userId, String scope, Instant expiresAt) {

		boolean isExpired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

		boolean hasScope(String wanted) {
			return (" " + this.scope + " ").contains(" " + wanted + " ");
		}

		AccessGrant expiringAt(Instant now) {
			return now.isBefore(this.expiresAt)
					? new AccessGrant(this.token, this.clientId, this.userId, this.scope, now) : this;
		}

	}

	static final class RefreshGrant {

		private final String token;

		private final String clientId;

		private final String userId;

		private final String scope;

		private final boolean publicClient;

		// guarded by the store
		private boolean revoked;

		RefreshGrant(String token, String clientId, String userId, String scope, boolean publicClient) {
			this.token = token;
			this.clientId = clientId;
			this.userId = userId;
			this.scope = scope;
			this.publicClient = publicClient;
		}

		String token() {
			return this.token;
		}

		String clientId() {
			return this.clientId;
		}

		String userId() {
			return this.userId;
		}

		String scope() {
			return this.scope;
		}

		/**
		 * Issued to a PKCE client without its secret: refreshing needs no secret either.
		 */
		boolean publicClient() {
			return this.publicClient;
		}

	}

}
