package dev.spotifytracker.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The step of a listening-over-time series. Weeks start on Monday.
 */
public enum SeriesStep {

	DAY, WEEK, MONTH;

	static SeriesStep parse(String value) {
		for (SeriesStep step : values()) {
			if (step.name().toLowerCase(Locale.ROOT).equals(value)) {
				return step;
			}
		}
		throw new StatsParameterException("Unknown step " + TopKind.quoted(value) + ": use day, week or month.");
	}

	/**
	 * The step that suits a period of that many days: a few dozen points at most where
	 * possible.
	 */
	public static SeriesStep suiting(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		if (days <= 62) {
			return DAY;
		}
		return (days <= 366) ? WEEK : MONTH;
	}

	/** The first day of the step that holds the day. */
	public LocalDate startOf(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/** The first day of the next step. */
	public LocalDate next(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
		};
	}

	/** The argument of PostgreSQL's {@code date_trunc}. */
	String sqlField() {
		return name().toLowerCase(Locale.ROOT);
	}

}
