package dev.spotifytracker.account;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestBrowser;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole sign-in flow, over HTTP, against the Spotify simulator: our authorization
 * request, Spotify's consent, the callback, the stored account.
 */
@IntegrationTest
class SignInFlowTest {

	private final SpotifySimulator spotify = TestSpotify.simulator();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenCipher cipher;

	private TestBrowser browser;

	@BeforeEach
	void setUp() {
		this.browser = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.addUser("alice", "Alice Example");
		this.spotify.addUser("bob", "Bob Example");
		this.spotify.addUser("mallory", "Mallory");
	}

	@Test
	void theFirstSignInCreatesTheOwnerAndShowsTheirName() {
		HttpResponse<String> overview = signInAs("alice");

		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("Alice Example").doesNotContain("refresh");
		assertThat(
				this.jdbc.sql("select role from accounts where spotify_user_id = 'alice'").query(String.class).single())
			.isEqualTo("owner");
	}

	@Test
	void theRefreshTokenIsStoredEncryptedAndWorks() {
		signInAs("alice");

		byte[] stored = this.jdbc.sql("select refresh_token_encrypted from accounts where spotify_user_id = 'alice'")
			.query((rs, row) -> rs.getBytes(1))
			.single();
		String token = this.cipher.decrypt(stored, "alice");
		assertThat(token).isNotBlank();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(token);
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(token);
		assertThat(refreshAtSpotify(token).statusCode()).as("the stored token is the one Spotify issued")
			.isEqualTo(200);
		assertThat(this.jdbc.sql("select authorized_at is not null from accounts where spotify_user_id = 'alice'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void theAuthorizationRequestCarriesStateAndPkce() {
		String authorize = TestBrowser.location(this.browser.get("/oauth2/authorization/spotify"));

		assertThat(authorize).startsWith(this.spotify.baseUrl() + "/authorize?")
			.contains("state=")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256")
			.contains("user-read-recently-played")
			.contains("playlist-modify-private")
			.contains("redirect_uri=http://127.0.0.1:" + this.port + "/callback");
	}

	@Test
	void theSignInPageMovesFromLocalhostToTheLoopbackAddressSpotifyAccepts() {
		HttpResponse<String> answer = new TestBrowser("http://localhost:" + this.port).get("/login");

		assertThat(TestBrowser.location(answer)).isEqualTo("http://127.0.0.1:" + this.port + "/login");
	}

	@Test
	void aWrongStateIsRejected() {
		this.spotify.signInAs("alice");
		String callback = consentAtSpotify();
		String forged = callback.replaceAll("state=[^&]+", "state=forged");

		HttpResponse<String> answer = this.browser.get(forged);

		assertThat(TestBrowser.location(answer)).endsWith("/login?failed");
		assertThat(TestBrowser.location(this.browser.get("/"))).endsWith("/login");
		assertThat(accountCount()).isZero();
	}

	@Test
	void aReplayedCallbackIsRejectedWithoutSigningOut() {
		this.spotify.signInAs("alice");
		String callback = consentAtSpotify();
		assertThat(TestBrowser.location(this.browser.get(callback))).endsWith("/");

		HttpResponse<String> replay = this.browser.get(callback);

		assertThat(TestBrowser.location(replay)).endsWith("/login?failed");
		assertThat(this.browser.get("/").statusCode()).as("a forged callback link does not sign anyone out")
			.isEqualTo(200);
	}

	@Test
	void aUserWhoIsNotAllowedSeesWhyAndGetsNoSessionAndNoRow() {
		signInAs("alice");
		TestBrowser stranger = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.signInAs("mallory");

		HttpResponse<String> answer = stranger.follow("/oauth2/authorization/spotify");

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.body()).contains("not allowed");
		assertThat(TestBrowser.location(stranger.get("/"))).endsWith("/login");
		assertThat(this.jdbc.sql("select count(*) from accounts where spotify_user_id = 'mallory'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theOwnerAllowsAnotherUserWhoThenSignsInAsMember() {
		signInAs("alice");
		HttpResponse<String> allowed = this.browser.submit("/settings", "/settings/allowed-users",
				Map.of("spotifyUserId", "bob"));
		assertThat(TestBrowser.location(allowed)).endsWith("/settings");
		TestBrowser bobsBrowser = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.signInAs("bob");

		HttpResponse<String> overview = bobsBrowser.follow("/oauth2/authorization/spotify");

		assertThat(overview.body()).contains("Bob Example");
		assertThat(
				this.jdbc.sql("select role from accounts where spotify_user_id = 'bob'").query(String.class).single())
			.isEqualTo("member");
	}

	@Test
	void aMemberCannotAllowUsers() {
		signInAs("alice");
		this.browser.submit("/settings", "/settings/allowed-users", Map.of("spotifyUserId", "bob"));
		TestBrowser bobsBrowser = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.signInAs("bob");
		bobsBrowser.follow("/oauth2/authorization/spotify");

		HttpResponse<String> answer = bobsBrowser.submit("/settings", "/settings/allowed-users",
				Map.of("spotifyUserId", "mallory"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from allowed_users where spotify_user_id = 'mallory'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPostWithoutCsrfIsRejected() {
		signInAs("alice");

		HttpResponse<String> answer = this.browser.post("/settings/allowed-users", Map.of("spotifyUserId", "bob"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from allowed_users").query(Long.class).single()).isZero();
	}

	@Test
	void signingOutEndsTheSession() {
		signInAs("alice");

		HttpResponse<String> answer = this.browser.submit("/", "/logout", Map.of());

		assertThat(TestBrowser.location(answer)).endsWith("/login?signed-out");
		assertThat(TestBrowser.location(this.browser.get("/"))).endsWith("/login");
	}

	@Test
	void theCookiesAreHttpOnlyAndLaxAndTheSessionComesWithTheSignIn() {
		HttpResponse<String> start = this.browser.get("/oauth2/authorization/spotify");
		this.spotify.signInAs("alice");
		HttpResponse<String> callback = this.browser
			.get(TestBrowser.location(this.browser.get(TestBrowser.location(start))));

		assertThat(start.headers().allValues("Set-Cookie")).as("a sign-in under way needs no session")
			.noneSatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(SignInAttempts.COOKIE + "=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax")
				.doesNotContainIgnoringCase("Secure"));
		assertThat(callback.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax")
				.doesNotContainIgnoringCase("Secure"));
	}

	@Test
	void aCallbackLinkOpenedInAnotherBrowserSignsNobodyIn() {
		this.spotify.signInAs("mallory");
		String callback = consentAtSpotify();
		TestBrowser victim = new TestBrowser("http://127.0.0.1:" + this.port);

		HttpResponse<String> answer = victim.get(callback);

		assertThat(TestBrowser.location(answer)).endsWith("/login?failed");
		assertThat(accountCount()).isZero();
	}

	private HttpResponse<String> signInAs(String user) {
		this.spotify.signInAs(user);
		HttpResponse<String> answer = this.browser.follow("/oauth2/authorization/spotify");
		assertThat(answer.statusCode()).as("signed in as " + user).isEqualTo(200);
		return answer;
	}

	/**
	 * Our redirect to Spotify, then Spotify's answer: the callback URL with code and
	 * state.
	 */
	private String consentAtSpotify() {
		String authorize = TestBrowser.location(this.browser.get("/oauth2/authorization/spotify"));
		return TestBrowser.location(this.browser.get(authorize));
	}

	private HttpResponse<String> refreshAtSpotify(String refreshToken) {
		String basic = java.util.Base64.getEncoder()
			.encodeToString(
					(this.spotify.clientId() + ":" + this.spotify.clientSecret()).getBytes(StandardCharsets.UTF_8));
		return this.browser.send(HttpRequest.newBuilder(URI.create(this.spotify.baseUrl() + "/api/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + refreshToken))
			.build());
	}

	private long accountCount() {
		return this.jdbc.sql("select count(*) from accounts").query(Long.class).single();
	}

}
