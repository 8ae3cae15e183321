package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.spotifytracker.app.AccountId;

/**
 * What a stats question is about: one account's counted plays whose local start falls
 * between two local dates (inclusive) in a time zone. A missing date leaves that side
 * open.
 *
 * @param from the first local day, or null for the account's first play
 * @param to the last local day, or null for today
 */
public record StatsPeriod(AccountId account, ZoneId zone, LocalDate from, LocalDate to) {

	/** Earlier than any play: an open start. */
	static final Instant OPEN_START = Instant.parse("1900-01-01T00:00:00Z");

	/** Later than any play: an open end. */
	static final Instant OPEN_END = Instant.parse("3000-01-01T00:00:00Z");

	/**
	 * The first instant whose local start counts.
	 */
	Instant startInstant() {
		return (this.from != null) ? this.from.atStartOfDay(this.zone).toInstant() : OPEN_START;
	}

	/**
	 * The first instant after the period (exclusive).
	 */
	Instant endInstant() {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(this.zone).toInstant() : OPEN_END;
	}

	/**
	 * The same period in another zone (the same local dates).
	 */
	StatsPeriod in(ZoneId other) {
		return new StatsPeriod(this.account, other, this.from, this.to);
	}

}
