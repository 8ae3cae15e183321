package dev.spotifytracker.spotify.fake;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts service: sign-in with an authorization code and PKCE, refresh, rotation,
 * revocation and expiry, with Spotify's OAuth errors.
 */
class SpotifySimulatorTokensTest {

	private static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

	// RFC 7636's example pair
	private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

	private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

	private SpotifySimulator sim;

	private SimHttp http;

	@BeforeEach
	void start() {
		this.sim = SpotifySimulator.start();
		this.http = new SimHttp(this.sim);
		this.sim.addUser("alice", "Alice Example");
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void authorizationCodeWithPkceGivesTokensThatReachTheApi() {
		this.sim.signInAs("alice");

		SimHttp.Answer redirect = authorize(Map.of("code_challenge", CHALLENGE, "code_challenge_method", "S256"));
		Map<String, String> callback = callbackQuery(redirect);
		SimHttp.Answer token = this.http.token(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
				"redirect_uri", REDIRECT_URI, "code_verifier", VERIFIER));

		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.location()).startsWith(REDIRECT_URI + "?code=");
		assertThat(callback).containsEntry("state", "xyz 1");
		assertThat(token.status()).isEqualTo(200);
		JsonNode json = token.json();
		assertThat(json.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(json.get("expires_in").intValue()).isEqualTo(3600);
		assertThat(json.get("scope").stringValue()).isEqualTo("user-library-read user-read-recently-played");
		assertThat(json.get("refresh_token").stringValue()).isNotBlank();
		SimHttp.Answer me = this.http.get("/v1/me", json.get("access_token").stringValue());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").stringValue()).isEqualTo("alice");
		assertThat(this.sim.requests().count("GET /authorize")).isEqualTo(1);
		assertThat(this.sim.requests().count("POST /api/token")).isEqualTo(1);
		this.sim.assertNoViolations();
	}

	@Test
	void aWrongCodeVerifierIsRefused() {
		this.sim.signInAs("alice");
		String code = callbackQuery(authorize(Map.of("code_challenge", CHALLENGE, "code_challenge_method", "S256")))
			.get("code");

		SimHttp.Answer token = this.http.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				REDIRECT_URI, "code_verifier", VERIFIER.replace('d', 'e')));

		assertInvalidGrant(token, "code_verifier was incorrect");
	}

	@Test
	void aCodeWithAChallengeNeedsItsVerifier() {
		this.sim.signInAs("alice");
		String code = callbackQuery(authorize(Map.of("code_challenge", CHALLENGE, "code_challenge_method", "S256")))
			.get("code");

		SimHttp.Answer token = this.http
			.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI));

		assertInvalidGrant(token, "code_verifier was incorrect");
	}

	@Test
	void aCodeWorksOnlyOnce() {
		this.sim.signInAs("alice");
		String code = callbackQuery(authorize(Map.of())).get("code");
		Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				REDIRECT_URI);

		SimHttp.Answer first = this.http.token(exchange);
		SimHttp.Answer second = this.http.token(exchange);

		assertThat(first.status()).isEqualTo(200);
		assertInvalidGrant(second, "Invalid authorization code");
	}

	@Test
	void theRedirectUriMustBeTheOneOfTheAuthorization() {
		this.sim.signInAs("alice");
		String code = callbackQuery(authorize(Map.of())).get("code");

		SimHttp.Answer token = this.http.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				"http://127.0.0.1:9090/callback"));

		assertInvalidGrant(token, "Invalid redirect URI");
	}

	@Test
	void authorizeWithoutASignedInUserSaysSo() {
		SimHttp.Answer answer = authorize(Map.of());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("signInAs");
	}

	@Test
	void authorizeRefusesLocalhostUnknownClientsAndMissingState() {
		this.sim.signInAs("alice");

		SimHttp.Answer localhost = this.http.get("/authorize?client_id=test-client-id&response_type=code&state=s"
				+ "&redirect_uri=" + SimHttp.encode("http://localhost:8080/callback"), null);
		SimHttp.Answer unknownClient = this.http.get("/authorize?client_id=other&response_type=code&state=s"
				+ "&redirect_uri=" + SimHttp.encode(REDIRECT_URI), null);
		SimHttp.Answer noState = this.http.get("/authorize?client_id=test-client-id&response_type=code"
				+ "&redirect_uri=" + SimHttp.encode(REDIRECT_URI), null);

		assertThat(localhost.status()).isEqualTo(400);
		assertThat(localhost.body()).contains("Invalid redirect URI");
		assertThat(unknownClient.status()).isEqualTo(400);
		assertThat(unknownClient.body()).contains("Invalid client");
		assertThat(noState.status()).isEqualTo(400);
	}

	@Test
	void aRefusedConsentRedirectsWithAccessDenied() {
		this.sim.signInAs("alice");
		this.sim.denyNextConsent();

		SimHttp.Answer redirect = authorize(Map.of());

		assertThat(callbackQuery(redirect)).containsEntry("error", "access_denied").doesNotContainKey("code");
	}

	@Test
	void aWrongClientSecretIsInvalidClient() {
		SimHttp.Answer answer = this.http.token(
				Map.of("grant_type", "refresh_token", "refresh_token", this.sim.issueRefreshToken("alice")),
				"test-client-id", "wrong");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_client");
	}

	@Test
	void clientCredentialsInTheBodyAreAcceptedToo() {
		SimHttp.Answer answer = this.http.tokenWithoutBasic(
				Map.of("grant_type", "refresh_token", "refresh_token", this.sim.issueRefreshToken("alice"), "client_id",
						"test-client-id", "client_secret", "test-client-secret"));

		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void refreshGivesANewAccessTokenAndKeepsTheRefreshToken() {
		String refreshToken = this.sim.issueRefreshToken("alice");

		SimHttp.Answer first = refresh(refreshToken);
		SimHttp.Answer second = refresh(refreshToken);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().has("refresh_token")).isFalse();
		assertThat(first.json().get("scope").stringValue()).isEqualTo(SpotifySimulator.APP_SCOPES);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("access_token").stringValue())
			.isNotEqualTo(first.json().get("access_token").stringValue());
	}

	@Test
	void rotationHandsOutANewRefreshTokenAndRetiresTheOld() {
		this.sim.rotateRefreshTokens(true);
		String original = this.sim.issueRefreshToken("alice");

		SimHttp.Answer rotated = refresh(original);
		String replacement = rotated.json().get("refresh_token").stringValue();

		assertThat(replacement).isNotEqualTo(original);
		assertInvalidGrant(refresh(original), "Invalid refresh token");
		assertThat(refresh(replacement).status()).isEqualTo(200);
	}

	@Test
	void aRevokedRefreshTokenIsInvalidGrant() {
		String refreshToken = this.sim.issueRefreshToken("alice");

		this.sim.revokeRefreshTokens("alice");

		assertInvalidGrant(refresh(refreshToken), "Refresh token revoked");
	}

	@Test
	void expiredAccessTokensAnswer401UntilRefreshed() {
		String refreshToken = this.sim.issueRefreshToken("alice");
		String accessToken = refresh(refreshToken).json().get("access_token").stringValue();

		this.sim.expireAccessTokens();
		SimHttp.Answer expired = this.http.get("/v1/me", accessToken);
		String renewed = refresh(refreshToken).json().get("access_token").stringValue();

		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.json().at("/error/message").stringValue()).isEqualTo("The access token expired");
		assertThat(this.http.get("/v1/me", renewed).status()).isEqualTo(200);
		// a client cannot foresee a cut-short token: not a violation
		this.sim.assertNoViolations();
	}

	@Test
	void accessTokensLiveTheirLifetime() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
		this.sim.clock(clock);
		this.sim.accessTokenLifetime(Duration.ofMinutes(5));
		SimHttp.Answer token = refresh(this.sim.issueRefreshToken("alice"));
		String accessToken = token.json().get("access_token").stringValue();

		clock.advance(Duration.ofMinutes(4));
		int beforeExpiry = this.http.get("/v1/me", accessToken).status();
		clock.advance(Duration.ofMinutes(1));
		int atExpiry = this.http.get("/v1/me", accessToken).status();

		assertThat(token.json().get("expires_in").intValue()).isEqualTo(300);
		assertThat(beforeExpiry).isEqualTo(200);
		assertThat(atExpiry).isEqualTo(401);
	}

	@Test
	void aMissingOrForeignAccessTokenIsAViolation() {
		SimHttp.Answer missing = this.http.get("/v1/me", null);
		SimHttp.Answer foreign = this.http.get("/v1/me", "not-a-token");

		assertThat(missing.status()).isEqualTo(401);
		assertThat(foreign.status()).isEqualTo(401);
		assertThat(foreign.json().at("/error/message").stringValue()).isEqualTo("Invalid access token");
		assertThat(this.sim.violations()).hasSize(2).allMatch((violation) -> violation.startsWith("GET /v1/me:"));
	}

	private SimHttp.Answer authorize(Map<String, String> extra) {
		StringBuilder query = new StringBuilder("/authorize?client_id=test-client-id&response_type=code&state="
				+ SimHttp.encode("xyz 1") + "&scope=" + SimHttp.encode("user-library-read user-read-recently-played")
				+ "&redirect_uri=" + SimHttp.encode(REDIRECT_URI));
		extra.forEach((name, value) -> query.append('&').append(name).append('=').append(SimHttp.encode(value)));
		return this.http.get(query.toString(), null);
	}

	private SimHttp.Answer refresh(String refreshToken) {
		return this.http.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	private static Map<String, String> callbackQuery(SimHttp.Answer redirect) {
		assertThat(redirect.status()).isEqualTo(302);
		return SimExchange.parseForm(URI.create(redirect.location()).getRawQuery());
	}

	private static void assertInvalidGrant(SimHttp.Answer answer, String description) {
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_grant");
		assertThat(answer.json().get("error_description").stringValue()).isEqualTo(description);
	}

}
