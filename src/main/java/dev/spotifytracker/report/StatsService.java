package dev.spotifytracker.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report module's public face: the listening statistics of DESIGN.md, the same for
 * the stats API and the pages. Counting follows DESIGN.md, "Counting": a play's time is
 * its ms_played, else its track's length, else zero; every bucket takes the play's local
 * start.
 */
@Service
public class StatsService {

	/** The most points a series answers: ten thousand days is 27 years. */
	public static final int MAX_POINTS = 10_000;

	private final StatsSource raw;

	private final RollupStatsQueries rollups;

	private final Clock clock;

	StatsService(RawStatsQueries raw, RollupStatsQueries rollups, Clock clock) {
		this.raw = raw;
		this.rollups = rollups;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit) {
		return source(period).top(period, kind, by, limit);
	}

	/**
	 * The top list among the plays of a subject's tracks: the top tracks of an artist or
	 * an album.
	 */
	@Transactional(readOnly = true)
	public List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit, StatsSubject within) {
		return source(period).top(period, kind, by, limit, within);
	}

	/**
	 * The plays and time of a subject (null: of all the account's plays), the same
	 * figures as its row in the top list of its kind.
	 */
	@Transactional(readOnly = true)
	public StatsSource.Figures figures(StatsPeriod period, StatsSubject subject) {
		return source(period).figures(period, subject);
	}

	@Transactional(readOnly = true)
	public Summary summary(StatsPeriod period) {
		StatsSource source = source(period);
		StatsSource.TotalsAndDays read = source.totalsAndDays(period);
		StatsSource.Totals totals = read.totals();
		if (totals.plays() == 0) {
			return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		List<LocalDate> days = read.days();
		// with an open start nothing was played before the period: everything is new
		long[] fresh = (period.from() != null) ? source.newTracksAndArtists(period)
				: new long[] { totals.tracks(), totals.artists() };
		return new Summary(totals.plays(), totals.ms(), totals.tracks(), totals.artists(), totals.albums(), fresh[0],
				fresh[1], Streaks.longest(days), Streaks.current(days, lastDay(period)),
				source.longestSessionMs(period), totals.estimatedMs());
	}

	@Transactional(readOnly = true)
	public long[][] clock(StatsPeriod period) {
		return source(period).clock(period);
	}

	/**
	 * Every step of the period, empty ones included. An open start begins at the first
	 * play (no plays: no points); an open end ends today.
	 * @throws StatsParameterException when the period holds more than {@link #MAX_POINTS}
	 * steps
	 */
	@Transactional(readOnly = true)
	public List<SeriesPoint> series(StatsPeriod period, SeriesStep step) {
		return series(period, step, null);
	}

	/**
	 * The series of the plays of a subject's tracks (null: all plays), as
	 * {@link #series(StatsPeriod, SeriesStep)}; an open start begins at the subject's
	 * first play.
	 */
	@Transactional(readOnly = true)
	public List<SeriesPoint> series(StatsPeriod period, SeriesStep step, StatsSubject subject) {
		StatsSource source = source(period);
		List<SeriesPoint> stepsPlayed = source.steps(period, step, subject);
		LocalDate first = period.from();
		if (first == null) {
			if (stepsPlayed.isEmpty()) {
				return List.of();
			}
			// the first step with a play starts the series, as the first day would
			first = stepsPlayed.get(0).start();
		}
		LocalDate last = (period.to() != null) ? period.to() : today(period.zone());
		if (last.isBefore(first)) {
			last = first;
		}
		long steps = switch (step) {
			case DAY -> ChronoUnit.DAYS.between(first, last);
			case WEEK -> ChronoUnit.WEEKS.between(step.startOf(first), last);
			case MONTH -> ChronoUnit.MONTHS.between(step.startOf(first), last);
		} + 1;
		if (steps > MAX_POINTS) {
			throw new StatsParameterException("That period holds " + steps + " " + step.sqlField()
					+ "s: choose a longer step or a shorter period.");
		}
		Iterator<SeriesPoint> played = stepsPlayed.iterator();
		SeriesPoint next = played.hasNext() ? played.next() : null;
		List<SeriesPoint> points = new ArrayList<>();
		for (LocalDate start = step.startOf(first); !start.isAfter(last); start = step.next(start)) {
			if (next != null && next.start().equals(start)) {
				points.add(next);
				next = played.hasNext() ? played.next() : null;
			}
			else {
				points.add(new SeriesPoint(start, 0, 0));
			}
		}
		return points;
	}

	/**
	 * The period's last day for the current streak: its end, but never after today.
	 */
	LocalDate lastDay(StatsPeriod period) {
		LocalDate today = today(period.zone());
		return (period.to() == null || period.to().isAfter(today)) ? today : period.to();
	}

	public LocalDate today(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	/**
	 * The rollups when they are built (in the account's zone: they answer any viewer's
	 * zone, reading plays only where they must), else the plays themselves.
	 */
	private StatsSource source(StatsPeriod period) {
		Optional<ZoneId> built = this.rollups.zoneOf(period.account());
		if (built.isPresent()) {
			this.rollups.withoutParallelWorkers();
			return this.rollups.builtIn(built.get());
		}
		return this.raw;
	}

}
