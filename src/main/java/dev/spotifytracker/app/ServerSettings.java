package dev.spotifytracker.app;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns our settings into the web server's, before it is made:
 * <ul>
 * <li>{@code TRACKER_TRUSTED_PROXIES} (addresses or CIDR ranges, comma-separated) are the
 * only peers whose {@code X-Forwarded-*} headers Tomcat believes; empty, it believes
 * nobody (Tomcat's own default trusts every private address, so anyone on the same
 * network could claim to be anyone, over https).</li>
 * <li>With an https {@code SPOTIFY_REDIRECT_URI} the session cookie is {@code Secure},
 * whatever the proxy in front says about the request.</li>
 * </ul>
 */
class ServerSettings implements EnvironmentPostProcessor, Ordered {

	static final String TRUSTED_PROXIES = "tracker.server.trusted-proxies";

	private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("server.tomcat.remoteip.internal-proxies",
				trustedProxies(environment.getProperty(TRUSTED_PROXIES, "")));
		if (environment.getProperty("server.servlet.session.cookie.secure") == null
				&& isHttps(environment.getProperty("tracker.spotify.redirect-uri"))) {
			settings.put("server.servlet.session.cookie.secure", "true");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("trackerServerSettings", settings));
	}

	/**
	 * The list as Tomcat reads CIDR ranges (a single address gets its full mask, since
	 * without a {@code /} Tomcat would read the whole list as one regular expression).
	 */
	static String trustedProxies(String configured) {
		List<String> ranges = new ArrayList<>();
		for (String entry : configured.split(",")) {
			String range = entry.strip();
			if (range.isEmpty()) {
				continue;
			}
			int slash = range.indexOf('/');
			String address = (slash < 0) ? range : range.substring(0, slash);
			InetAddress parsed = parse(address);
			int bits = parsed.getAddress().length * 8;
			if (slash < 0) {
				ranges.add(address + "/" + bits);
				continue;
			}
			try {
				int prefix = Integer.parseInt(range.substring(slash + 1));
				if (prefix < 0 || prefix > bits) {
					throw notARange(range);
				}
			}
			catch (NumberFormatException ex) {
				throw notARange(range);
			}
			ranges.add(range);
		}
		return String.join(", ", ranges);
	}

	private static InetAddress parse(String address) {
		if (!ADDRESS.matcher(address).matches()) {
			throw notARange(address);
		}
		try {
			// an address literal: no name server is asked
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw notARange(address);
		}
	}

	private static InvalidSettingException notARange(String entry) {
		return new InvalidSettingException("TRACKER_TRUSTED_PROXIES", "TRACKER_TRUSTED_PROXIES holds '" + entry
				+ "', which is not an IP address or a CIDR range such as 10.0.0.0/8: list the addresses your proxy connects from, separated by commas.");
	}

	private static boolean isHttps(String redirectUri) {
		if (redirectUri == null || redirectUri.isBlank()) {
			return false;
		}
		try {
			return "https".equalsIgnoreCase(URI.create(redirectUri.strip()).getScheme());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
