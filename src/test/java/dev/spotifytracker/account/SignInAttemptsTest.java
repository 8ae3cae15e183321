package dev.spotifytracker.account;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.spotifytracker.spotify.SpotifyProperties;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAttemptsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final SignInAttempts attempts = new SignInAttempts(this.clock, spotify(""));

	@Test
	void anAttemptIsFoundOnceByItsStateFromTheBrowserThatStartedIt() {
		Cookie browser = start("state-1", "198.51.100.1");

		assertThat(this.attempts.loadAuthorizationRequest(callback("state-1", null))).isNull();
		assertThat(this.attempts.loadAuthorizationRequest(callback("state-1",
				new Cookie(SignInAttempts.COOKIE, "someone-else-s-browser-cookie-value-0123456789"))))
			.isNull();
		assertThat(
				this.attempts.removeAuthorizationRequest(callback("state-1", browser), new MockHttpServletResponse()))
			.isNotNull();
		assertThat(
				this.attempts.removeAuthorizationRequest(callback("state-1", browser), new MockHttpServletResponse()))
			.as("used once")
			.isNull();
	}

	@Test
	void anAttemptIsForgottenAfterTenMinutes() {
		Cookie browser = start("state-1", "198.51.100.1");

		this.clock.advance(SignInAttempts.LIFETIME);

		assertThat(this.attempts.loadAuthorizationRequest(callback("state-1", browser))).isNull();
		assertThat(this.attempts.inFlight()).isZero();
	}

	@Test
	void oneAddressKeepsOnlyItsNewestAttempts() {
		for (int i = 0; i < 50; i++) {
			start("state-" + i, "198.51.100.1");
		}

		assertThat(this.attempts.inFlight()).isEqualTo(SignInAttempts.MAX_PER_ADDRESS);
		assertThat(this.attempts.hasRoomFor("198.51.100.1")).isTrue();
	}

	@Test
	void manyAddressesFillTheStoreAndTheNextWaitsForTheOldestToExpire() {
		for (int i = 0; i < SignInAttempts.MAX_IN_FLIGHT; i++) {
			start("state-" + i, "198.51.100." + i);
			this.clock.advance(Duration.ofSeconds(1));
		}

		assertThat(this.attempts.hasRoomFor("203.0.113.9")).isFalse();
		assertThat(this.attempts.untilRoom()).isPositive().isLessThanOrEqualTo(SignInAttempts.LIFETIME);
		this.clock.advance(this.attempts.untilRoom());
		assertThat(this.attempts.hasRoomFor("203.0.113.9")).isTrue();
	}

	@Test
	void theCookieIsSecureWhenTheRedirectUriIsHttps() {
		SignInAttempts overHttps = new SignInAttempts(this.clock, spotify("https://tracker.example.org/callback"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		overHttps.saveAuthorizationRequest(request("state-1"), new MockHttpServletRequest(), response);

		assertThat(response.getHeader("Set-Cookie")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
	}

	private Cookie start(String state, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/spotify");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.attempts.saveAuthorizationRequest(request(state), request, response);
		return response.getCookie(SignInAttempts.COOKIE);
	}

	private static MockHttpServletRequest callback(String state, Cookie browser) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/callback");
		request.setParameter("state", state);
		request.setParameter("code", "a-code");
		if (browser != null) {
			request.setCookies(browser);
		}
		return request;
	}

	private static OAuth2AuthorizationRequest request(String state) {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://accounts.example.org/authorize")
			.clientId("client")
			.redirectUri("http://127.0.0.1:8080/callback")
			.state(state)
			.build();
	}

	private static SpotifyProperties spotify(String redirectUri) {
		return new SpotifyProperties("client", "secret", redirectUri.isEmpty() ? null : URI.create(redirectUri), null,
				URI.create("https://api.spotify.com"), URI.create("https://accounts.spotify.com"),
				Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60), 4, Duration.ofMillis(500));
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
