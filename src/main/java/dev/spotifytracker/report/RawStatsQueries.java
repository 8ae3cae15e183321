package dev.spotifytracker.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stats straight from the plays module's {@code counted_plays} and the library's
 * catalog read models, for any time zone. Each query starts from the same plays: those
 * whose local start (played_at minus its time) falls in the period.
 */
@Repository
class RawStatsQueries implements StatsSource {

	/**
	 * Longer than any play: a play that starts in the period ends before its end plus
	 * this, which lets the index on played_at narrow the scan.
	 */
	static final Duration LONGEST_PLAY = Duration.ofDays(1);

	/**
	 * The counted plays of the period with their time ({@code ms}), whether that time is
	 * an estimate, their start and local start.
	 */
	private static final String PERIOD_PLAYS = """
			with s as (
			  select cp.id, cp.track_id, ct.album_id, ct.album_name, ct.track_name, cp.played_at,
			         coalesce(cp.ms_played, ct.duration_ms, 0)::bigint as ms,
			         cp.ms_played is null as estimated,
			         cp.played_at - coalesce(cp.ms_played, ct.duration_ms, 0) * interval '1 millisecond' as started_at
			  from counted_plays cp
			  join catalog_tracks ct on ct.track_id = cp.track_id
			  where cp.account_id = :account and cp.played_at >= :lower and cp.played_at < :upper/*subject*/
			), r as (
			  select s.*, (s.started_at at time zone :tz) as local_start from s
			  where s.started_at >= :from and s.started_at < :to
			)
			""";

	private final JdbcClient jdbc;

	RawStatsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit, StatsSubject within) {
		String grouped = switch (kind) {
			case TRACKS -> "select r.track_id as id, r.track_name as name, count(*) as plays, sum(r.ms) as ms "
					+ "from r group by r.track_id, r.track_name";
			case ALBUMS -> "select r.album_id as id, r.album_name as name, count(*) as plays, sum(r.ms) as ms "
					+ "from r group by r.album_id, r.album_name";
			case ARTISTS -> "select a.artist_id as id, a.artist_name as name, count(*) as plays, sum(r.ms) as ms "
					+ "from r join catalog_track_artists a on a.track_id = r.track_id group by a.artist_id, a.artist_name";
		};
		return period(periodPlays(within) + ", g as (" + grouped + ") select id, name, plays, ms from g order by "
				+ StatsSource.orderBy(by) + " limit :limit", period)
			.param("limit", limit)
			.param("subject", StatsSubject.idOf(within))
			.query((rs, row) -> new TopItem(rs.getString("id"), rs.getString("name"), rs.getLong("plays"),
					rs.getLong("ms")))
			.list();
	}

	@Override
	public Figures figures(StatsPeriod period, StatsSubject subject) {
		return period(periodPlays(subject) + "select count(*) as plays, coalesce(sum(r.ms), 0) as ms from r", period)
			.param("subject", StatsSubject.idOf(subject))
			.query((rs, row) -> new Figures(rs.getLong("plays"), rs.getLong("ms")))
			.single();
	}

	@Override
	public Totals totals(StatsPeriod period) {
		return period(
				PERIOD_PLAYS
						+ """
								select count(*) as plays, coalesce(sum(r.ms), 0) as ms, count(distinct r.track_id) as tracks,
								       count(distinct r.album_id) as albums,
								       coalesce(sum(r.ms) filter (where r.estimated), 0) as estimated_ms,
								       (select count(distinct a.artist_id) from r join catalog_track_artists a on a.track_id = r.track_id) as artists
								from r
								""",
				period)
			.query((rs, row) -> new Totals(rs.getLong("plays"), rs.getLong("ms"), rs.getLong("tracks"),
					rs.getLong("artists"), rs.getLong("albums"), rs.getLong("estimated_ms")))
			.single();
	}

	@Override
	public long newTracks(StatsPeriod period) {
		// a track is new when none of its plays starts before the period
		return period(PERIOD_PLAYS + """
				, t as (select distinct track_id from r)
				select count(*) from t
				where not exists (
				  select 1 from counted_plays e
				  join catalog_tracks ec on ec.track_id = e.track_id
				  where e.account_id = :account and e.track_id = t.track_id and e.played_at < :from + interval '1 day'
				    and e.played_at - coalesce(e.ms_played, ec.duration_ms, 0) * interval '1 millisecond' < :from)
				""", period).query(Long.class).single();
	}

	@Override
	public long newArtists(StatsPeriod period) {
		return period(PERIOD_PLAYS + """
				, t as (select distinct a.artist_id from r join catalog_track_artists a on a.track_id = r.track_id)
				select count(*) from t
				where not exists (
				  select 1 from catalog_track_artists ea
				  join counted_plays e on e.track_id = ea.track_id and e.account_id = :account
				  join catalog_tracks ec on ec.track_id = e.track_id
				  where ea.artist_id = t.artist_id and e.played_at < :from + interval '1 day'
				    and e.played_at - coalesce(e.ms_played, ec.duration_ms, 0) * interval '1 millisecond' < :from)
				""", period).query(Long.class).single();
	}

	@Override
	public List<LocalDate> days(StatsPeriod period) {
		return period(PERIOD_PLAYS + "select distinct r.local_start::date from r order by 1", period)
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.list();
	}

	@Override
	public long longestSessionMs(StatsPeriod period) {
		return longestSessionMs(period, period.startInstant(), period.endInstant());
	}

	/**
	 * The longest session of the period's plays that start in {@code [from, to)}.
	 */
	long longestSessionMs(StatsPeriod period, Instant from, Instant to) {
		// a session goes on while the next play starts at most 10 minutes after the
		// latest
		// end so far
		return period(
				PERIOD_PLAYS
						+ """
								, o as (
								  select r.id, r.started_at, r.played_at,
								         max(r.played_at) over (order by r.started_at, r.id rows between unbounded preceding and 1 preceding) as ended_before
								  from r
								), m as (
								  select o.*, sum(case when o.ended_before is null or o.started_at - o.ended_before > interval '10 minutes'
								                       then 1 else 0 end) over (order by o.started_at, o.id rows unbounded preceding) as session
								  from o
								)
								select coalesce(max(ms), 0) from (
								  select (extract(epoch from max(m.played_at) - min(m.started_at)) * 1000)::bigint as ms
								  from m group by m.session) sessions
								""",
				period, from, to)
			.query(Long.class)
			.single();
	}

	@Override
	public long[][] clock(StatsPeriod period) {
		long[][] cells = new long[7][24];
		period(PERIOD_PLAYS
				+ """
						select extract(isodow from r.local_start)::int as weekday, extract(hour from r.local_start)::int as hour,
						       count(*) as plays
						from r group by 1, 2
						""",
				period)
			.query((rs) -> {
				cells[rs.getInt("weekday") - 1][rs.getInt("hour")] = rs.getLong("plays");
			});
		return cells;
	}

	@Override
	public List<SeriesPoint> steps(StatsPeriod period, SeriesStep step, StatsSubject subject) {
		return period(periodPlays(subject) + "select date_trunc('" + step.sqlField()
				+ "', r.local_start)::date as start, count(*) as plays, sum(r.ms) as ms from r group by 1 order by 1",
				period)
			.param("subject", StatsSubject.idOf(subject))
			.query((rs, row) -> new SeriesPoint(rs.getObject("start", LocalDate.class), rs.getLong("plays"),
					rs.getLong("ms")))
			.list();
	}

	/**
	 * The period's plays, of a subject's tracks only when there is one.
	 */
	private static String periodPlays(StatsSubject subject) {
		return PERIOD_PLAYS.replace("/*subject*/", StatsSubject.tracksOf(subject, "cp.track_id"));
	}

	private JdbcClient.StatementSpec period(String sql, StatsPeriod period) {
		return period(sql, period, period.startInstant(), period.endInstant());
	}

	private JdbcClient.StatementSpec period(String sql, StatsPeriod period, Instant from, Instant to) {
		return this.jdbc.sql(sql)
			.param("account", period.account().value())
			.param("tz", period.zone().getId())
			.param("from", utc(from))
			.param("to", utc(to))
			.param("lower", utc(from))
			.param("upper", utc(to.plus(LONGEST_PLAY)));
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
