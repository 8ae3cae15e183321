package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A period as the rollups can answer it when they are built in another zone than the
 * viewer's: the rollup days wholly inside the period ({@code first} to {@code last}, the
 * core) and the instants at its ends that only part of a rollup day covers (the edges,
 * read from the plays). In the rollups' own zone the period is all core.
 *
 * @param built the zone the rollups are built in
 * @param first the first rollup day of the core
 * @param last the last rollup day of the core (before {@code first}: no core)
 * @param edges the windows of the period outside the core, at most two
 */
record RollupSpan(ZoneId built, LocalDate first, LocalDate last, List<Window> edges) {

	static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);

	/**
	 * The instants from {@code from} (inclusive) to {@code to} (exclusive).
	 */
	record Window(Instant from, Instant to) {

	}

	static RollupSpan of(StatsPeriod period, ZoneId built) {
		Instant start = period.startInstant();
		Instant end = period.endInstant();
		LocalDate first = (period.from() != null) ? firstDayFrom(start, built) : FIRST_DAY;
		LocalDate last = (period.to() != null) ? LocalDate.ofInstant(end, built).minusDays(1) : LAST_DAY;
		List<Window> edges = new ArrayList<>();
		if (first.isAfter(last)) {
			// shorter than a rollup day: all edge
			edges.add(new Window(start, end));
			return new RollupSpan(built, first, last, edges);
		}
		Instant coreStart = (period.from() != null) ? first.atStartOfDay(built).toInstant() : start;
		Instant coreEnd = (period.to() != null) ? last.plusDays(1).atStartOfDay(built).toInstant() : end;
		if (start.isBefore(coreStart)) {
			edges.add(new Window(start, coreStart));
		}
		if (coreEnd.isBefore(end)) {
			edges.add(new Window(coreEnd, end));
		}
		return new RollupSpan(built, first, last, edges);
	}

	/** The first rollup day that starts at or after the instant. */
	private static LocalDate firstDayFrom(Instant start, ZoneId built) {
		LocalDate day = LocalDate.ofInstant(start, built);
		return day.atStartOfDay(built).toInstant().equals(start) ? day : day.plusDays(1);
	}

	boolean hasCore() {
		return !this.first.isAfter(this.last);
	}

	boolean hasEdges() {
		return !this.edges.isEmpty();
	}

	/**
	 * The rollup hours from {@code from} to {@code to} that do not stand for one hour of
	 * instants: the hour the clocks go back through holds two (its rollup row mixes
	 * them), and an hour that a change cuts off the whole hour holds part of one. Their
	 * plays must be read one by one.
	 * @return the windows of instants those hours cover, each with its local hours
	 */
	static List<MixedHours> mixedHours(ZoneId built, Instant from, Instant to) {
		List<MixedHours> mixed = new ArrayList<>();
		ZoneRules rules = built.getRules();
		ZoneOffsetTransition change = rules.nextTransition(from.minusSeconds(1));
		while (change != null && change.getInstant().isBefore(to)) {
			LocalDateTime before = change.getDateTimeBefore();
			LocalDateTime after = change.getDateTimeAfter();
			boolean wholeHours = before.truncatedTo(ChronoUnit.HOURS).equals(before)
					&& after.truncatedTo(ChronoUnit.HOURS).equals(after);
			if (change.isOverlap() || !wholeHours) {
				LocalDateTime low = (before.isBefore(after) ? before : after).truncatedTo(ChronoUnit.HOURS);
				LocalDateTime high = ceilHour(before.isBefore(after) ? after : before);
				List<LocalDateTime> hours = new ArrayList<>();
				for (LocalDateTime hour = low; hour.isBefore(high); hour = hour.plusHours(1)) {
					hours.add(hour);
				}
				mixed.add(new MixedHours(
						new Window(low.toInstant(change.getOffsetBefore()), high.toInstant(change.getOffsetAfter())),
						hours));
			}
			change = rules.nextTransition(change.getInstant());
		}
		return mixed;
	}

	private static LocalDateTime ceilHour(LocalDateTime time) {
		LocalDateTime floor = time.truncatedTo(ChronoUnit.HOURS);
		return floor.equals(time) ? time : floor.plusHours(1);
	}

	/**
	 * Local hours of the rollups' zone whose rows are not read, and the instants whose
	 * plays stand in for them.
	 */
	record MixedHours(Window window, List<LocalDateTime> hours) {

	}

}
