package dev.spotifytracker.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns the stats API's {@code account}, {@code from}, {@code to} and {@code tz}
 * parameters into a {@link StatsPeriod} the caller may see, or a 400 with one sentence.
 */
@Component
class StatsAccounts {

	private final AccountService accounts;

	StatsAccounts(AccountService accounts) {
		this.accounts = accounts;
	}

	/**
	 * @param spotifyUserId the account parameter; null: the caller's own account (the
	 * owner's for the API token)
	 */
	StatsPeriod period(Authentication caller, String spotifyUserId, String from, String to, String tz) {
		Account account = account(caller, spotifyUserId);
		ZoneId zone = (tz != null) ? zone(tz) : zoneOf(account);
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (first != null && last != null && first.isAfter(last)) {
			throw new StatsParameterException("from (" + first + ") is after to (" + last + ").");
		}
		return new StatsPeriod(account.id(), zone, first, last);
	}

	/**
	 * The account's own time zone, else UTC.
	 */
	static ZoneId zoneOf(Account account) {
		if (account.timeZone() != null && !account.timeZone().isBlank()) {
			try {
				return ZoneId.of(account.timeZone());
			}
			catch (DateTimeException ex) {
				// a zone this JVM no longer knows: UTC, as for an account without one
			}
		}
		return ZoneId.of("UTC");
	}

	Account account(Authentication caller, String spotifyUserId) {
		List<Account> accessible = this.accounts.accessible(caller);
		if (spotifyUserId == null || spotifyUserId.isBlank()) {
			Optional<Account> own = this.accounts.current(caller);
			return own.or(() -> accessible.stream().filter(Account::isOwner).findFirst())
				.or(() -> accessible.stream().findFirst())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no account yet."));
		}
		String wanted = spotifyUserId.strip();
		return accessible.stream()
			.filter((account) -> account.spotifyUserId().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
					"You may not see the statistics of account " + TopKind.quoted(wanted) + "."));
	}

	static ZoneId zone(String tz) {
		try {
			return ZoneId.of(tz.strip());
		}
		catch (DateTimeException ex) {
			throw new StatsParameterException(
					"Unknown time zone " + TopKind.quoted(tz) + ": use an IANA name such as Europe/Berlin.");
		}
	}

	static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 1900 || date.getYear() > 2999) {
				throw new StatsParameterException(name + " must be a date between the years 1900 and 2999.");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new StatsParameterException(name + " " + TopKind.quoted(value) + " is no date: use YYYY-MM-DD.");
		}
	}

}
