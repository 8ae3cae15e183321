package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stats from the plays module's rollups ({@code play_day_figures},
 * {@code play_hour_figures}, {@code play_session_spans}, {@code play_track_figures}),
 * built in the account's zone. Their local days are the local days of the plays' starts,
 * so in that zone a period of local dates is a range of rollup days. A viewer in another
 * zone ({@link #builtIn(ZoneId)}) gets the same answers as the plays would give:
 * <ul>
 * <li>per-track figures (top lists, totals, new tracks and artists) sum the rollup days
 * wholly inside the period and read the plays of the part days at its ends
 * ({@link RollupSpan});</li>
 * <li>figures per local day and hour (streak days, the clock, the series) move the rollup
 * hours, or their quarters, to the viewer's days and hours where both zones' offsets
 * differ by whole quarter hours ({@link ShiftedHours}), reading the plays only of the
 * instants no clean rollup hour stands for (an hour the clocks went back through, the
 * period's ends inside an hour); elsewhere they come from the plays;</li>
 * <li>sessions are instants, the same in every zone.</li>
 * </ul>
 */
@Repository
class RollupStatsQueries {

	/**
	 * The plays that start in one of the windows {@code :<name>From[i]} to
	 * {@code :<name>To[i]}, with their track, time, whether it is estimated and start. A
	 * play ends before its window's end plus a day
	 * ({@link RawStatsQueries#LONGEST_PLAY}), which lets the index on played_at narrow
	 * the scan. The windows are short (hours, a day): each play's track is looked up by
	 * its key ("limit 1" keeps the planner from hashing every track for a hundred plays,
	 * which it does not know are so few).
	 */
	private static final String PLAYS_IN_WINDOWS = """
			select x.track_id, x.ms, x.estimated, x.started_at
			from unnest(:%1$sFrom::timestamptz[], :%1$sTo::timestamptz[]) w(f, t)
			cross join lateral (
			  select cp.track_id, coalesce(cp.ms_played, ct.duration_ms, 0)::bigint as ms,
			         cp.ms_played is null as estimated,
			         cp.played_at - coalesce(cp.ms_played, ct.duration_ms, 0) * interval '1 millisecond' as started_at
			  from counted_plays cp
			  join lateral (select c.duration_ms from catalog_tracks c where c.track_id = cp.track_id limit 1) ct on true
			  where cp.account_id = :account and cp.played_at >= w.f and cp.played_at < w.t + interval '1 day'
			  offset 0
			) x
			where x.started_at >= w.f and x.started_at < w.t
			""";

	/**
	 * The first start of each track played on the rollup days that hold the period's
	 * start and end ({@code :cutFirst}, {@code :cutLast}): read from their plays.
	 */
	private static final String FIRSTS = """
			with firsts as (
			  select p.track_id, min(p.started_at) as first_start from (%s) p group by p.track_id
			)
			""".formatted(PLAYS_IN_WINDOWS.formatted("cut"));

	/**
	 * With edges: the tracks first played in the period ({@code n}) and the artists of
	 * the tracks first played on the first cut day but before the period
	 * ({@code before}).
	 */
	private static final String NEW_EDGED = FIRSTS + """
			, n as (
			  select t.track_id from play_track_figures t left join firsts f on f.track_id = t.track_id
			  where t.account_id = :account and t.first_day between :cutFirst and :cutLast
			    and not (t.first_day = :cutFirst and f.first_start < :from)
			    and (t.first_day < :cutLast or f.first_start < :to)
			), before as (
			  select a.artist_id from play_track_figures t
			  join firsts f on f.track_id = t.track_id
			  join catalog_track_artists a on a.track_id = t.track_id
			  where t.account_id = :account and t.first_day = :cutFirst and f.first_start < :from
			)
			""";

	/**
	 * With {@link #NEW_EDGED}: the artists of the new tracks that have no track first
	 * played before the period.
	 */
	private static final String NEW_ARTISTS_EDGED = """
			(select count(*) from (select distinct a.artist_id from n join catalog_track_artists a on a.track_id = n.track_id) c
			 where not exists (select 1 from catalog_track_artists b
			                   join play_track_figures e on e.account_id = :account and e.track_id = b.track_id
			                   where b.artist_id = c.artist_id and e.first_day < :cutFirst)
			   and c.artist_id not in (select artist_id from before))
			""";

	/**
	 * After {@code edge} ({@link #PLAYS_IN_WINDOWS}): {@code t}, the distinct tracks of
	 * the rollup days inside the period, for {@link #EDGED_COUNTS}.
	 */
	private static final String EDGED_TRACKS = """
			, t as materialized (
			  select distinct d.track_id from play_day_figures d where d.account_id = :account and d.day between :first and :last
			)
			""";

	/**
	 * With {@link #EDGED_TRACKS}: the distinct tracks, albums and artists of {@code t}
	 * and of the plays of the edges. The edges' few tracks join each count (a union), not
	 * {@code t}: from a distinct over the days alone the planner knows t's tracks are
	 * unique and hashes them, not the catalog, for the joins; over a union of days and
	 * edges it guessed 200 tracks and looked each of 13,700 up by index (90 ms against 50
	 * for a year of the stats benchmark).
	 */
	private static final String EDGED_COUNTS = """
			(select count(*) from t)
			  + (select count(distinct e.track_id) from edge e where not exists (select 1 from t where t.track_id = e.track_id)) as tracks,
			(select count(*) from (select ct.album_id from t join catalog_tracks ct on ct.track_id = t.track_id
			                       union select ct.album_id from edge e join catalog_tracks ct on ct.track_id = e.track_id) albums) as albums,
			(select count(*) from (select a.artist_id from t join catalog_track_artists a on a.track_id = t.track_id
			                       union select a.artist_id from edge e join catalog_track_artists a on a.track_id = e.track_id) artists) as artists
			""";

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
		// and with a plan for each statement's own values: a generic plan of a
		// prepared statement does not know how many days or segments it reads
		this.jdbc.sql("""
				select set_config('max_parallel_workers_per_gather', '0', true),
				       set_config('plan_cache_mode', 'force_custom_plan', true)
				""").query().singleRow();
	}

	/**
	 * The zone the account's rollups are built in, if they are.
	 */
	Optional<ZoneId> zoneOf(AccountId account) {
		return this.jdbc.sql("select time_zone from play_rollup_zones where account_id = ?")
			.param(account.value())
			.query(String.class)
			.optional()
			.map(ZoneId::of);
	}

	/**
	 * Whether the account's rollups are built, in any zone.
	 */
	boolean built(AccountId account) {
		return zoneOf(account).isPresent();
	}

	/**
	 * Whether the rollups of the period's account are built in the period's zone.
	 */
	boolean builtIn(StatsPeriod period) {
		return zoneOf(period.account()).filter(period.zone()::equals).isPresent();
	}

	/**
	 * The stats of an account whose rollups are built in {@code zone}, for a viewer in
	 * any zone.
	 */
	StatsSource builtIn(ZoneId zone) {
		return new InZone(zone);
	}

	private static String[] instants(List<RollupSpan.Window> windows, boolean from) {
		return windows.stream().map((window) -> (from ? window.from() : window.to()).toString()).toArray(String[]::new);
	}

	/**
	 * The rollups built in one zone.
	 */
	private final class InZone implements StatsSource {

		private final ZoneId built;

		InZone(ZoneId built) {
			this.built = built;
		}

		/**
		 * Sums each track's days first (of all time: reads the track totals), then its
		 * names: a track's name is read once, not once per day it was played.
		 */
		@Override
		public List<TopItem> top(StatsPeriod period, TopKind kind, TopOrder by, int limit, StatsSubject within) {
			RollupSpan span = span(period);
			String perTrack = perTrack(period, span, within);
			String order = StatsSource.orderBy(by);
			String sql = switch (kind) {
				case TRACKS -> perTrack + ", g as (select t.id, t.plays, t.ms from t order by " + order
						+ " limit :limit) select g.id, ct.track_name as name, g.plays, g.ms from g "
						+ "join catalog_tracks ct on ct.track_id = g.id order by " + order;
				// grouped by id alone (the join reads only the index of the
				// tracks' albums or artists), named once in the top list
				case ALBUMS -> perTrack + ", g as (select x.* from (select ct.album_id as id, sum(t.plays) as plays, "
						+ "sum(t.ms) as ms from t join catalog_tracks ct on ct.track_id = t.id group by ct.album_id) x "
						+ "order by " + order
						+ " limit :limit) select g.id, (select min(n.album_name) from catalog_tracks n "
						+ "where n.album_id = g.id) as name, g.plays, g.ms from g order by " + order;
				case ARTISTS -> perTrack + ", g as (select x.* from (select a.artist_id as id, sum(t.plays) as plays, "
						+ "sum(t.ms) as ms from t join catalog_track_artists a on a.track_id = t.id group by a.artist_id) x "
						+ "order by " + order + " limit :limit) select g.id, (select min(n.artist_name) "
						+ "from catalog_track_artists n where n.artist_id = g.id) as name, g.plays, g.ms from g order by "
						+ order;
			};
			return bind(sql, period, span).param("limit", limit)
				.param("subject", StatsSubject.idOf(within))
				.query((rs, row) -> new TopItem(rs.getString("id"), rs.getString("name"), rs.getLong("plays"),
						rs.getLong("ms")))
				.list();
		}

		/**
		 * A with clause that ends in {@code t (id, plays, ms)}: the period's plays and
		 * time per track, of a subject's tracks only when there is one.
		 */
		private String perTrack(StatsPeriod period, RollupSpan span, StatsSubject within) {
			if (allTime(period)) {
				return """
						with t as (
						  select d.track_id as id, d.plays, d.ms from play_track_figures d where d.account_id = :account%s
						)
						"""
					.formatted(StatsSubject.tracksOf(within, "d.track_id"));
			}
			if (!span.hasEdges()) {
				return """
						with t as (
						  select d.track_id as id, sum(d.plays) as plays, sum(d.ms) as ms from play_day_figures d
						  where d.account_id = :account and d.day between :first and :last%s group by d.track_id
						)
						""".formatted(StatsSubject.tracksOf(within, "d.track_id"));
			}
			return """
					with edge as (%s), t as (
					  select u.track_id as id, sum(u.plays) as plays, sum(u.ms) as ms from (
					    select d.track_id, d.plays, d.ms from play_day_figures d
					    where d.account_id = :account and d.day between :first and :last%s
					    union all
					    select e.track_id, 1, e.ms from edge e where true%s
					  ) u group by u.track_id
					)
					""".formatted(PLAYS_IN_WINDOWS.formatted("edge"), StatsSubject.tracksOf(within, "d.track_id"),
					StatsSubject.tracksOf(within, "e.track_id"));
		}

		@Override
		public Figures figures(StatsPeriod period, StatsSubject subject) {
			RollupSpan span = span(period);
			return bind(
					perTrack(period, span, subject)
							+ "select coalesce(sum(t.plays), 0) as plays, coalesce(sum(t.ms), 0) as ms from t",
					period, span)
				.param("subject", StatsSubject.idOf(subject))
				.query((rs, row) -> new Figures(rs.getLong("plays"), rs.getLong("ms")))
				.single();
		}

		@Override
		public Totals totals(StatsPeriod period) {
			return totalsAndDays(period).totals();
		}

		/**
		 * In the rollups' zone, the totals of the period's rollup days
		 * ({@link #coreTotals}) and its days with a play ({@link #days}: the hours' index
		 * alone); together 18 ms at all time where one pass summing the hours per day
		 * took 26. In another zone the totals add the plays of the edges, and the days
		 * are the viewer's.
		 */
		@Override
		public TotalsAndDays totalsAndDays(StatsPeriod period) {
			RollupSpan span = span(period);
			if (!period.zone().equals(this.built)) {
				Optional<ViewerTotals> viewer = viewerTotals(period);
				if (viewer.isEmpty()) {
					Totals totals = span.hasEdges() ? edgedTotals(span, period) : coreTotals(span, period);
					return new TotalsAndDays(totals,
							(totals.plays() > 0) ? RollupStatsQueries.this.raw.days(period) : List.of());
				}
				ViewerTotals sums = viewer.get();
				if (sums.plays() == 0) {
					return new TotalsAndDays(new Totals(0, 0, 0, 0, 0, 0), List.of());
				}
				long[] distinct = span.hasEdges() ? edgedDistinct(span, period) : distinct(period, span);
				return new TotalsAndDays(
						new Totals(sums.plays(), sums.ms(), distinct[0], distinct[2], distinct[1], sums.estimatedMs()),
						sums.days());
			}
			List<LocalDate> days = days(period);
			if (days.isEmpty()) {
				return new TotalsAndDays(new Totals(0, 0, 0, 0, 0, 0), days);
			}
			return new TotalsAndDays(coreTotals(span, period), days);
		}

		/**
		 * The distinct tracks, albums and artists of the period. Of all time: see
		 * {@link #distinctOfAllTime}. Of a period, its tracks are found once, with
		 * {@code distinct}: from it (not from {@code group by}) the planner knows they
		 * are unique and hashes them, not the whole catalog, for the joins (47 ms instead
		 * of 70 for a year of the stats benchmark). Albums and artists are counted by
		 * grouping (hashed) rather than count(distinct), which sorts.
		 */
		private long[] distinct(StatsPeriod period, RollupSpan span) {
			if (allTime(period)) {
				return distinctOfAllTime(period);
			}
			return bind(
					"""
							with t as materialized (
							  select distinct d.track_id from play_day_figures d
							  where d.account_id = :account and d.day between :first and :last
							)
							select (select count(*) from t) as tracks,
							       (select count(*) from (select ct.album_id from t join catalog_tracks ct on ct.track_id = t.track_id
							                              group by ct.album_id) albums) as albums,
							       (select count(*) from (select a.artist_id from t join catalog_track_artists a on a.track_id = t.track_id
							                              group by a.artist_id) artists) as artists
							""",
					period, span)
				.query((rs, row) -> new long[] { rs.getLong("tracks"), rs.getLong("albums"), rs.getLong("artists") })
				.single();
		}

		/**
		 * Of all time the account's tracks are nearly the whole catalog. Walking the
		 * track totals and the catalog's covering indexes side by side, both in track
		 * order (a merge join), takes half the time of hashing either side: 46 ms against
		 * 93 ms on the stats benchmark's 45,000 tracks. The planner, which counts a text
		 * comparison as cheap as hashing one, would hash; so hash joins are off for this
		 * statement alone.
		 */
		private long[] distinctOfAllTime(StatsPeriod period) {
			String hashJoins = RollupStatsQueries.this.jdbc.sql("select current_setting('enable_hashjoin')")
				.query(String.class)
				.single();
			RollupStatsQueries.this.jdbc.sql("select set_config('enable_hashjoin', 'off', true)").query().singleRow();
			// not restored in a finally: a failed statement aborts the transaction, which
			// drops the setting, and a restore would hide the failure behind its own
			long[] counts = RollupStatsQueries.this.jdbc
				.sql("""
						select (select count(*) from play_track_figures d where d.account_id = :account) as tracks,
						       (select count(*) from (select ct.album_id from play_track_figures d
						                              join catalog_tracks ct on ct.track_id = d.track_id
						                              where d.account_id = :account group by ct.album_id) albums) as albums,
						       (select count(*) from (select a.artist_id from play_track_figures d
						                              join catalog_track_artists a on a.track_id = d.track_id
						                              where d.account_id = :account group by a.artist_id) artists) as artists
						""")
				.param("account", period.account().value())
				.query((rs, row) -> new long[] { rs.getLong("tracks"), rs.getLong("albums"), rs.getLong("artists") })
				.single();
			RollupStatsQueries.this.jdbc.sql("select set_config('enable_hashjoin', ?, true)")
				.param(hashJoins)
				.query()
				.singleRow();
			return counts;
		}

		/**
		 * The totals of a period of whole rollup days.
		 */
		private Totals coreTotals(RollupSpan span, StatsPeriod period) {
			long[] sums = bind("""
					select coalesce(sum(plays), 0) as plays, coalesce(sum(ms), 0) as ms,
					       coalesce(sum(estimated_ms), 0) as estimated_ms
					from play_hour_figures where account_id = :account and day between :first and :last
					""", period, span)
				.query((rs, row) -> new long[] { rs.getLong("plays"), rs.getLong("ms"), rs.getLong("estimated_ms") })
				.single();
			if (sums[0] == 0) {
				return new Totals(0, 0, 0, 0, 0, 0);
			}
			long[] distinct = distinct(period, span);
			return new Totals(sums[0], sums[1], distinct[0], distinct[2], distinct[1], sums[2]);
		}

		/**
		 * The distinct tracks, albums and artists of the rollup days inside the period
		 * and of the plays of its edges.
		 */
		private long[] edgedDistinct(RollupSpan span, StatsPeriod period) {
			return bind("with edge as (%s)".formatted(PLAYS_IN_WINDOWS.formatted("edge")) + EDGED_TRACKS + "select "
					+ EDGED_COUNTS, period, span)
				.query((rs, row) -> new long[] { rs.getLong("tracks"), rs.getLong("albums"), rs.getLong("artists") })
				.single();
		}

		/**
		 * The totals of the rollup days inside the period and of the plays of its edges,
		 * in one statement.
		 */
		private Totals edgedTotals(RollupSpan span, StatsPeriod period) {
			return bind("with edge as (%s)".formatted(PLAYS_IN_WINDOWS.formatted("edge")) + EDGED_TRACKS + """
					, h as (
					  select coalesce(sum(x.plays), 0) as plays, coalesce(sum(x.ms), 0) as ms,
					         coalesce(sum(x.estimated_ms), 0) as estimated_ms
					  from (select plays, ms, estimated_ms from play_hour_figures
					        where account_id = :account and day between :first and :last
					        union all
					        select 1, e.ms, case when e.estimated then e.ms else 0 end from edge e) x
					)
					select h.plays, h.ms, h.estimated_ms,
					""" + EDGED_COUNTS + " from h", period, span)
				.query((rs, row) -> new Totals(rs.getLong("plays"), rs.getLong("ms"), rs.getLong("tracks"),
						rs.getLong("artists"), rs.getLong("albums"), rs.getLong("estimated_ms")))
				.single();
		}

		/**
		 * The tracks whose first play starts in the period: of the rollups, those whose
		 * first day is in it; on the days that the period's ends cut, the first play's
		 * start decides.
		 */
		@Override
		public long newTracks(StatsPeriod period) {
			RollupSpan span = span(period);
			if (!span.hasEdges()) {
				return bind("""
						select count(*) from play_track_figures
						where account_id = :account and first_day between :first and :last
						""", period, span).query(Long.class).single();
			}
			return firsts(NEW_EDGED + "select count(*) from n", period, span).query(Long.class).single();
		}

		/**
		 * The artists of the tracks first played in the period (few, found by the
		 * first-day index) that have no track first played before it. With edges, the
		 * artists of the tracks first played on the first cut day but before the period
		 * are found once ({@code before}), not for each artist.
		 */
		@Override
		public long newArtists(StatsPeriod period) {
			RollupSpan span = span(period);
			if (!span.hasEdges()) {
				return bind(
						"""
								with c as (
								  select distinct a.artist_id from play_track_figures t
								  join catalog_track_artists a on a.track_id = t.track_id
								  where t.account_id = :account and t.first_day between :first and :last
								)
								select count(*) from c
								where not exists (select 1 from catalog_track_artists b
								                  join play_track_figures e on e.account_id = :account and e.track_id = b.track_id
								                  where b.artist_id = c.artist_id and e.first_day < :first)
								""",
						period, span)
					.query(Long.class)
					.single();
			}
			return firsts(NEW_EDGED + "select " + NEW_ARTISTS_EDGED, period, span).query(Long.class).single();
		}

		/**
		 * Both in one statement, which reads the first plays of the cut days once.
		 */
		@Override
		public long[] newTracksAndArtists(StatsPeriod period) {
			RollupSpan span = span(period);
			if (!span.hasEdges()) {
				return new long[] { newTracks(period), newArtists(period) };
			}
			return firsts(NEW_EDGED + "select (select count(*) from n) as tracks, " + NEW_ARTISTS_EDGED + " as artists",
					period, span)
				.query((rs, row) -> new long[] { rs.getLong("tracks"), rs.getLong("artists") })
				.single();
		}

		private JdbcClient.StatementSpec firsts(String sql, StatsPeriod period, RollupSpan span) {
			LocalDate cutFirst = LocalDate.ofInstant(period.startInstant(), this.built);
			LocalDate cutLast = LocalDate.ofInstant(period.endInstant(), this.built);
			List<RollupSpan.Window> cut = List.of(day(cutFirst), day(cutLast));
			return bind(sql, period, span).param("cutFirst", cutFirst)
				.param("cutLast", cutLast)
				.param("cutFrom", instants(cut, true))
				.param("cutTo", instants(cut, false));
		}

		private RollupSpan.Window day(LocalDate day) {
			return new RollupSpan.Window(day.atStartOfDay(this.built).toInstant(),
					day.plusDays(1).atStartOfDay(this.built).toInstant());
		}

		@Override
		public List<LocalDate> days(StatsPeriod period) {
			if (period.zone().equals(this.built)) {
				return bind("""
						select distinct day from play_hour_figures
						where account_id = :account and day between :first and :last order by day
						""", period, span(period)).query((rs, row) -> rs.getObject(1, LocalDate.class)).list();
			}
			Optional<ViewerTotals> viewer = viewerTotals(period);
			if (viewer.isEmpty()) {
				return RollupStatsQueries.this.raw.days(period);
			}
			return viewer.get().days();
		}

		/**
		 * Sessions wholly inside the period come from the rollup, the longest first (an
		 * index holds them by length, so all time reads one); a session that crosses the
		 * period's start or end is cut there, so its part inside is counted from the
		 * plays.
		 */
		@Override
		public long longestSessionMs(StatsPeriod period) {
			Instant from = period.startInstant();
			Instant to = period.endInstant();
			long longest = RollupStatsQueries.this.jdbc.sql("""
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
				longest = Math.max(longest, RollupStatsQueries.this.raw.longestSessionMs(period, start, end));
			}
			return longest;
		}

		/**
		 * The session that starts before the instant and has a play starting at or after
		 * it: sessions do not overlap, so only the last one to start before it can, which
		 * the index on the sessions' starts finds at once.
		 */
		private Optional<Instant[]> crossingAt(StatsPeriod period, Instant at) {
			return RollupStatsQueries.this.jdbc.sql("""
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
			if (!period.zone().equals(this.built)) {
				return viewerClock(period).orElseGet(() -> RollupStatsQueries.this.raw.clock(period));
			}
			long[][] cells = new long[7][24];
			// the weekday by arithmetic on the date (0: Monday): extract converts each
			// row's date
			bind("""
					select mod(mod(day - date '2000-01-03', 7) + 7, 7) as weekday, hour, sum(plays) as plays
					from play_hour_figures
					where account_id = :account and day between :first and :last group by 1, 2
					""", period, span(period)).query((rs) -> {
				cells[rs.getInt("weekday")][rs.getInt("hour")] = rs.getLong("plays");
			});
			return cells;
		}

		@Override
		public List<SeriesPoint> steps(StatsPeriod period, SeriesStep step, StatsSubject subject) {
			if (period.zone().equals(this.built)) {
				// the hour rollup has fewer rows than the day-and-track one, which
				// a subject needs; summed per day here, per step in Java (date_trunc
				// of a date converts each row to a timestamp with time zone)
				String from = (subject != null) ? "play_day_figures" : "play_hour_figures";
				SortedMap<LocalDate, long[]> days = new TreeMap<>();
				bind("select day, sum(plays) as plays, sum(ms) as ms from " + from
						+ " where account_id = :account and day between :first and :last"
						+ StatsSubject.tracksOf(subject, "track_id") + " group by day", period, span(period))
					.param("subject", StatsSubject.idOf(subject))
					.query((rs) -> {
						addTo(days, rs.getObject("day", LocalDate.class), rs.getLong("plays"), rs.getLong("ms"));
					});
				return steps(days, step);
			}
			// the day-and-track rollup has no hours to move: in another zone a subject's
			// series comes from its plays
			Optional<ViewerDays> days = (subject == null) ? viewerDays(period) : Optional.empty();
			if (days.isEmpty()) {
				return RollupStatsQueries.this.raw.steps(period, step, subject);
			}
			return steps(days.get().days(), step);
		}

		/**
		 * The steps of the days with plays, in order.
		 */
		private static List<SeriesPoint> steps(SortedMap<LocalDate, long[]> days, SeriesStep step) {
			List<SeriesPoint> points = new ArrayList<>();
			for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
				LocalDate start = step.startOf(day.getKey());
				int last = points.size() - 1;
				if (last >= 0 && points.get(last).start().equals(start)) {
					SeriesPoint point = points.get(last);
					points.set(last,
							new SeriesPoint(start, point.plays() + day.getValue()[0], point.ms() + day.getValue()[1]));
				}
				else {
					points.add(new SeriesPoint(start, day.getValue()[0], day.getValue()[1]));
				}
			}
			return points;
		}

		/**
		 * For a viewer in another zone, the plays and time of each of the viewer's days
		 * with a play: the rollup hours of each day (and their quarters, where the zones
		 * are a whole number of quarter hours apart) moved to the viewer's days, and the
		 * plays of the instants no clean rollup hour stands for. Empty when the zones are
		 * not apart by whole quarter hours over the account's plays.
		 */
		private Optional<ViewerDays> viewerDays(StatsPeriod period) {
			Optional<ShiftedHours> shifted = shifted(period);
			if (shifted.isEmpty()) {
				return Optional.empty();
			}
			ShiftedHours hours = shifted.get();
			SortedMap<LocalDate, long[]> days = new TreeMap<>();
			long[] estimated = new long[1];
			if (!hours.segments().isEmpty()) {
				segments("""
						select s.i, h.day, sum(h.plays) as plays, sum(h.ms) as ms, sum(h.estimated_ms) as estimated_ms,
						       %s as low_plays, %s as low_ms
						from %%s
						group by 1, 2
						""".formatted(lowPart("plays"), lowPart("ms")), period, hours).query((rs) -> {
					ShiftedHours.Segment segment = hours.segments().get(rs.getInt(1) - 1);
					LocalDate low = segment.lowDay(rs.getObject(2, LocalDate.class));
					long plays = rs.getLong("plays");
					long lowPlays = rs.getLong("low_plays");
					long ms = rs.getLong("ms");
					long lowMs = rs.getLong("low_ms");
					addTo(days, low, lowPlays, lowMs);
					addTo(days, low.plusDays(1), plays - lowPlays, ms - lowMs);
					estimated[0] += rs.getLong("estimated_ms");
				});
			}
			rawPlays(period, hours, (startedAt, ms, estimate) -> {
				addTo(days, LocalDate.ofInstant(startedAt, period.zone()), 1, ms);
				estimated[0] += estimate ? ms : 0;
			});
			return Optional.of(new ViewerDays(days, estimated[0]));
		}

		/**
		 * For a viewer in another zone, the period's totals and the viewer's days with a
		 * play, which is all a summary needs of them: the sums of the segments' hours and
		 * of the raw plays, and the days from each rollup day's first and last hour with
		 * a play (an index-only scan; {@link ViewerPlayedDays}), reading the hours'
		 * figures only of the days those leave undecided. For all time in New York this
		 * takes 20 ms where {@link #viewerDays}, which sums every day, takes 50. Empty
		 * when the zones are not apart by whole quarter hours over the account's plays.
		 */
		private Optional<ViewerTotals> viewerTotals(StatsPeriod period) {
			Optional<ShiftedHours> shifted = shifted(period);
			if (shifted.isEmpty()) {
				return Optional.empty();
			}
			ShiftedHours hours = shifted.get();
			List<ShiftedHours.Segment> segments = hours.segments();
			ViewerPlayedDays days = new ViewerPlayedDays(segments);
			long[] sums = new long[3];
			if (!segments.isEmpty()) {
				segments("""
						select coalesce(sum(h.plays), 0) as plays, coalesce(sum(h.ms), 0) as ms,
						       coalesce(sum(h.estimated_ms), 0) as estimated_ms
						from %s
						""", period, hours).query((rs) -> {
					sums[0] += rs.getLong("plays");
					sums[1] += rs.getLong("ms");
					sums[2] += rs.getLong("estimated_ms");
				});
				RollupStatsQueries.this.jdbc.sql("""
						select day, min(hour) as first_hour, max(hour) as last_hour from play_hour_figures
						where account_id = :account and day between :first and :last
						group by day order by day
						""")
					.param("account", period.account().value())
					.param("first", segments.get(0).from().toLocalDate())
					.param("last", segments.get(segments.size() - 1).to().minusHours(1).toLocalDate())
					.query((rs) -> {
						days.add(rs.getObject("day", LocalDate.class), rs.getInt("first_hour"), rs.getInt("last_hour"));
					});
			}
			if (!days.undecided().isEmpty()) {
				segments(
						"select s.i, h.day, sum(h.plays) as plays, " + lowPart("plays")
								+ " as low_plays from %s where h.day = any(:undecided::date[]) group by 1, 2",
						period, hours)
					.param("undecided", days.undecided().stream().map(LocalDate::toString).toArray(String[]::new))
					.query((rs) -> {
						LocalDate low = segments.get(rs.getInt(1) - 1).lowDay(rs.getObject(2, LocalDate.class));
						long lowPlays = rs.getLong("low_plays");
						if (lowPlays > 0) {
							days.addPlayed(low);
						}
						if (rs.getLong("plays") > lowPlays) {
							days.addPlayed(low.plusDays(1));
						}
					});
			}
			rawPlays(period, hours, (startedAt, ms, estimate) -> {
				days.addPlayed(LocalDate.ofInstant(startedAt, period.zone()));
				sums[0]++;
				sums[1] += ms;
				sums[2] += estimate ? ms : 0;
			});
			return Optional.of(new ViewerTotals(days.days(), sums[0], sums[1], sums[2]));
		}

		/**
		 * For a viewer in another zone, the clock: the rollup hours (or their quarters)
		 * summed per segment, weekday and hour, each moved to the viewer's weekday and
		 * hour, and the plays of the instants no clean rollup hour stands for.
		 */
		private Optional<long[][]> viewerClock(StatsPeriod period) {
			Optional<ShiftedHours> shifted = shifted(period);
			if (shifted.isEmpty()) {
				return Optional.empty();
			}
			ShiftedHours hours = shifted.get();
			long[][] cells = new long[7][24];
			if (!hours.segments().isEmpty()) {
				String quarters = hours.quarters()
						? "sum(h.plays_q[1]), sum(h.plays_q[2]), sum(h.plays_q[3]), sum(h.plays_q[4])"
						: "sum(h.plays), 0, 0, 0";
				segments("select s.i, mod(mod(h.day - date '2000-01-03', 7) + 7, 7) as weekday, h.hour, " + quarters
						+ " from %s group by 1, 2, 3", period, hours)
					.query((rs) -> {
						ShiftedHours.Segment segment = hours.segments().get(rs.getInt(1) - 1);
						int weekday = rs.getInt(2);
						int hour = rs.getInt(3);
						for (int quarter = 0; quarter < 4; quarter++) {
							int minute = segment.minuteOfWeek(weekday, hour, quarter);
							cells[minute / (24 * 60)][minute % (24 * 60) / 60] += rs.getLong(4 + quarter);
						}
					});
			}
			rawPlays(period, hours, (startedAt, ms, estimate) -> {
				LocalDateTime local = LocalDateTime.ofInstant(startedAt, period.zone());
				cells[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
			});
			return Optional.of(cells);
		}

		/**
		 * How the period looks from the viewer's zone over the account's plays; no
		 * segments and no raw windows when it holds none.
		 */
		private Optional<ShiftedHours> shifted(StatsPeriod period) {
			Instant[] played = playedBetween(period);
			if (played == null) {
				return Optional.of(new ShiftedHours(List.of(), List.of()));
			}
			return ShiftedHours.of(this.built, period.zone(), played[0], played[1]);
		}

		/**
		 * A statement over the rollup hours of each segment: {@code %s} becomes their
		 * join, numbered {@code s.i} from 1, with {@code s.c} its
		 * {@link ShiftedHours.Segment#split()}.
		 */
		private JdbcClient.StatementSpec segments(String sql, StatsPeriod period, ShiftedHours hours) {
			List<ShiftedHours.Segment> segments = hours.segments();
			return RollupStatsQueries.this.jdbc.sql(sql.formatted("""
					unnest(:fromDay::date[], :fromHour::int[], :toDay::date[], :toHour::int[], :split::int[])
					  with ordinality s(fd, fh, td, th, c, i)
					join play_hour_figures h on h.account_id = :account and h.day between s.fd and s.td
					  and (h.day, h.hour) >= (s.fd, s.fh) and (h.day, h.hour) < (s.td, s.th)
					"""))
				.param("account", period.account().value())
				.param("fromDay",
						segments.stream().map((s) -> s.from().toLocalDate().toString()).toArray(String[]::new))
				.param("fromHour",
						segments.stream().map((s) -> String.valueOf(s.from().getHour())).toArray(String[]::new))
				.param("toDay", segments.stream().map((s) -> s.to().toLocalDate().toString()).toArray(String[]::new))
				.param("toHour", segments.stream().map((s) -> String.valueOf(s.to().getHour())).toArray(String[]::new))
				.param("split", segments.stream().map((s) -> String.valueOf(s.split())).toArray(String[]::new));
		}

		/**
		 * The plays that start in the raw windows, each with its start and time.
		 */
		private void rawPlays(StatsPeriod period, ShiftedHours hours, RawPlay each) {
			if (hours.raw().isEmpty()) {
				return;
			}
			RollupStatsQueries.this.jdbc.sql(PLAYS_IN_WINDOWS.formatted("raw"))
				.param("account", period.account().value())
				.param("rawFrom", instants(hours.raw(), true))
				.param("rawTo", instants(hours.raw(), false))
				.query((rs) -> {
					each.accept(rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getLong("ms"),
							rs.getBoolean("estimated"));
				});
		}

		private static void addTo(SortedMap<LocalDate, long[]> days, LocalDate day, long plays, long ms) {
			if (plays > 0) {
				long[] figures = days.computeIfAbsent(day, (key) -> new long[2]);
				figures[0] += plays;
				figures[1] += ms;
			}
		}

		/**
		 * The instants of the period that hold plays, from the account's first rollup day
		 * to its last: null when there are none.
		 */
		private Instant[] playedBetween(StatsPeriod period) {
			LocalDate[] days = RollupStatsQueries.this.jdbc
				.sql("select min(day), max(day) from play_hour_figures where account_id = ?")
				.param(period.account().value())
				.query((rs,
						row) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
				.single();
			if (days[0] == null) {
				return null;
			}
			Instant from = max(period.startInstant(), days[0].atStartOfDay(this.built).toInstant());
			Instant to = min(period.endInstant(), days[1].plusDays(1).atStartOfDay(this.built).toInstant());
			return from.isBefore(to) ? new Instant[] { from, to } : null;
		}

		private RollupSpan span(StatsPeriod period) {
			return RollupSpan.of(period, this.built);
		}

		private JdbcClient.StatementSpec bind(String sql, StatsPeriod period, RollupSpan span) {
			return RollupStatsQueries.this.jdbc.sql(sql)
				.param("account", period.account().value())
				.param("first", span.first())
				.param("last", span.last())
				.param("from", RawStatsQueries.utc(period.startInstant()))
				.param("to", RawStatsQueries.utc(period.endInstant()))
				.param("edgeFrom", instants(span.edges(), true))
				.param("edgeTo", instants(span.edges(), false));
		}

	}

	/**
	 * The sum of a rollup hour's figure ({@code plays} or {@code ms}) over its quarters
	 * before the segment's split {@code s.c}: the whole hour, none of it, or the quarters
	 * of the hour that holds the split.
	 */
	private static String lowPart(String figure) {
		return """
				sum(case when h.hour * 4 + 4 <= s.c then h.%1$s when h.hour * 4 >= s.c then 0
				         else h.%1$s_q[1] + case when s.c - h.hour * 4 > 1 then h.%1$s_q[2] else 0 end
				              + case when s.c - h.hour * 4 > 2 then h.%1$s_q[3] else 0 end end)""".formatted(figure);
	}

	/**
	 * A viewer's days with a play in a period, in order, and the period's plays, time and
	 * time taken from track lengths.
	 */
	private record ViewerTotals(List<LocalDate> days, long plays, long ms, long estimatedMs) {

	}

	/**
	 * A play read one by one: its start, time and whether the time is its track's length.
	 */
	@FunctionalInterface
	private interface RawPlay {

		void accept(Instant startedAt, long ms, boolean estimated);

	}

	/**
	 * A viewer's days with a play, each with its plays and time, and the time of them all
	 * taken from track lengths.
	 */
	private record ViewerDays(SortedMap<LocalDate, long[]> days, long estimatedMs) {

	}

	/**
	 * Whether the period is all time, which the per-track totals answer.
	 */
	private static boolean allTime(StatsPeriod period) {
		return period.from() == null && period.to() == null;
	}

	private static Instant max(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	private static Instant min(Instant one, Instant other) {
		return one.isBefore(other) ? one : other;
	}

}
