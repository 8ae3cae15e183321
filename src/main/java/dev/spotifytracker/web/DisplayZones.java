package dev.spotifytracker.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import dev.spotifytracker.account.Account;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Chooses the time zone of the dashboard's dates: the account's setting, else the
 * browser's (the {@value #COOKIE} cookie that {@code app.js} sets), else the service's
 * own ({@code TZ}).
 */
@Component
class DisplayZones {

	static final String COOKIE = "tz";

	private final ZoneId serviceZone;

	DisplayZones() {
		this(ZoneId.systemDefault());
	}

	DisplayZones(ZoneId serviceZone) {
		this.serviceZone = serviceZone;
	}

	ZoneId zoneFor(Optional<Account> viewer, HttpServletRequest request) {
		return viewer.map(Account::timeZone)
			.flatMap(DisplayZones::parse)
			.or(() -> browserZone(request))
			.orElse(this.serviceZone);
	}

	private static Optional<ZoneId> browserZone(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				try {
					return parse(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException ex) {
					// a cookie the browser's script did not write: ignored, not a 500
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	static Optional<ZoneId> parse(String zone) {
		if (zone == null || zone.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(zone.strip()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
