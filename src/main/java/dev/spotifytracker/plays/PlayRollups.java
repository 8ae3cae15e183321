package dev.spotifytracker.plays;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the play rollups ({@code play_days}, {@code play_hours}, {@code play_sessions},
 * {@code play_tracks}, published as {@code play_day_figures}, {@code play_hour_figures},
 * {@code play_session_spans}, {@code play_track_figures}, {@code track_play_counts} and
 * {@code play_rollup_zones}) equal to what {@code counted_plays} says, so the stats need
 * not read every play. Each hour also keeps its quarter hours' plays and time, for
 * viewers in zones a whole number of quarter hours off the account's.
 * <p>
 * Whoever changes which plays count calls it <em>in the same transaction</em> as the
 * change (it refuses to run outside one):
 * <ul>
 * <li>{@link #changed(AccountId, Instant, Instant)} after plays played between two
 * instants were added, removed, hidden or shown again (the poll, an import, curation): it
 * recomputes the local days those plays may start on and the sessions around them, so a
 * poll of 50 plays costs a few small statements;</li>
 * <li>{@link #rebuild(AccountId)} when everything may have changed: the counting
 * threshold, the account's time zone ({@code AccountTimeZoneChanged} does it), a large
 * import (cheaper than a change spanning years).</li>
 * </ul>
 * An account without rollups, or with rollups in another zone than its own, is rebuilt on
 * its next change; until then the report, and {@code track_play_counts}, read the raw
 * plays. Concurrent maintenance of one account waits on a transaction-scoped advisory
 * lock, so a rebuild and a poll cannot interleave.
 */
@Component
public class PlayRollups {

	/**
	 * Longer than any play: a play that starts before an instant was played before that
	 * instant plus this.
	 */
	static final Duration LONGEST_PLAY = Duration.ofDays(1);

	private static final Duration SESSION_GAP = Duration.ofMinutes(10);

	/** Each play with its time and start. */
	private static final String TIMED_PLAYS = """
			with s as (
			  select cp.id, cp.track_id, cp.played_at, coalesce(cp.ms_played, ct.duration_ms, 0)::bigint as ms,
			         cp.ms_played is null as estimated,
			         cp.played_at - coalesce(cp.ms_played, ct.duration_ms, 0) * interval '1 millisecond' as started_at
			  from counted_plays cp
			  join catalog_tracks ct on ct.track_id = cp.track_id
			  where cp.account_id = :account and cp.played_at >= :from and cp.played_at < :upper
			), p as (
			  select s.*, s.started_at at time zone :tz as local_start from s
			  where s.started_at >= :from and s.started_at <= :last
			)
			""";

	/** The bounds of a rebuild: every play. */
	private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

	/**
	 * The hour rows of the plays in {@code q} (each with its {@code local_start},
	 * {@code ms}, {@code estimated} and {@code quarter} of the hour), for both a rebuild
	 * and a window's upkeep.
	 */
	private static final String INSERT_HOURS = """
			insert into play_hours (account_id, day, hour, plays, ms, estimated_ms, plays_q, ms_q)
			select :account, q.local_start::date, extract(hour from q.local_start)::smallint, count(*), sum(q.ms),
			       coalesce(sum(q.ms) filter (where q.estimated), 0),
			       array[count(*) filter (where q.quarter = 0), count(*) filter (where q.quarter = 1),
			             count(*) filter (where q.quarter = 2), count(*) filter (where q.quarter = 3)]::integer[],
			       array[coalesce(sum(q.ms) filter (where q.quarter = 0), 0),
			             coalesce(sum(q.ms) filter (where q.quarter = 1), 0),
			             coalesce(sum(q.ms) filter (where q.quarter = 2), 0),
			             coalesce(sum(q.ms) filter (where q.quarter = 3), 0)]::bigint[]
			from q group by 2, 3
			""";

	/**
	 * The plays in {@code p} numbered by listening session ({@code m.session}): a play
	 * starts a session when it starts more than ten minutes after every earlier play
	 * ended. For both a rebuild and a window's upkeep.
	 */
	private static final String SESSION_NUMBERS = """
			o as (
			  select p.id, p.started_at, p.played_at,
			         max(p.played_at) over (order by p.started_at, p.id rows between unbounded preceding and 1 preceding) as ended_before
			  from p
			), m as (
			  select o.*, sum(case when o.ended_before is null or o.started_at - o.ended_before > interval '10 minutes'
			                       then 1 else 0 end) over (order by o.started_at, o.id rows unbounded preceding) as session
			  from o
			)""";

	/** The session rows of the plays numbered by {@link #SESSION_NUMBERS}. */
	private static final String INSERT_SESSIONS = """
			insert into play_sessions (account_id, started_at, last_started_at, ended_at, plays)
			select :account, min(m.started_at), max(m.started_at), max(m.played_at), count(*) from m group by m.session""";

	/**
	 * A rebuild in one statement after {@link #TIMED_PLAYS}: the plays are read, timed
	 * and put in local time once (a CTE read by several others is computed once), where a
	 * statement per table read them three times, {@code play_tracks} read
	 * {@code play_days} back, and the hours converted each play's start to local time a
	 * dozen times (once per use of {@code local_start} in an aggregate's filter: hence
	 * {@code q} is materialized too). Each table gets what {@link #insertDays},
	 * {@link #insertTracks} and {@link #insertSessions} give (RollupMaintenanceTest
	 * compares a rebuild with them), its rows in the order of its primary key.
	 */
	private static final String REBUILD = """
			, d as (
			  select p.local_start::date as day, p.track_id, count(*) as plays, sum(p.ms) as ms,
			         min(p.played_at) as first_played_at, max(p.played_at) as last_played_at
			  from p group by 1, 2
			), days as (
			  insert into play_days (account_id, day, track_id, plays, ms, first_played_at, last_played_at)
			  select :account, day, track_id, plays, ms, first_played_at, last_played_at from d order by day, track_id
			), tracks as (
			  insert into play_tracks (account_id, track_id, plays, ms, first_day, last_day, first_played_at,
			                           last_played_at)
			  select :account, track_id, sum(plays), sum(ms), min(day), max(day), min(first_played_at),
			         max(last_played_at)
			  from d group by track_id order by track_id
			), q as materialized (
			  select p.*, extract(minute from p.local_start)::integer / 15 as quarter from p
			), hours as (
			%s order by 2, 3
			), %s, sessions as (
			%s order by 2
			)
			select 1
			""".formatted(INSERT_HOURS, SESSION_NUMBERS, INSERT_SESSIONS);

	private final JdbcClient jdbc;

	private final AccountService accounts;

	PlayRollups(JdbcClient jdbc, AccountService accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * Brings the rollups up to date after plays played between {@code earliest} and
	 * {@code latest} (inclusive) were added, removed, hidden or shown.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(AccountId account, Instant earliest, Instant latest) {
		lock(account);
		ZoneId zone = zoneOf(account);
		Optional<String> built = this.jdbc.sql("select time_zone from play_rollup_accounts where account_id = ?")
			.param(account.value())
			.query(String.class)
			.optional();
		if (built.isEmpty() || !built.get().equals(zone.getId())) {
			rebuildLocked(account, zone);
			return;
		}
		LocalDate firstDay = earliest.minus(LONGEST_PLAY).atZone(zone).toLocalDate();
		LocalDate lastDay = latest.atZone(zone).toLocalDate();
		Set<String> tracks = new HashSet<>(tracksPlayedOn(account, firstDay, lastDay));
		this.jdbc.sql("delete from play_days where account_id = :account and day between :first and :last")
			.param("account", account.value())
			.param("first", firstDay)
			.param("last", lastDay)
			.update();
		this.jdbc.sql("delete from play_hours where account_id = :account and day between :first and :last")
			.param("account", account.value())
			.param("first", firstDay)
			.param("last", lastDay)
			.update();
		Instant from = firstDay.atStartOfDay(zone).toInstant();
		Instant last = lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
		insertDays(account, zone, from, last);
		tracks.addAll(tracksPlayedOn(account, firstDay, lastDay));
		retotal(account, tracks);
		resession(account, zone, earliest.minus(LONGEST_PLAY), latest);
	}

	/**
	 * Builds the account's rollups afresh, in its current time zone.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rebuild(AccountId account) {
		lock(account);
		rebuildLocked(account, zoneOf(account));
	}

	/**
	 * Drops the account's rollups and their mark: until {@link #rebuildIfDropped},
	 * readers count its plays (as for an account whose rollups were never built).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void drop(AccountId account) {
		lock(account);
		int marked = this.jdbc.sql("delete from play_rollup_accounts where account_id = ?")
			.param(account.value())
			.update();
		if (marked > 0) {
			deleteRows(account);
		}
	}

	/**
	 * Rebuilds the account's rollups unless they are built (nothing dropped them, or a
	 * change of plays rebuilt them since).
	 * @return whether they were rebuilt
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean rebuildIfDropped(AccountId account) {
		lock(account);
		boolean built = this.jdbc.sql("select count(*) from play_rollup_accounts where account_id = ?")
			.param(account.value())
			.query(Long.class)
			.single() > 0;
		if (!built) {
			rebuildLocked(account, zoneOf(account));
		}
		return !built;
	}

	private void deleteRows(AccountId account) {
		for (String table : new String[] { "play_days", "play_hours", "play_sessions", "play_tracks" }) {
			this.jdbc.sql("delete from " + table + " where account_id = ?").param(account.value()).update();
		}
	}

	private void rebuildLocked(AccountId account, ZoneId zone) {
		deleteRows(account);
		this.jdbc.sql("""
				insert into play_rollup_accounts (account_id, time_zone, built_at) values (:account, :tz, now())
				on conflict (account_id) do update set time_zone = excluded.time_zone, built_at = excluded.built_at
				""").param("account", account.value()).param("tz", zone.getId()).update();
		timed(TIMED_PLAYS + REBUILD, account, zone, EARLIEST, LATEST).query(Integer.class).single();
	}

	private List<String> tracksPlayedOn(AccountId account, LocalDate first, LocalDate last) {
		return this.jdbc.sql("""
				select distinct track_id from play_days where account_id = :account and day between :first and :last
				""")
			.param("account", account.value())
			.param("first", first)
			.param("last", last)
			.query(String.class)
			.list();
	}

	/**
	 * Totals the days of the tracks whose days changed: a track's row goes when its last
	 * counted play does.
	 */
	private void retotal(AccountId account, Set<String> tracks) {
		if (tracks.isEmpty()) {
			return;
		}
		SqlArrayValue ids = new SqlArrayValue("text", tracks.toArray());
		this.jdbc.sql("delete from play_tracks where account_id = :account and track_id = any(:tracks)")
			.param("account", account.value())
			.param("tracks", ids)
			.update();
		insertTracks(account, ids);
	}

	/**
	 * Totals the days of the given tracks (all: {@code null}) into the per-track rollup.
	 */
	private void insertTracks(AccountId account, SqlArrayValue tracks) {
		JdbcClient.StatementSpec insert = this.jdbc.sql("""
				insert into play_tracks (account_id, track_id, plays, ms, first_day, last_day, first_played_at,
				                         last_played_at)
				select :account, track_id, sum(plays), sum(ms), min(day), max(day), min(first_played_at),
				       max(last_played_at)
				from play_days
				where account_id = :account%s
				group by track_id
				""".formatted((tracks != null) ? " and track_id = any(:tracks)" : ""))
			.param("account", account.value());
		if (tracks != null) {
			insert = insert.param("tracks", tracks);
		}
		insert.update();
	}

	private void insertDays(AccountId account, ZoneId zone, Instant from, Instant last) {
		timed(TIMED_PLAYS
				+ """
						insert into play_days (account_id, day, track_id, plays, ms, first_played_at, last_played_at)
						select :account, p.local_start::date, p.track_id, count(*), sum(p.ms), min(p.played_at), max(p.played_at)
						from p group by 2, 3
						""",
				account, zone, from, last)
			.update();
		// per quarter of the hour too: a viewer whose offset is a whole number of
		// quarter hours off the rollups' zone reads them instead of the plays
		timed(TIMED_PLAYS + """
				, q as (select p.*, extract(minute from p.local_start)::integer / 15 as quarter from p)
				""" + INSERT_HOURS, account, zone, from, last).update();
	}

	/**
	 * Recomputes the sessions that plays starting in the window may join or split: those
	 * within the session gap of it, and everything between them.
	 */
	private void resession(AccountId account, ZoneId zone, Instant from, Instant last) {
		Instant[] span = this.jdbc.sql("""
				select min(started_at), max(last_started_at) from play_sessions
				where account_id = :account and ended_at >= :from and started_at <= :last
				""")
			.param("account", account.value())
			.param("from", utc(from.minus(SESSION_GAP)))
			.param("last", utc(last.plus(SESSION_GAP)))
			.query((rs,
					row) -> new Instant[] { instant(rs.getObject(1, OffsetDateTime.class)),
							instant(rs.getObject(2, OffsetDateTime.class)) })
			.single();
		Instant first = (span[0] != null && span[0].isBefore(from)) ? span[0] : from;
		Instant end = (span[1] != null && span[1].isAfter(last)) ? span[1] : last;
		this.jdbc.sql("""
				delete from play_sessions
				where account_id = :account and ended_at >= :from and started_at <= :last
				""")
			.param("account", account.value())
			.param("from", utc(from.minus(SESSION_GAP)))
			.param("last", utc(last.plus(SESSION_GAP)))
			.update();
		insertSessions(account, zone, first, end);
	}

	private void insertSessions(AccountId account, ZoneId zone, Instant from, Instant last) {
		timed(TIMED_PLAYS + ", " + SESSION_NUMBERS + "\n" + INSERT_SESSIONS, account, zone, from, last).update();
	}

	private JdbcClient.StatementSpec timed(String sql, AccountId account, ZoneId zone, Instant from, Instant last) {
		return this.jdbc.sql(sql)
			.param("account", account.value())
			.param("tz", zone.getId())
			.param("from", utc(from))
			.param("last", utc(last))
			.param("upper", utc(last.plus(LONGEST_PLAY)));
	}

	private void lock(AccountId account) {
		// one key space for this class: the high bits name it, the low bits the account
		this.jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", 0x706c_7279_0000_0000L | account.value())
			.query((rs, row) -> 1)
			.single();
	}

	/**
	 * The account's own zone (as the report reads it), else UTC.
	 */
	ZoneId zoneOf(AccountId account) {
		String zone = this.accounts.find(account).map(Account::timeZone).orElse(null);
		if (zone != null && !zone.isBlank()) {
			try {
				return ZoneId.of(zone);
			}
			catch (DateTimeException ex) {
				// a zone this JVM no longer knows: UTC, as the report does
			}
		}
		return ZoneId.of("UTC");
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
