package dev.spotifytracker.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A viewer's days with a play, found from each rollup day's first and last hour with a
 * play rather than from every hour's figures. Over a rollup day wholly inside one
 * {@link ShiftedHours.Segment}, the viewer sees the day's quarters before the segment's
 * {@link ShiftedHours.Segment#split() split} on one day and the rest on the next, so the
 * first hour tells whether the earlier day has a play and the last hour whether the later
 * one has. A day those hours cannot decide (one of them holds the split, or a segment
 * starts or ends inside the day) is left {@link #undecided()} for its hours' quarters.
 * The rollups keep an hour only while it has a play, so its first and last hour are hours
 * with one.
 */
final class ViewerPlayedDays {

	private final List<ShiftedHours.Segment> segments;

	private final SortedSet<LocalDate> played = new TreeSet<>();

	private final SortedSet<LocalDate> undecided = new TreeSet<>();

	/** The first segment that may still hold a later day. */
	private int next;

	ViewerPlayedDays(List<ShiftedHours.Segment> segments) {
		this.segments = segments;
	}

	/**
	 * A rollup day with a play, in order of days, with its first and last hour with one.
	 */
	void add(LocalDate day, int firstHour, int lastHour) {
		LocalDateTime start = day.atStartOfDay();
		while (this.next < this.segments.size() && !this.segments.get(this.next).to().isAfter(start)) {
			this.next++;
		}
		if (this.next == this.segments.size()) {
			return;
		}
		ShiftedHours.Segment segment = this.segments.get(this.next);
		if (segment.from().isAfter(start) || segment.to().isBefore(start.plusDays(1))) {
			this.undecided.add(day);
			return;
		}
		int split = segment.split();
		boolean firstInSplit = firstHour * 4 < split && split < firstHour * 4 + 4;
		boolean lastInSplit = lastHour * 4 < split && split < lastHour * 4 + 4;
		if (firstInSplit || lastInSplit) {
			this.undecided.add(day);
			return;
		}
		if (firstHour * 4 + 4 <= split) {
			this.played.add(segment.lowDay(day));
		}
		if (lastHour * 4 >= split) {
			this.played.add(segment.lowDay(day).plusDays(1));
		}
	}

	/**
	 * A viewer's day with a play found otherwise: from an undecided day's hours, or from
	 * the plays.
	 */
	void addPlayed(LocalDate viewerDay) {
		this.played.add(viewerDay);
	}

	/** The rollup days whose hours' quarters must decide. */
	SortedSet<LocalDate> undecided() {
		return this.undecided;
	}

	/** The viewer's days with a play, in order. */
	List<LocalDate> days() {
		return List.copyOf(this.played);
	}

}
