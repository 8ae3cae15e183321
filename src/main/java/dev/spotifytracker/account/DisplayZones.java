package dev.spotifytracker.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Chooses the time zone of the dashboard's dates: the account's setting, else the
 * browser's (the {@value #COOKIE} cookie that {@code app.js} sets), else the service's
 * own ({@code TZ}).
 */
@Component
public class DisplayZones {

	static final String COOKIE = "tz";

	private final ZoneId serviceZone;

	private final AccountService accounts;

	private final Clock clock;

	@Autowired
	DisplayZones(AccountService accounts, Clock clock) {
		this(ZoneId.systemDefault(), accounts, clock);
	}

	DisplayZones(ZoneId serviceZone, AccountService accounts, Clock clock) {
		this.serviceZone = serviceZone;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * The dates of a page the caller views; the zone is looked up on first use.
	 */
	public DateDisplay dates(Authentication caller, HttpServletRequest request) {
		return new DateDisplay(() -> zoneFor(this.accounts.current(caller), request), this.clock);
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
