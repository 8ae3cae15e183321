package dev.spotifytracker.plays;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which plays a history page or an export shows: a range of local dates (inclusive, by
 * the play's start), text in the track, artist or album name, and a source.
 *
 * @param from the first local day, or null for no lower bound
 * @param to the last local day, or null for no upper bound
 * @param zone the zone of the days
 * @param text words to look for, or empty
 * @param source {@code recently_played}, {@code history_import} or null for both
 */
record HistoryFilter(LocalDate from, LocalDate to, ZoneId zone, String text, String source) {

	/** Dates outside these years are typing errors, not history. */
	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2200;

	/**
	 * @throws ResponseStatusException 400 with one sentence for a malformed or
	 * far-fetched parameter
	 */
	static HistoryFilter parse(String from, String to, ZoneId zone, String text, String source) {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (first != null && last != null && last.isBefore(first)) {
			throw bad("'to' (" + last + ") is before 'from' (" + first + ").");
		}
		String kind = (source == null || source.isBlank()) ? null : source.strip().toLowerCase(Locale.ROOT);
		if (kind != null && !kind.equals(PlayWrites.RECENTLY_PLAYED) && !kind.equals(PlayWrites.HISTORY_IMPORT)) {
			throw bad("'" + abbreviate(source) + "' is not a valid source: use recently_played or history_import.");
		}
		String words = (text != null) ? text.strip() : "";
		if (words.length() > 200) {
			throw bad("The search text is longer than 200 characters.");
		}
		return new HistoryFilter(first, last, zone, words, kind);
	}

	static ZoneId zone(String tz, ZoneId fallback) {
		if (tz == null || tz.isBlank()) {
			return fallback;
		}
		try {
			return ZoneId.of(tz.strip());
		}
		catch (DateTimeException ex) {
			throw bad("'" + abbreviate(tz) + "' is not a time zone: use an IANA name such as Europe/Berlin.");
		}
	}

	/**
	 * @return the first instant of the range, or null
	 */
	Instant fromInstant() {
		return (this.from != null) ? this.from.atStartOfDay(this.zone).toInstant() : null;
	}

	/**
	 * @return the first instant after the range, or null
	 */
	Instant untilInstant() {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(this.zone).toInstant() : null;
	}

	/**
	 * @return the text as an ILIKE pattern, or null when there is no text
	 */
	String pattern() {
		if (this.text.isEmpty()) {
			return null;
		}
		return "%" + this.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw bad("'" + abbreviate(value) + "' is not a valid date for '" + name + "': use YYYY-MM-DD.");
		}
		if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
			throw bad("'" + name + "' must be a date between " + FIRST_YEAR + " and " + LAST_YEAR + ".");
		}
		return date;
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	static ResponseStatusException bad(String sentence) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, sentence);
	}

}
