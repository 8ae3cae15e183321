package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stats from the plays module's rollups ({@code play_day_figures},
 * {@code play_hour_figures}, {@code play_session_spans}, {@code play_track_figures}),
 * valid only in the zone they were built in ({@link #builtIn}). Their local days are the
 * local days of the plays' starts, so a period of local dates is a range of rollup days.
 */
@Repository
class RollupStatsQueries implements StatsSource {

	private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	private static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);

	private final JdbcClient jdbc;

	private final RawStatsQueries raw;

	RollupStatsQueries(JdbcClient jdbc, RawStatsQueries raw) {
		this.jdbc = jdbc;
		this.raw = raw;
	}

	/**
	 * Runs the rest of the transaction without parallel workers: the rollups' scans are
	 * of tens of thousands of rows, for which starting workers costs more than it saves
	 * on a small machine (the all-time totals took 128 ms with two workers and 98 ms
	 * without, on the stats benchmark's data).
	 */
	void withoutParallelWorkers() {
		this.jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query().singleRow();
	}

	/**
	 * Whether the account's rollups are built, in any zone.
	 */
	boolean built(AccountId account) {
		return this.jdbc.sql("select count(*) from play_rollup_zones where account_id = ?")
			.param(account.value())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the rollups of the period's account are built in the period's zone.
	 */
	boolean builtIn(StatsPeriod period) {
		return this.jdbc.sql("select time_zone from play_rollup_zones where account_id = ?")
			.param(period.account().value())
			.query(String.class)
			.optional()
			.filter(period.zone().getId()::equals)
			.isPresent();
	}

	/**
	 * Sums each track's days first (of all time: reads the track totals), then its names:
	 * a track's name is read once, not once per day it was played.
	 */
	@Override
	public List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit, StatsSubject within) {
		String perTrack = allTime(period) ? """
				with t as (
				  select d.track_id as id, d.plays, d.ms from play_track_figures d where d.account_id = :account%s
				)
				""".formatted(StatsSubject.tracksOf(within, "d.track_id")) : """
				with t as (
				  select d.track_id as id, sum(d.plays) as plays, sum(d.ms) as ms from play_day_figures d
				  where d.account_id = :account and d.day between :first and :last%s group by d.track_id
				)
				""".formatted(StatsSubject.tracksOf(within, "d.track_id"));
		String order = StatsSource.orderBy(by);
		String sql = switch (kind) {
			case TRACKS -> perTrack + ", g as (select t.id, t.plays, t.ms from t order by " + order
					+ " limit :limit) select g.id, ct.track_name as name, g.plays, g.ms from g "
					+ "join catalog_tracks ct on ct.track_id = g.id order by " + order;
			case ALBUMS -> perTrack + ", g as (select ct.album_id as id, min(ct.album_name) as name, "
					+ "sum(t.plays) as plays, sum(t.ms) as ms from t join catalog_tracks ct on ct.track_id = t.id "
					+ "group by ct.album_id) select id, name, plays, ms from g order by " + order + " limit :limit";
			case ARTISTS -> perTrack + ", g as (select a.artist_id as id, min(a.artist_name) as name, "
					+ "sum(t.plays) as plays, sum(t.ms) as ms from t join catalog_track_artists a on a.track_id = t.id "
					+ "group by a.artist_id) select id, name, plays, ms from g order by " + order + " limit :limit";
		};
		return days(sql, period).param("limit", limit)
			.param("subject", StatsSubject.idOf(within))
			.query((rs, row) -> new TopItem(rs.getString("id"), rs.getString("name"), rs.getLong("plays"),
					rs.getLong("ms")))
			.list();
	}

	@Override
	public Figures figures(StatsPeriod period, StatsSubject subject) {
		String rows = allTime(period) ? "play_track_figures d where d.account_id = :account"
				: "play_day_figures d where d.account_id = :account and d.day between :first and :last";
		return days("select coalesce(sum(d.plays), 0) as plays, coalesce(sum(d.ms), 0) as ms from " + rows
				+ StatsSubject.tracksOf(subject, "d.track_id"), period)
			.param("subject", StatsSubject.idOf(subject))
			.query((rs, row) -> new Figures(rs.getLong("plays"), rs.getLong("ms")))
			.single();
	}

	@Override
	public Totals totals(StatsPeriod period) {
		return totalsAndDays(period).totals();
	}

	/**
	 * One pass over the period's hours, summed per day, gives both the totals and the
	 * days with a play (two passes before); the distinct tracks, albums and artists come
	 * from {@link #distinct}.
	 */
	@Override
	public TotalsAndDays totalsAndDays(StatsPeriod period) {
		List<LocalDate> days = new ArrayList<>();
		long[] sums = new long[3];
		days("""
				select day, sum(plays) as plays, sum(ms) as ms, sum(estimated_ms) as estimated_ms
				from play_hour_figures where account_id = :account and day between :first and :last
				group by day order by day
				""", period).query((rs) -> {
			days.add(rs.getObject("day", LocalDate.class));
			sums[0] += rs.getLong("plays");
			sums[1] += rs.getLong("ms");
			sums[2] += rs.getLong("estimated_ms");
		});
		if (days.isEmpty()) {
			return new TotalsAndDays(new Totals(0, 0, 0, 0, 0, 0), days);
		}
		long[] distinct = distinct(period);
		return new TotalsAndDays(new Totals(sums[0], sums[1], distinct[0], distinct[2], distinct[1], sums[2]), days);
	}

	/**
	 * The distinct tracks, albums and artists of the period. The period's tracks are
	 * found once; albums and artists are counted by grouping (hashed) rather than
	 * count(distinct), which sorts: a third faster at all time.
	 */
	private long[] distinct(StatsPeriod period) {
		return days(
				"""
						with t as materialized (%s)
						select (select count(*) from t) as tracks,
						       (select count(*) from (select ct.album_id from t join catalog_tracks ct on ct.track_id = t.track_id
						                              group by ct.album_id) albums) as albums,
						       (select count(*) from (select a.artist_id from t join catalog_track_artists a on a.track_id = t.track_id
						                              group by a.artist_id) artists) as artists
						"""
					.formatted(allTime(period)
							? "select d.track_id from play_track_figures d where d.account_id = :account"
							: "select d.track_id from play_day_figures d where d.account_id = :account "
									+ "and d.day between :first and :last group by d.track_id"),
				period)
			.query((rs, row) -> new long[] { rs.getLong("tracks"), rs.getLong("albums"), rs.getLong("artists") })
			.single();
	}

	/**
	 * The tracks whose first day is in the period: played in it, never before.
	 */
	@Override
	public long newTracks(StatsPeriod period) {
		return days("""
				select count(*) from play_track_figures
				where account_id = :account and first_day between :first and :last
				""", period).query(Long.class).single();
	}

	/**
	 * The artists of the tracks first played in the period (few, found by the first-day
	 * index) that have no track first played before it.
	 */
	@Override
	public long newArtists(StatsPeriod period) {
		return days("""
				with c as (
				  select distinct a.artist_id from play_track_figures t
				  join catalog_track_artists a on a.track_id = t.track_id
				  where t.account_id = :account and t.first_day between :first and :last
				)
				select count(*) from c
				where not exists (select 1 from catalog_track_artists b
				                  join play_track_figures e on e.account_id = :account and e.track_id = b.track_id
				                  where b.artist_id = c.artist_id and e.first_day < :first)
				""", period).query(Long.class).single();
	}

	@Override
	public List<LocalDate> days(StatsPeriod period) {
		return days("""
				select distinct day from play_hour_figures
				where account_id = :account and day between :first and :last order by day
				""", period).query((rs, row) -> rs.getObject(1, LocalDate.class)).list();
	}

	/**
	 * Sessions wholly inside the period come from the rollup, the longest first (an index
	 * holds them by length, so all time reads one); a session that crosses the period's
	 * start or end is cut there, so its part inside is counted from the plays.
	 */
	@Override
	public long longestSessionMs(StatsPeriod period) {
		Instant from = period.startInstant();
		Instant to = period.endInstant();
		long longest = this.jdbc.sql("""
				select coalesce((select (extract(epoch from ended_at - started_at) * 1000)::bigint
				                 from play_session_spans
				                 where account_id = :account and started_at >= :from and last_started_at < :to
				                 order by ended_at - started_at desc limit 1), 0)
				""")
			.param("account", period.account().value())
			.param("from", RawStatsQueries.utc(from))
			.param("to", RawStatsQueries.utc(to))
			.query(Long.class)
			.single();
		List<Instant[]> crossing = new ArrayList<>();
		// an open side has no session across it
		if (period.from() != null) {
			crossingAt(period, from).ifPresent(crossing::add);
		}
		if (period.to() != null) {
			crossingAt(period, to).ifPresent(crossing::add);
		}
		for (Instant[] session : crossing) {
			Instant start = session[0].isBefore(from) ? from : session[0];
			Instant end = session[1].plusNanos(1000).isAfter(to) ? to : session[1].plusNanos(1000);
			longest = Math.max(longest, this.raw.longestSessionMs(period, start, end));
		}
		return longest;
	}

	/**
	 * The session that starts before the instant and has a play starting at or after it:
	 * sessions do not overlap, so only the last one to start before it can, which the
	 * index on the sessions' starts finds at once.
	 */
	private Optional<Instant[]> crossingAt(StatsPeriod period, Instant at) {
		return this.jdbc.sql("""
				select started_at, last_started_at from play_session_spans
				where account_id = :account and started_at < :at
				order by started_at desc limit 1
				""")
			.param("account", period.account().value())
			.param("at", RawStatsQueries.utc(at))
			.query((rs,
					row) -> new Instant[] { rs.getObject(1, OffsetDateTime.class).toInstant(),
							rs.getObject(2, OffsetDateTime.class).toInstant() })
			.optional()
			.filter((session) -> !session[1].isBefore(at));
	}

	@Override
	public long[][] clock(StatsPeriod period) {
		long[][] cells = new long[7][24];
		days("""
				select extract(isodow from day)::int as weekday, hour, sum(plays) as plays from play_hour_figures
				where account_id = :account and day between :first and :last group by 1, 2
				""", period).query((rs) -> {
			cells[rs.getInt("weekday") - 1][rs.getInt("hour")] = rs.getLong("plays");
		});
		return cells;
	}

	@Override
	public List<SeriesPoint> steps(StatsPeriod period, SeriesStep step, StatsSubject subject) {
		// the hour rollup has fewer rows than the day-and-track one, which a subject
		// needs
		String from = (subject != null) ? "play_day_figures" : "play_hour_figures";
		return days("select date_trunc('" + step.sqlField() + "', day)::date as start, sum(plays) as plays, "
				+ "sum(ms) as ms from " + from + " where account_id = :account and day between :first and :last"
				+ StatsSubject.tracksOf(subject, "track_id") + " group by 1 order by 1", period)
			.param("subject", StatsSubject.idOf(subject))
			.query((rs, row) -> new SeriesPoint(rs.getObject("start", LocalDate.class), rs.getLong("plays"),
					rs.getLong("ms")))
			.list();
	}

	/**
	 * Whether the period is all time, which the per-track totals answer.
	 */
	private static boolean allTime(StatsPeriod period) {
		return period.from() == null && period.to() == null;
	}

	private JdbcClient.StatementSpec days(String sql, StatsPeriod period) {
		return this.jdbc.sql(sql)
			.param("account", period.account().value())
			.param("first", (period.from() != null) ? period.from() : FIRST_DAY)
			.param("last", (period.to() != null) ? period.to() : LAST_DAY);
	}

}
