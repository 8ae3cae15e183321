package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The instants from {@code from} to {@code to} as a viewer in another zone than the
 * rollups' sees them: runs of rollup hours ({@link Segment}s) over which the viewer's
 * local time is the rollups' local time plus a fixed number of minutes, and the windows
 * of instants no whole clean rollup hour stands for (the period's ends inside an hour, an
 * hour the clocks went back through, a change of either zone inside an hour), whose plays
 * are read one by one. Where the two offsets differ by whole quarter hours, a rollup
 * hour's quarters ({@code plays_q}, {@code ms_q}) each fall in one viewer hour and day,
 * so the viewer's days, clock and series come from the hours without reading the plays.
 *
 * @param segments the runs of whole rollup hours, in order, none overlapping
 * @param raw the windows of instants left to the plays, in order
 */
record ShiftedHours(List<Segment> segments, List<RollupSpan.Window> raw) {

	private static final int QUARTER = 15;

	private static final int DAY = 24 * 60;

	private static final int WEEK = 7 * DAY;

	/**
	 * Rollup hours from {@code from} (inclusive) to {@code to} (exclusive), local times
	 * of the rollups' zone on whole hours, that a viewer sees {@code minutes} later
	 * (earlier when negative).
	 */
	record Segment(LocalDateTime from, LocalDateTime to, int minutes) {

		/** The viewer's day of the rollup day's first quarters ({@link #split()}). */
		LocalDate lowDay(LocalDate day) {
			return day.plusDays(Math.floorDiv(this.minutes, DAY));
		}

		/**
		 * The first quarter of a rollup day (0 to 95, 96: none) that the viewer sees on
		 * the day after {@link #lowDay}.
		 */
		int split() {
			int past = Math.floorMod(this.minutes, DAY);
			return (past == 0) ? 96 : (DAY - past) / QUARTER;
		}

		/**
		 * The viewer's minute of the week (0: Monday 00:00) of a quarter of a rollup
		 * hour.
		 * @param weekday the rollup day's weekday, 0 for Monday
		 */
		int minuteOfWeek(int weekday, int hour, int quarter) {
			return Math.floorMod(weekday * DAY + hour * 60 + quarter * QUARTER + this.minutes, WEEK);
		}

		boolean wholeHours() {
			return this.minutes % 60 == 0;
		}

	}

	/**
	 * The segments and raw windows of {@code [from, to)}, or empty when the two zones'
	 * offsets differ by other than whole quarter hours at some instant of it.
	 */
	static Optional<ShiftedHours> of(ZoneId built, ZoneId viewer, Instant from, Instant to) {
		ZoneRules ours = built.getRules();
		ZoneRules theirs = viewer.getRules();
		Set<LocalDateTime> mixed = new HashSet<>();
		for (RollupSpan.MixedHours hours : RollupSpan.mixedHours(built, from, to)) {
			mixed.addAll(hours.hours());
		}
		List<Segment> segments = new ArrayList<>();
		List<RollupSpan.Window> raw = new ArrayList<>();
		Instant at = from;
		while (at.isBefore(to)) {
			Instant next = earliest(to, ours.nextTransition(at), theirs.nextTransition(at));
			ZoneOffset offset = ours.getOffset(at);
			int apart = theirs.getOffset(at).getTotalSeconds() - offset.getTotalSeconds();
			if (apart % (QUARTER * 60) != 0) {
				return Optional.empty();
			}
			LocalDateTime first = ceilHour(LocalDateTime.ofInstant(at, offset));
			LocalDateTime end = LocalDateTime.ofInstant(next, offset).truncatedTo(ChronoUnit.HOURS);
			while (first.isBefore(end) && mixed.contains(first)) {
				first = first.plusHours(1);
			}
			while (first.isBefore(end) && mixed.contains(end.minusHours(1))) {
				end = end.minusHours(1);
			}
			if (first.isBefore(end)) {
				Instant start = first.toInstant(offset);
				Instant stop = end.toInstant(offset);
				add(raw, at, start);
				segments.add(new Segment(first, end, apart / 60));
				add(raw, stop, next);
			}
			else {
				add(raw, at, next);
			}
			at = next;
		}
		return Optional.of(new ShiftedHours(segments, raw));
	}

	/** Whether some segment needs the hours' quarters. */
	boolean quarters() {
		return this.segments.stream().anyMatch((segment) -> !segment.wholeHours());
	}

	private static void add(List<RollupSpan.Window> windows, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return;
		}
		int last = windows.size() - 1;
		if (last >= 0 && windows.get(last).to().equals(from)) {
			windows.set(last, new RollupSpan.Window(windows.get(last).from(), to));
		}
		else {
			windows.add(new RollupSpan.Window(from, to));
		}
	}

	private static Instant earliest(Instant to, ZoneOffsetTransition one, ZoneOffsetTransition other) {
		Instant earliest = to;
		for (ZoneOffsetTransition change : new ZoneOffsetTransition[] { one, other }) {
			if (change != null && change.getInstant().isBefore(earliest)) {
				earliest = change.getInstant();
			}
		}
		return earliest;
	}

	private static LocalDateTime ceilHour(LocalDateTime time) {
		LocalDateTime floor = time.truncatedTo(ChronoUnit.HOURS);
		return floor.equals(time) ? time : floor.plusHours(1);
	}

}
