package dev.spotifytracker.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Formats the instants of a page in the viewer's time zone (see {@link DisplayZones}).
 * Every page has one as {@code dates}; the zone is looked up on first use, so requests
 * that show no date never pay for it.
 */
public final class DateDisplay {

	private static final String NONE = "—";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss",
			Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

	private final Supplier<ZoneId> zone;

	private final Clock clock;

	private ZoneId resolved;

	DateDisplay(Supplier<ZoneId> zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	public static DateDisplay in(ZoneId zone, Clock clock) {
		return new DateDisplay(() -> zone, clock);
	}

	public ZoneId zone() {
		if (this.resolved == null) {
			this.resolved = this.zone.get();
		}
		return this.resolved;
	}

	public String zoneId() {
		return zone().getId();
	}

	/**
	 * @return the instant for a {@code datetime} attribute (ISO-8601, UTC)
	 */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	public String dateTime(Instant instant) {
		return format(instant, DATE_TIME);
	}

	public String dateTimeSeconds(Instant instant) {
		return format(instant, DATE_TIME_SECONDS);
	}

	public String date(Instant instant) {
		return format(instant, DATE);
	}

	public String time(Instant instant) {
		return format(instant, TIME);
	}

	/**
	 * @return the value for an {@code <input type="datetime-local">} in the viewer's zone
	 */
	public String input(Instant instant) {
		return (instant != null) ? instant.atZone(zone()).toLocalDateTime().withNano(0).toString() : "";
	}

	/**
	 * @return how long ago (or how soon) the instant is, e.g. {@code 5 min ago},
	 * {@code in 2 h}
	 */
	public String relative(Instant instant) {
		if (instant == null) {
			return NONE;
		}
		Duration between = Duration.between(instant, this.clock.instant());
		if (between.abs().compareTo(Duration.ofSeconds(45)) < 0) {
			return "just now";
		}
		String span = span(between.abs());
		return between.isNegative() ? "in " + span : span + " ago";
	}

	/**
	 * @return how long a run took, or has been running when it has not finished
	 */
	public String duration(Instant from, Instant to) {
		if (from == null) {
			return NONE;
		}
		return precise(Duration.between(from, (to != null) ? to : this.clock.instant()));
	}

	/**
	 * @return a track's length as {@code m:ss}
	 */
	public String length(Integer milliseconds) {
		if (milliseconds == null) {
			return NONE;
		}
		long seconds = Math.round(milliseconds / 1000.0);
		return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
	}

	static String precise(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		if (millis < 1000) {
			return millis + " ms";
		}
		long seconds = Math.round(millis / 1000.0);
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min " + (seconds % 60) + " s";
		}
		return (minutes / 60) + " h " + (minutes % 60) + " min";
	}

	static String span(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 1) {
			return duration.toSeconds() + " s";
		}
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = duration.toHours();
		if (hours < 48) {
			return hours + " h";
		}
		return duration.toDays() + " days";
	}

	private String format(Instant instant, DateTimeFormatter formatter) {
		return (instant != null) ? formatter.format(instant.atZone(zone())) : NONE;
	}

}
