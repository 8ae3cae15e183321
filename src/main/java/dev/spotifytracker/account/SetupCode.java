package dev.spotifytracker.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import dev.spotifytracker.spotify.SpotifyProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who becomes the owner of a service that nobody owns yet and that anyone on the internet
 * can reach. Without {@code TRACKER_ALLOWED_USERS} the first person to sign in becomes
 * the owner; on a loopback address that is the person at the keyboard, on a public one it
 * could be any stranger. So on a public address (a {@code SPOTIFY_REDIRECT_URI} that is
 * not loopback, or without one a browser that did not come through a loopback address)
 * the first sign-in must give a one-time setup code that only the service's log shows. A
 * new code is made at each start and is worthless once an owner exists.
 */
@Component
class SetupCode {

	private static final Logger log = LoggerFactory.getLogger(SetupCode.class);

	/** No 0/O or 1/I/L: the code is read from a log and typed. */
	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*");

	private final SpotifyProperties spotify;

	private final SignInPolicy policy;

	private final String code;

	private final AtomicBoolean shown = new AtomicBoolean();

	SetupCode(SpotifyProperties spotify, SignInPolicy policy) {
		this.spotify = spotify;
		this.policy = policy;
		this.code = generate();
	}

	/**
	 * Whether a sign-in through this request could make its user the owner without the
	 * code being given. Shows the code in the log the first time it is needed.
	 */
	boolean requiredFor(HttpServletRequest request) {
		boolean required = isPublic(request.getServerName()) && this.policy.wouldMakeTheFirstOwner();
		if (required) {
			show();
		}
		return required;
	}

	/**
	 * Whether {@code given} is the code, whatever its case, spaces or dashes; compared in
	 * constant time.
	 */
	boolean matches(String given) {
		if (given == null) {
			return false;
		}
		String normal = given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return MessageDigest.isEqual(normal.getBytes(StandardCharsets.US_ASCII),
				this.code.replace("-", "").getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * With a public {@code SPOTIFY_REDIRECT_URI}, the code is in the start-up log, where
	 * whoever deploys the service looks first.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void showAtStartUpWhenPublic() {
		if (this.spotify.hasRedirectUri() && !isLoopback(this.spotify.redirectUri().getHost())
				&& this.policy.wouldMakeTheFirstOwner()) {
			show();
		}
	}

	String value() {
		return this.code;
	}

	private boolean isPublic(String requestHost) {
		String host = this.spotify.hasRedirectUri() ? this.spotify.redirectUri().getHost() : requestHost;
		return !isLoopback(host);
	}

	private void show() {
		if (this.shown.compareAndSet(false, true)) {
			log.warn("Nobody owns this service yet and it is reachable on a public address: the first sign-in must "
					+ "give the setup code {} (it changes at each start; set TRACKER_ALLOWED_USERS to do without it)",
					this.code);
		}
	}

	/**
	 * Loopback by name or address, without asking a name server.
	 */
	static boolean isLoopback(String host) {
		if (host == null || host.isBlank()) {
			return false;
		}
		String bare = host.strip();
		if (bare.startsWith("[") && bare.endsWith("]")) {
			bare = bare.substring(1, bare.length() - 1);
		}
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!IP_LITERAL.matcher(bare).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
