package dev.spotifytracker.spotify.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spotify's accounts service: {@code GET /authorize} (consent given at once for the user
 * signed in to the simulated browser) and {@code POST /api/token} (authorization code
 * with PKCE, refresh token), with Spotify's OAuth errors.
 */
final class AccountsEndpoints {

	static final Set<String> KNOWN_SCOPES = Set.of("ugc-image-upload", "user-read-playback-state",
			"user-modify-playback-state", "user-read-currently-playing", "app-remote-control", "streaming",
			"playlist-read-private", "playlist-read-collaborative", "playlist-modify-private", "playlist-modify-public",
			"user-follow-modify", "user-follow-read", "user-read-playback-position", "user-top-read",
			"user-read-recently-played", "user-library-modify", "user-library-read", "user-read-email",
			"user-read-private", "user-personalized");

	private final SimWorld world;

	private final AppRegistration app;

	private final TokenStore tokens;

	private final Faults faults;

	private volatile String signedInUser;

	private volatile boolean denyNextConsent;

	AccountsEndpoints(SimWorld world, AppRegistration app, TokenStore tokens, Faults faults) {
		this.world = world;
		this.app = app;
		this.tokens = tokens;
		this.faults = faults;
	}

	void signIn(String userId) {
		this.signedInUser = userId;
	}

	void denyNextConsent() {
		this.denyNextConsent = true;
	}

	void clear() {
		this.signedInUser = null;
		this.denyNextConsent = false;
	}

	SimResponse authorize(SimExchange exchange) {
		if (!"GET".equals(exchange.method())) {
			return SimResponse.html(405, "Method not allowed");
		}
		if (!this.app.clientId().equals(exchange.query("client_id"))) {
			return SimResponse.html(400, "INVALID_CLIENT: Invalid client");
		}
		String redirectUri = exchange.query("redirect_uri");
		if (redirectUri == null || !this.app.acceptsRedirectUri(redirectUri)) {
			return SimResponse.html(400, "INVALID_CLIENT: Invalid redirect URI");
		}
		if (!"code".equals(exchange.query("response_type"))) {
			return SimResponse.html(400, "unsupported_response_type: the simulator knows response_type=code only");
		}
		String state = exchange.query("state");
		if (state == null || state.isEmpty()) {
			return SimResponse.html(400, "Missing state: Spotify recommends it and our sign-in relies on it");
		}
		String challenge = exchange.query("code_challenge");
		String method = exchange.query("code_challenge_method");
		if ((challenge != null || method != null)
				&& (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}") || !"S256".equals(method))) {
			return SimResponse.html(400,
					"code_challenge must be a base64url SHA-256 (43 characters) with code_challenge_method=S256");
		}
		String scope = normalizeScope(exchange.query("scope"));
		String userId = this.signedInUser;
		if (userId == null || this.world.findUser(userId).isEmpty()) {
			return SimResponse.html(400,
					"No user is signed in to the simulated Spotify: call SpotifySimulator.signInAs(userId) first");
		}
		boolean unknownScope = !scope.isEmpty() && !Arrays.stream(scope.split(" ")).allMatch(KNOWN_SCOPES::contains);
		if (unknownScope) {
			return SimResponse.redirect(withQuery(redirectUri, "error=invalid_scope&state=" + encode(state)));
		}
		if (this.denyNextConsent) {
			this.denyNextConsent = false;
			return SimResponse.redirect(withQuery(redirectUri, "error=access_denied&state=" + encode(state)));
		}
		String code = this.tokens.issueCode(this.app.clientId(), userId, redirectUri, scope, challenge,
				this.world.now());
		return SimResponse.redirect(withQuery(redirectUri, "code=" + encode(code) + "&state=" + encode(state)));
	}

	SimResponse token(SimExchange exchange) {
		if (!"POST".equals(exchange.method())) {
			return SimResponse.oauthError(405, "invalid_request", "Method not allowed");
		}
		SimResponse failure = this.faults.tokenFailure();
		if (failure != null) {
			return failure;
		}
		String contentType = exchange.header("Content-Type");
		if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
			return SimResponse.oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded");
		}
		Map<String, String> form = SimExchange.parseForm(exchange.bodyText());
		Client client = authenticate(exchange.header("Authorization"), form);
		if (client == null) {
			return SimResponse.oauthError(401, "invalid_client", "Invalid client");
		}
		String grantType = form.get("grant_type");
		if ("authorization_code".equals(grantType)) {
			return exchangeCode(form, client);
		}
		if ("refresh_token".equals(grantType)) {
			return refresh(form, client);
		}
		return SimResponse.oauthError(400, "unsupported_grant_type",
				"grant_type must be authorization_code or refresh_token");
	}

	private SimResponse exchangeCode(Map<String, String> form, Client client) {
		TokenStore.AuthorizationCode code = this.tokens.redeemCode(form.get("code"));
		Instant now = this.world.now();
		if (code == null || !code.clientId().equals(client.id())) {
			return invalidGrant("Invalid authorization code");
		}
		if (!now.isBefore(code.expiresAt())) {
			return invalidGrant("Authorization code expired");
		}
		if (!Objects.equals(form.get("redirect_uri"), code.redirectUri())) {
			return invalidGrant("Invalid redirect URI");
		}
		if (code.codeChallenge() != null) {
			String verifier = form.get("code_verifier");
			if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
					|| !s256(verifier).equals(code.codeChallenge())) {
				return invalidGrant("code_verifier was incorrect");
			}
		}
		else if (!client.confidential()) {
			return SimResponse.oauthError(401, "invalid_client", "Invalid client secret");
		}
		if (this.world.findUser(code.userId()).isEmpty()) {
			return invalidGrant("Invalid authorization code");
		}
		TokenStore.RefreshGrant refresh = this.tokens.issueRefreshToken(client.id(), code.userId(), code.scope(),
				!client.confidential());
		return tokenAnswer(this.tokens.issueAccessToken(client.id(), code.userId(), code.scope(), now),
				refresh.token());
	}

	private SimResponse refresh(Map<String, String> form, Client client) {
		TokenStore.RefreshGrant grant = this.tokens.refreshGrant(form.get("refresh_token"));
		if (grant == null || !grant.clientId().equals(client.id())) {
			return invalidGrant("Invalid refresh token");
		}
		if (this.tokens.isRevoked(grant)) {
			return invalidGrant("Refresh token revoked");
		}
		if (!client.confidential() && !grant.publicClient()) {
			return SimResponse.oauthError(401, "invalid_client", "Invalid client secret");
		}
		TokenStore.RefreshGrant rotated = this.tokens.rotate(grant);
		TokenStore.AccessGrant access = this.tokens.issueAccessToken(client.id(), grant.userId(), grant.scope(),
				this.world.now());
		return tokenAnswer(access, (rotated != null) ? rotated.token() : null);
	}

	private SimResponse tokenAnswer(TokenStore.AccessGrant access, String refreshToken) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", access.token());
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokens.accessLifetime().toSeconds());
		if (refreshToken != null) {
			body.put("refresh_token", refreshToken);
		}
		body.put("scope", access.scope());
		return SimResponse.json(200, body).withHeader("Cache-Control", "no-store");
	}

	/**
	 * HTTP Basic first, as Spotify documents; else client_id and client_secret in the
	 * body; else client_id alone, which only a PKCE grant accepts.
	 * @return the client, or null when the credentials are wrong or missing
	 */
	private Client authenticate(String authorization, Map<String, String> form) {
		if (authorization != null) {
			if (!authorization.startsWith("Basic ")) {
				return null;
			}
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			// RFC 6749 2.3.1: each part is form-encoded before Base64 (Spring Security
			// does so)
			Map<String, String> parts = SimExchange.parseForm("id=" + decoded.substring(0, colon).replace("&", "%26")
					+ "&secret=" + decoded.substring(colon + 1).replace("&", "%26"));
			return matches(parts.get("id"), parts.get("secret")) ? new Client(parts.get("id"), true) : null;
		}
		String id = form.get("client_id");
		String secret = form.get("client_secret");
		if (id == null || !id.equals(this.app.clientId())) {
			return null;
		}
		if (secret == null) {
			return new Client(id, false);
		}
		return matches(id, secret) ? new Client(id, true) : null;
	}

	private boolean matches(String id, String secret) {
		return this.app.clientId().equals(id) && this.app.clientSecret().equals(secret);
	}

	private static SimResponse invalidGrant(String description) {
		return SimResponse.oauthError(400, "invalid_grant", description);
	}

	private static String normalizeScope(String scope) {
		if (scope == null) {
			return "";
		}
		return Arrays.stream(scope.trim().split("[\\s+]+"))
			.filter((part) -> !part.isEmpty())
			.distinct()
			.collect(Collectors.joining(" "));
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static String withQuery(String uri, String query) {
		return uri + (uri.contains("?") ? "&" : "?") + query;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * @param confidential it proved the client secret
	 */
	private record Client(String id, boolean confidential) {

	}

}
