package dev.spotifytracker.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;

import dev.spotifytracker.spotify.SpotifyProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

/**
 * Sign-ins under way (sent to Spotify, not back yet), kept in a small store of their own
 * instead of a session each: anyone may start a sign-in, and a session would hold its
 * memory for eight hours. At most {@value #MAX_IN_FLIGHT} attempts are kept, each for ten
 * minutes, at most {@value #MAX_PER_ADDRESS} from one address (a further one from that
 * address replaces its oldest), so one stranger cannot crowd out everyone else.
 * <p>
 * An attempt is found again by its {@code state} and belongs to the browser that started
 * it: a cookie with a random value, whose digest the attempt keeps, must come back with
 * the callback, so a callback link sent to someone else signs nobody in. Each attempt can
 * be used once.
 */
@Component
class SignInAttempts implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final int MAX_IN_FLIGHT = 100;

	static final int MAX_PER_ADDRESS = 5;

	static final Duration LIFETIME = Duration.ofMinutes(10);

	static final String COOKIE = "tracker-sign-in";

	/**
	 * Request attribute of the start: the setup code was given and is right.
	 */
	static final String SETUP_CODE_GIVEN = SignInAttempts.class.getName() + ".setupCodeGiven";

	/**
	 * Request attribute of the callback: the attempt it ends was started with the right
	 * setup code.
	 */
	static final String STARTED_WITH_SETUP_CODE = SignInAttempts.class.getName() + ".startedWithSetupCode";

	private final Clock clock;

	private final boolean httpsOnly;

	private final SecureRandom random = new SecureRandom();

	/** By state, oldest first. */
	private final LinkedHashMap<String, Attempt> attempts = new LinkedHashMap<>();

	SignInAttempts(Clock clock, SpotifyProperties spotify) {
		this.clock = clock;
		this.httpsOnly = spotify.hasRedirectUri() && "https".equalsIgnoreCase(spotify.redirectUri().getScheme());
	}

	/**
	 * Whether an attempt from this address would be kept now; when not, the start is
	 * refused before anything is stored.
	 */
	synchronized boolean hasRoomFor(String address) {
		forgetExpired();
		return this.attempts.size() < MAX_IN_FLIGHT || countFrom(address) >= MAX_PER_ADDRESS;
	}

	/**
	 * How long until the oldest attempt expires and makes room.
	 */
	synchronized Duration untilRoom() {
		forgetExpired();
		Iterator<Attempt> oldest = this.attempts.values().iterator();
		if (!oldest.hasNext()) {
			return Duration.ZERO;
		}
		return Duration.between(this.clock.instant(), oldest.next().expiresAt());
	}

	synchronized int inFlight() {
		forgetExpired();
		return this.attempts.size();
	}

	@Override
	public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		Attempt attempt = find(request, false);
		return (attempt != null) ? attempt.request() : null;
	}

	@Override
	public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
			HttpServletResponse response) {
		if (authorizationRequest == null) {
			removeAuthorizationRequest(request, response);
			return;
		}
		String browser = browserKey(request);
		if (browser == null) {
			byte[] random = new byte[32];
			this.random.nextBytes(random);
			browser = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		// a new attempt renews the cookie, so it lasts as long as the newest attempt
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(COOKIE, browser)
					.path(request.getContextPath() + "/")
					.httpOnly(true)
					.secure(this.httpsOnly || request.isSecure())
					.sameSite("Lax")
					.maxAge(LIFETIME)
					.build()
					.toString());
		String address = request.getRemoteAddr();
		Attempt attempt = new Attempt(digest(browser), authorizationRequest, address,
				this.clock.instant().plus(LIFETIME), Boolean.TRUE.equals(request.getAttribute(SETUP_CODE_GIVEN)));
		synchronized (this) {
			forgetExpired();
			while (countFrom(address) >= MAX_PER_ADDRESS) {
				forgetOldest(address);
			}
			if (this.attempts.size() >= MAX_IN_FLIGHT) {
				// only when starts raced past hasRoomFor: the bound holds regardless
				forgetOldest(null);
			}
			this.attempts.put(authorizationRequest.getState(), attempt);
		}
	}

	@Override
	public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		Attempt attempt = find(request, true);
		if (attempt == null) {
			return null;
		}
		if (attempt.startedWithSetupCode()) {
			request.setAttribute(STARTED_WITH_SETUP_CODE, Boolean.TRUE);
		}
		return attempt.request();
	}

	/**
	 * The attempt named by the request's {@code state}, if it is still fresh and this
	 * browser started it.
	 */
	private Attempt find(HttpServletRequest request, boolean remove) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		String browser = browserKey(request);
		if (state == null || browser == null) {
			return null;
		}
		synchronized (this) {
			forgetExpired();
			Attempt attempt = this.attempts.get(state);
			if (attempt == null || !MessageDigest.isEqual(attempt.browser(), digest(browser))) {
				return null;
			}
			if (remove) {
				this.attempts.remove(state);
			}
			return attempt;
		}
	}

	private static String browserKey(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() >= 32
					&& cookie.getValue().length() <= 64) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private void forgetExpired() {
		Instant now = this.clock.instant();
		this.attempts.values().removeIf((attempt) -> !attempt.expiresAt().isAfter(now));
	}

	private int countFrom(String address) {
		int count = 0;
		for (Attempt attempt : this.attempts.values()) {
			if (attempt.address().equals(address)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Forgets the oldest attempt from this address, or the oldest of all.
	 */
	private void forgetOldest(String address) {
		Iterator<Attempt> oldestFirst = this.attempts.values().iterator();
		while (oldestFirst.hasNext()) {
			Attempt attempt = oldestFirst.next();
			if (address == null || attempt.address().equals(address)) {
				oldestFirst.remove();
				return;
			}
		}
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param browser the digest of the cookie of the browser that started it
	 * @param request what Spotify was asked, to check the callback against
	 * @param address where the start came from
	 * @param expiresAt when it is forgotten
	 * @param startedWithSetupCode whether the right setup code was given
	 */
	private record Attempt(byte[] browser, OAuth2AuthorizationRequest request, String address, Instant expiresAt,
			boolean startedWithSetupCode) {

	}

}
