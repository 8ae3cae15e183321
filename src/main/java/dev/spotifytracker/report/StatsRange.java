package dev.spotifytracker.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A period of the Stats page's picker, kept in the URL ({@code period}, and {@code from}
 * and {@code to} for a custom one): today, the last 7 days, the last 4 weeks, the last 6
 * months, this year, a calendar year ({@code 2025}), all time or a custom range.
 *
 * @param key the {@code period} parameter
 * @param from the first day, or null for all time
 * @param to the last day, or null for all time
 */
public record StatsRange(String key, String label, LocalDate from, LocalDate to) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	/**
	 * @throws StatsParameterException for an unknown period or bad custom dates
	 */
	static StatsRange of(String key, String from, String to, LocalDate today) {
		String chosen = (key == null || key.isBlank()) ? "4w" : key.strip();
		return switch (chosen) {
			case "today" -> new StatsRange(chosen, "Today", today, today);
			case "7d" -> new StatsRange(chosen, "Last 7 days", today.minusDays(6), today);
			case "4w" -> new StatsRange(chosen, "Last 4 weeks", today.minusDays(27), today);
			case "6m" -> new StatsRange(chosen, "Last 6 months", today.minusMonths(6).plusDays(1), today);
			case "year" -> new StatsRange(chosen, "This year", today.withDayOfYear(1), today);
			case "all" -> new StatsRange(chosen, "All time", null, null);
			case "custom" -> custom(from, to);
			default -> year(chosen);
		};
	}

	private static StatsRange custom(String from, String to) {
		LocalDate first = StatsAccounts.date("from", from);
		LocalDate last = StatsAccounts.date("to", to);
		if (first == null || last == null) {
			throw new StatsParameterException("A custom period needs both a from and a to date.");
		}
		if (first.isAfter(last)) {
			throw new StatsParameterException("from (" + first + ") is after to (" + last + ").");
		}
		return new StatsRange("custom", DAY.format(first) + " to " + DAY.format(last), first, last);
	}

	private static StatsRange year(String value) {
		if (value.matches("(19|2[0-9])[0-9]{2}")) {
			int year = Integer.parseInt(value);
			return new StatsRange(value, value, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		}
		throw new StatsParameterException("Unknown period " + TopKind.quoted(value)
				+ ": use today, 7d, 4w, 6m, year, all, custom or a year such as 2025.");
	}

	public boolean bounded() {
		return this.from != null;
	}

	/**
	 * The period of the same length just before this one, or null for all time.
	 */
	StatsRange previous() {
		if (!bounded()) {
			return null;
		}
		long days = ChronoUnit.DAYS.between(this.from, this.to) + 1;
		LocalDate end = this.from.minusDays(1);
		LocalDate start = end.minusDays(days - 1);
		return new StatsRange("custom", DAY.format(start) + " to " + DAY.format(end), start, end);
	}

}
