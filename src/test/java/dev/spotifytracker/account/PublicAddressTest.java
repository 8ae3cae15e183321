package dev.spotifytracker.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a public address ({@code https://tracker.example.org}, behind a proxy on
 * 127.0.0.1 that is listed in {@code TRACKER_TRUSTED_PROXIES}) with no
 * {@code TRACKER_ALLOWED_USERS}: a stranger who finds it first does not become its owner,
 * and its cookies never travel over plain http.
 */
@IntegrationTest
@TestPropertySource(properties = { "tracker.spotify.redirect-uri=" + PublicAddressTest.PUBLIC + "/callback",
		"tracker.server.trusted-proxies=127.0.0.1" })
class PublicAddressTest {

	static final String PUBLIC = "https://tracker.example.org";

	private static final String SIGN_IN = "/oauth2/authorization/spotify";

	private final SpotifySimulator spotify = TestSpotify.simulator();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SetupCode setupCode;

	@BeforeEach
	void setUp() {
		this.spotify.addUser("alice", "Alice Example");
		this.spotify.addUser("mallory", "Mallory");
	}

	@Test
	void aStrangerWhoSignsInFirstDoesNotBecomeTheOwner() {
		ProxiedBrowser stranger = new ProxiedBrowser();

		signIn(stranger, "mallory", "");
		signIn(stranger, "mallory", "?setup-code=AAAA-BBBB-CCCC");

		assertThat(this.jdbc.sql("select count(*) from accounts").query(Long.class).single()).isZero();
	}

	@Test
	void theFirstSignInWithTheSetupCodeFromTheLogMakesTheOwner() {
		ProxiedBrowser owner = new ProxiedBrowser();

		HttpResponse<String> signedIn = signIn(owner, "alice", "?setup-code=" + this.setupCode.value());

		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).isIn("/", PUBLIC + "/"));
		assertThat(owner.get("/").statusCode()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select role from accounts where spotify_user_id = 'alice'").query(String.class).single())
			.isEqualTo("owner");
		assertThat(owner.setCookies()).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).contains("; Secure").contains("; HttpOnly"));
	}

	@Test
	void theSignInPageAsksForTheSetupCodeUntilThereIsAnOwner() {
		ProxiedBrowser visitor = new ProxiedBrowser();

		assertThat(visitor.get("/login").body()).contains("name=\"setup-code\"");
		signIn(new ProxiedBrowser(), "alice", "?setup-code=" + this.setupCode.value());
		assertThat(visitor.get("/login").body()).doesNotContain("name=\"setup-code\"").contains("id=\"sign-in\"");
	}

	@Test
	void aWrongSetupCodeIsSentBackBeforeSpotify() {
		HttpResponse<String> start = new ProxiedBrowser().get(SIGN_IN + "?setup-code=AAAA-BBBB-CCCC");

		assertThat(start.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?setup-code-wrong"));
	}

	@Test
	void everyCookieIsSecureWhenTheRedirectUriIsHttpsEvenOverPlainHttp() throws Exception {
		HttpResponse<String> start = this.http.send(
				HttpRequest.newBuilder(local(SIGN_IN + "?setup-code=" + this.setupCode.value())).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(start.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith(this.spotify.baseUrl()));
		assertThat(start.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));
	}

	@Test
	void forwardedHeadersFromAListedProxyAreHonoured() throws Exception {
		HttpResponse<String> answer = new ProxiedBrowser().get("/");

		assertThat(answer.headers().firstValue("Location")).hasValue(PUBLIC + "/login");
	}

	/**
	 * Starts a sign-in, consents at Spotify and comes back through the proxy, as far as
	 * the service lets the browser go.
	 */
	private HttpResponse<String> signIn(ProxiedBrowser browser, String user, String query) {
		this.spotify.signInAs(user);
		HttpResponse<String> start = browser.get(SIGN_IN + query);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		if (!authorize.startsWith(this.spotify.baseUrl())) {
			return start;
		}
		String callback = send(HttpRequest.newBuilder(URI.create(authorize)).build()).headers()
			.firstValue("Location")
			.orElseThrow();
		assertThat(callback).startsWith(PUBLIC + "/callback?");
		return browser.get(callback.substring(PUBLIC.length()));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI local(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * A browser on the public https address, as the service sees it behind the proxy: the
	 * proxy's forwarded headers on every request, and the browser's cookies, Secure ones
	 * included (the hop from the proxy is plain http).
	 */
	private final class ProxiedBrowser {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		private final List<String> setCookies = new java.util.ArrayList<>();

		HttpResponse<String> get(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(local(path))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "tracker.example.org")
				.header("X-Forwarded-For", "198.51.100.7");
			if (!this.cookies.isEmpty()) {
				request.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = send(request.build());
			for (String header : response.headers().allValues("Set-Cookie")) {
				this.setCookies.add(header);
				String pair = header.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				if (header.contains("Max-Age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, pair.substring(pair.indexOf('=') + 1));
				}
			}
			return response;
		}

		List<String> setCookies() {
			return this.setCookies;
		}

	}

}
