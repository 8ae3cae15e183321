package dev.spotifytracker.plays.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The export's ways of writing a point in time. A full export has hundreds of thousands
 * of rows, so the usual shapes are read by hand: {@link Instant#parse} costs about ten
 * times as much and would be a good part of the import's time.
 */
final class ExportTimes {

	private static final DateTimeFormatter END_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

	/**
	 * An offline timestamp above this is in milliseconds (as seconds it would be after
	 * 5138).
	 */
	private static final long MILLIS_FROM = 100_000_000_000L;

	private ExportTimes() {
	}

	/**
	 * @param text an extended row's {@code ts}, usually {@code 2021-03-04T18:22:07Z}
	 * @return the instant, or null when it is not a point in time
	 */
	static Instant ts(String text) {
		if (text == null) {
			return null;
		}
		if (text.length() == 20 && text.charAt(10) == 'T' && text.charAt(19) == 'Z') {
			Long seconds = epochSecond(text, ':');
			if (seconds != null) {
				return Instant.ofEpochSecond(seconds);
			}
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * @param text an account-data row's {@code endTime}, {@code 2021-03-04 18:22}, in UTC
	 * @return the instant, or null when it is not a point in time
	 */
	static Instant endTime(String text) {
		if (text == null) {
			return null;
		}
		if (text.length() == 16 && text.charAt(10) == ' ') {
			Long seconds = epochSecond(text + ":00", ':');
			if (seconds != null) {
				return Instant.ofEpochSecond(seconds);
			}
		}
		try {
			return LocalDateTime.parse(text, END_TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * @param value an {@code offline_timestamp}: seconds in old exports, milliseconds in
	 * newer ones
	 * @return the instant, or null for none (Spotify writes 0 for an online play)
	 */
	static Instant offlineTimestamp(Long value) {
		if (value == null || value <= 0) {
			return null;
		}
		return (value >= MILLIS_FROM) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
	}

	/** {@code yyyy-MM-dd?HH:mm:ss} from its fixed positions, null when it is not one. */
	private static Long epochSecond(String text, char timeSeparator) {
		if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != timeSeparator
				|| text.charAt(16) != timeSeparator) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
				|| second > 59) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
