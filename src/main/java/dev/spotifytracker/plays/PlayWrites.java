package dev.spotifytracker.plays;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.ImportPhases.Phase;
import dev.spotifytracker.spotify.PlayedTrack;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every write of the {@code plays} table: polled plays, imported rows (added or merged
 * into polled plays) and curation (hide, delete, restore). One place, so whatever keeps
 * figures derived from the plays (the smart playlists, the report's rollups) hears of
 * every change in the writing transaction: {@link #changed}. Joins the caller's
 * transaction.
 */
@Component
class PlayWrites {

	static final String RECENTLY_PLAYED = "recently_played";

	static final String HISTORY_IMPORT = "history_import";

	/** How far apart a polled play and an extended export row may be to be one play. */
	static final int MERGE_WINDOW_SECONDS = 60;

	/** The same for account-data rows, whose end time is given to the minute. */
	static final int MERGE_WINDOW_MINUTE_ROWS_SECONDS = 120;

	/**
	 * How far from a row's time the play of its stream may have been played, at most: a
	 * row meets a play whose export time is within the widest merge window of its own
	 * ({@link #linkKnown}), and a play's export time is within that window of when it was
	 * played (it merged, or it is the row's play).
	 */
	private static final Duration KNOWN_REACH = Duration.ofSeconds(2L * MERGE_WINDOW_MINUTE_ROWS_SECONDS);

	/** Rounds of pairing by mutual nearest; one or two settle real histories. */
	private static final int MAX_MERGE_ROUNDS = 50;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final PlayRollups rollups;

	private final ImportPhases phases;

	private final DeferredRollups deferredRollups;

	PlayWrites(JdbcClient jdbc, ApplicationEventPublisher events, PlayRollups rollups, ImportPhases phases,
			DeferredRollups deferredRollups) {
		this.jdbc = jdbc;
		this.events = events;
		this.rollups = rollups;
		this.phases = phases;
		this.deferredRollups = deferredRollups;
	}

	/**
	 * Inserts plays from recently played ({@code ms_played} unknown); plays already
	 * stored (same account, time and track) are skipped.
	 * @return the plays inserted
	 */
	int insertRecentlyPlayed(AccountId account, List<PlayedTrack> plays) {
		if (plays.isEmpty()) {
			return 0;
		}
		int added = this.jdbc
			.sql("""
					insert into plays (account_id, track_id, played_at, ms_played, source, context_uri)
					select :account, p.track_id, p.played_at, null, :source, p.context_uri
					from unnest(:tracks::text[], :at::timestamptz[], :contexts::text[]) as p(track_id, played_at, context_uri)
					on conflict (account_id, played_at, track_id) do nothing
					""")
			.param("account", account.value())
			.param("source", RECENTLY_PLAYED)
			.param("tracks", column(plays, (play) -> play.track().id()))
			.param("at", column(plays, (play) -> play.playedAt().toString()))
			.param("contexts", column(plays, PlayedTrack::contextUri))
			.update();
		if (added > 0) {
			changed(account, added, plays.stream().map(PlayedTrack::playedAt).min(Instant::compareTo).orElseThrow(),
					plays.stream().map(PlayedTrack::playedAt).max(Instant::compareTo).orElseThrow());
		}
		return added;
	}

	/**
	 * Turns the given import rows that count (outcome {@code pending}, a track, long
	 * enough, not private) into plays: a row already stored as a play (an earlier import
	 * of the same stream) is linked to it; a row within the merge window of a polled play
	 * of the same track that absorbed no export row yet is merged into it, nearest pairs
	 * first and one to one; every other row becomes a play of its own. Two rows of the
	 * export never merge with each other, nor two polled plays.
	 * @param rows ids of {@code import_rows} of the account; each must be classified
	 * already (see {@link ImportRepository#classify})
	 * @return how many rows were merged and added
	 */
	Applied applyImportRows(AccountId account, long importId, long[] rows) {
		if (rows.length == 0) {
			return new Applied(0, 0);
		}
		this.phases.time(Phase.KNOWN, () -> linkKnown(account, rows));
		int merged = this.phases.time(Phase.MERGE, () -> mergeAll(account, importId, rows));
		int added = this.phases.time(Phase.INSERT_PLAYS, () -> insertRemaining(account, importId, rows));
		if (added + merged > 0) {
			// a merged play gains ms_played: its start moves, so its day and session may
			// too
			Span span = this.jdbc.sql("""
					select min(p.played_at) as earliest, max(p.played_at) as latest
					from import_rows r join plays p on p.id = r.play_id
					where r.id = any(:rows) and r.outcome in ('merged', 'added')
					""").param("rows", rows).query(Span.class).single();
			this.phases.time(Phase.ROLLUPS, () -> changed(account, added + merged, span.earliest(), span.latest()));
		}
		return new Applied(merged, added);
	}

	/**
	 * Turns the rows of {@code import_batch} that count (outcome {@code pending}) into
	 * plays, as {@link #applyImportRows} does for stored rows: a row whose stream is
	 * already a play is {@code known} and linked to it; a row within the merge window of
	 * a polled play of its track that absorbed no export row yet is {@code merged} into
	 * it, nearest pairs first and one to one ({@link NearestPairs}); every other row is
	 * {@code added} as a play of its own. Each row learns its outcome and play in
	 * {@code import_batch}, which {@link ImportBatchTable#store} then stores.
	 * @param deferRollups whether the import builds the rollups at its end
	 * ({@link DeferredRollups}) rather than in this transaction
	 * @return how many rows were merged and added
	 */
	Applied applyImportBatch(AccountId account, long importId, boolean deferRollups) {
		this.phases.time(Phase.KNOWN, () -> linkKnownInBatch(account));
		int merged = this.phases.time(Phase.MERGE, () -> mergeBatch(account, importId));
		int added = this.phases.time(Phase.INSERT_PLAYS, () -> insertBatch(account, importId));
		if (added + merged > 0) {
			this.phases.time(Phase.ROLLUPS, () -> {
				if (deferRollups) {
					this.deferredRollups.suspend(account);
					this.events.publishEvent(new PlaysStored(account, added + merged));
				}
				else {
					// a merged play gains ms_played: its start moves, so its day and
					// session may too
					Span span = this.jdbc.sql("""
							select min(p.played_at) as earliest, max(p.played_at) as latest
							from import_batch b join plays p on p.id = b.play_id
							where b.outcome in ('merged', 'added')
							""").query(Span.class).single();
					changed(account, added + merged, span.earliest(), span.latest());
				}
			});
		}
		return new Applied(merged, added);
	}

	/**
	 * The batch's rows whose stream is already a play, as {@link #linkKnown} finds them.
	 */
	private void linkKnownInBatch(AccountId account) {
		// Only rows near a play that came from an export can meet one. Such a play was
		// played within the widest merge window of its export time, and a row meets a
		// play whose export time is at most that window from its own: so only rows
		// within twice the window of those plays' times are looked up. An export's files
		// and their rows rise in time, so a first import's batch finds such plays only
		// at its start (the end of the batch before) and looks up a few rows, not all
		Span exported = this.jdbc
			.sql("""
					select min(p.played_at) as earliest, max(p.played_at) as latest
					from plays p
					where p.account_id = :account and p.export_ts is not null
					  and p.played_at between (select min(ts) from import_batch where outcome = 'pending') - make_interval(secs => :reach)
					                      and (select max(ts) from import_batch where outcome = 'pending') + make_interval(secs => :reach)
					""")
			.param("account", account.value())
			.param("reach", KNOWN_REACH.toSeconds())
			.query(Span.class)
			.single();
		if (exported.earliest() != null) {
			linkKnownNear(account, exported);
		}
		this.jdbc.sql("""
				update import_batch b set outcome = 'known'
				from (
				  select n, row_number() over (partition by track_id, ts order by n) as k
				  from import_batch
				  where outcome = 'pending'
				) d
				where b.n = d.n and d.k > 1
				""").update();
	}

	/**
	 * Links the pending rows near the given plays' times to the play of their stream.
	 */
	private void linkKnownNear(AccountId account, Span exported) {
		// each pending row looks its play up in the index of export rows (a lateral
		// look-up with a limit): joined as a set, the planner hashed every play of the
		// account that came from an export, a scan of all of them per batch, growing
		// with the import. An extended row meets at most one play (plays_export_row is
		// unique); an account-data row the nearest, as before
		this.jdbc.sql("""
				update import_batch b set outcome = 'known', play_id = k.play_id
				from (
				  select b.n, x.play_id
				  from import_batch b
				  cross join lateral (
				    select p.id as play_id from plays p
				    where p.account_id = :account and p.track_id = b.track_id and p.export_ts is not null
				      and p.export_ts = b.ts
				    order by p.id
				    limit 1
				  ) x
				  where b.outcome = 'pending' and b.format = 'extended' and b.ts between :from and :to
				  union all
				  select b.n, x.play_id
				  from import_batch b
				  cross join lateral (
				    select p.id as play_id from plays p
				    where p.account_id = :account and p.track_id = b.track_id and p.export_ts is not null
				      and p.export_ts >= b.ts - make_interval(secs => :window)
				      and p.export_ts < b.ts + make_interval(secs => :minuteWindow)
				    order by abs(extract(epoch from p.export_ts - b.ts)), p.id
				    limit 1
				  ) x
				  where b.outcome = 'pending' and b.format = 'account_data' and b.ts between :from and :to
				) k
				where b.n = k.n
				""")
			.param("account", account.value())
			.param("window", MERGE_WINDOW_SECONDS)
			.param("minuteWindow", MERGE_WINDOW_MINUTE_ROWS_SECONDS)
			.param("from", OffsetDateTime.ofInstant(exported.earliest().minus(KNOWN_REACH), ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(exported.latest().plus(KNOWN_REACH), ZoneOffset.UTC))
			.update();
	}

	/**
	 * Reads the candidate pairs of pending rows and polled plays that absorbed no export
	 * row, pairs them nearest first in Java, and writes every merge in one statement.
	 * @return the rows merged
	 */
	private int mergeBatch(AccountId account, long importId) {
		NearestPairs candidates = new NearestPairs();
		this.jdbc
			.sql("""
					select b.n, p.id, (extract(epoch from b.ts - p.played_at) * 1000000)::bigint as distance
					from import_batch b
					join plays p on p.account_id = :account and p.track_id = b.track_id
					 and p.source = 'recently_played' and p.export_ts is null
					 and p.played_at between b.ts - make_interval(secs => case b.format when 'extended' then :window else :minuteWindow end)
					                     and b.ts + make_interval(secs => case b.format when 'extended' then :window else :minuteWindow end)
					where b.outcome = 'pending'
					""")
			.param("account", account.value())
			.param("window", MERGE_WINDOW_SECONDS)
			.param("minuteWindow", MERGE_WINDOW_MINUTE_ROWS_SECONDS)
			.query((rs) -> {
				candidates.add(rs.getInt(1), rs.getLong(2), rs.getLong(3));
			});
		List<NearestPairs.Pair> pairs = candidates.pairs();
		if (pairs.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				with x as (
				  select * from unnest(:rows::int[], :plays::bigint[]) as x(n, play_id)
				), merged as (
				  update plays p set ms_played = b.ms_played, reason_end = b.reason_end, skipped = b.skipped,
				                     shuffle = b.shuffle, export_ts = b.ts, import_id = :import
				  from x join import_batch b on b.n = x.n
				  -- the "any" lets each play be found by its id: joined on x alone, the
				  -- planner walked the primary key through every play up to the batch's
				  -- highest id (a merge join), reading 50,000 plays to update 1,000
				  where p.id = x.play_id and p.id = any(:plays::bigint[])
				  returning p.id as play_id, x.n, p.played_at
				)
				update import_batch b set outcome = 'merged', play_id = m.play_id,
				       merge_offset_ms = (extract(epoch from b.ts - m.played_at) * 1000)::integer
				from merged m
				where b.n = m.n
				""")
			.param("import", importId)
			.param("rows", pairs.stream().mapToInt(NearestPairs.Pair::row).boxed().toArray(Integer[]::new))
			.param("plays", pairs.stream().mapToLong(NearestPairs.Pair::play).boxed().toArray(Long[]::new))
			.update();
	}

	/**
	 * Inserts a play for each row still pending; a row whose time and track are a play
	 * already (a polled play that absorbed another row) is that stream, {@code known}.
	 * @return the plays inserted
	 */
	private int insertBatch(AccountId account, long importId) {
		int added = this.jdbc
			.sql("""
					with inserted as (
					  insert into plays (account_id, track_id, played_at, ms_played, source, reason_end, skipped, shuffle,
					                     export_ts, import_id)
					  select :account, b.track_id, b.ts, b.ms_played, :source, b.reason_end, b.skipped, b.shuffle, b.ts, :import
					  from import_batch b
					  where b.outcome = 'pending'
					  order by b.n
					  on conflict do nothing
					  returning id, track_id, played_at
					)
					update import_batch b set outcome = 'added', play_id = i.id
					from inserted i
					where b.outcome = 'pending' and b.track_id = i.track_id and b.ts = i.played_at
					""")
			.param("account", account.value())
			.param("import", importId)
			.param("source", HISTORY_IMPORT)
			.update();
		this.jdbc.sql("""
				update import_batch b set outcome = 'known',
				       play_id = (select p.id from plays p
				                  where p.account_id = :account and p.track_id = b.track_id and p.played_at = b.ts)
				where b.outcome = 'pending'
				""").param("account", account.value()).update();
		return added;
	}

	private int mergeAll(AccountId account, long importId, long[] rows) {
		int merged = 0;
		for (int round = 0; round < MAX_MERGE_ROUNDS; round++) {
			int pairs = mergeMutualNearest(account, importId, rows);
			merged += pairs;
			if (pairs == 0) {
				break;
			}
		}
		return merged;
	}

	/**
	 * Rows whose stream is already a play: the same track and export time as a play that
	 * came from or absorbed an export row (a re-import, a second export overlapping the
	 * first); an account-data row, given to the minute, also meets the play of the
	 * extended row of the same stream. A second row of the same track and time in one
	 * batch is the same stream twice.
	 */
	private void linkKnown(AccountId account, long[] rows) {
		this.jdbc.sql("""
				update import_rows r set outcome = 'known', play_id = k.play_id
				from (
				  select distinct on (c.id) c.id, c.play_id
				  from (
				    -- two look-ups, each on the index of export rows: with an "or" between them
				    -- every play of the track was read for each row
				    select r.id, p.id as play_id, 0::numeric as distance
				    from import_rows r
				    join plays p on p.account_id = :account and p.track_id = r.track_id and p.export_ts is not null
				     and p.export_ts = r.ts
				    where r.id = any(:rows) and r.outcome = 'pending' and r.format = 'extended'
				    union all
				    select r.id, p.id as play_id, abs(extract(epoch from p.export_ts - r.ts)) as distance
				    from import_rows r
				    join plays p on p.account_id = :account and p.track_id = r.track_id and p.export_ts is not null
				     and p.export_ts >= r.ts - make_interval(secs => :window)
				     and p.export_ts < r.ts + make_interval(secs => :minuteWindow)
				    where r.id = any(:rows) and r.outcome = 'pending' and r.format = 'account_data'
				  ) c
				  order by c.id, c.distance, c.play_id
				) k
				where r.id = k.id
				""")
			.param("account", account.value())
			.param("rows", rows)
			.param("window", MERGE_WINDOW_SECONDS)
			.param("minuteWindow", MERGE_WINDOW_MINUTE_ROWS_SECONDS)
			.update();
		// numbered in one pass: a correlated look-up of the batch's array for each row
		// took half a minute per batch of 5,000
		this.jdbc.sql("""
				update import_rows r set outcome = 'known'
				from (
				  select id, row_number() over (partition by track_id, ts order by id) as n
				  from import_rows
				  where id = any(:rows) and outcome = 'pending' and track_id is not null
				) d
				where r.id = d.id and d.n > 1
				""").param("rows", rows).update();
	}

	/**
	 * One round of pairing: a row and a polled play pair when each is the other's nearest
	 * (ties broken by id). Repeated until no pair is left, this gives what pairing the
	 * nearest pairs first gives, without a loop over rows.
	 * @return the pairs merged this round
	 */
	private int mergeMutualNearest(AccountId account, long importId, long[] rows) {
		return this.jdbc
			.sql("""
					with candidates as (
					  select r.id as row_id, p.id as play_id,
					         abs(extract(epoch from r.ts - p.played_at)) as distance
					  from import_rows r
					  join plays p on p.account_id = :account and p.track_id = r.track_id
					   and p.source = 'recently_played' and p.export_ts is null
					   and p.played_at between r.ts - make_interval(secs => case r.format when 'extended' then :window else :minuteWindow end)
					                       and r.ts + make_interval(secs => case r.format when 'extended' then :window else :minuteWindow end)
					  where r.id = any(:rows) and r.outcome = 'pending'
					), nearest_play as (
					  select distinct on (row_id) row_id, play_id from candidates order by row_id, distance, play_id
					), nearest_row as (
					  select distinct on (play_id) play_id, row_id from candidates order by play_id, distance, row_id
					), pairs as (
					  select n.row_id, n.play_id from nearest_play n
					  join nearest_row m on m.play_id = n.play_id and m.row_id = n.row_id
					), merged as (
					  update plays p set ms_played = r.ms_played, reason_end = r.reason_end, skipped = r.skipped,
					                     shuffle = r.shuffle, export_ts = r.ts, import_id = :import
					  from pairs x join import_rows r on r.id = x.row_id
					  where p.id = x.play_id
					  returning p.id as play_id, x.row_id, p.played_at
					)
					update import_rows r set outcome = 'merged', play_id = m.play_id,
					       merge_offset_ms = (extract(epoch from r.ts - m.played_at) * 1000)::integer
					from merged m
					where r.id = m.row_id
					""")
			.param("account", account.value())
			.param("import", importId)
			.param("rows", rows)
			.param("window", MERGE_WINDOW_SECONDS)
			.param("minuteWindow", MERGE_WINDOW_MINUTE_ROWS_SECONDS)
			.update();
	}

	private int insertRemaining(AccountId account, long importId, long[] rows) {
		int added = this.jdbc
			.sql("""
					insert into plays (account_id, track_id, played_at, ms_played, source, reason_end, skipped, shuffle,
					                   export_ts, import_id)
					select :account, r.track_id, r.ts, r.ms_played, :source, r.reason_end, r.skipped, r.shuffle, r.ts, :import
					from import_rows r
					where r.id = any(:rows) and r.outcome = 'pending'
					order by r.id
					on conflict do nothing
					""")
			.param("account", account.value())
			.param("import", importId)
			.param("source", HISTORY_IMPORT)
			.param("rows", rows)
			.update();
		// each pending row meets the play just made of it through the plays' unique index
		// (account, time, track). Joined to the insert's returned rows instead, the
		// planner, counting on few pending rows, compared every row with every new play:
		// two seconds a batch
		this.jdbc.sql("""
				update import_rows r set outcome = 'added', play_id = p.id
				from plays p
				where r.id = any(:rows) and r.outcome = 'pending'
				  and p.account_id = :account and p.played_at = r.ts and p.track_id = r.track_id
				  and p.import_id = :import and p.export_ts = r.ts and p.source = :source
				""")
			.param("account", account.value())
			.param("import", importId)
			.param("source", HISTORY_IMPORT)
			.param("rows", rows)
			.update();
		// what is left met a play at its very time and track (a polled play that had
		// already absorbed another row): the same stream
		this.jdbc.sql("""
				update import_rows r set outcome = 'known',
				       play_id = (select p.id from plays p
				                  where p.account_id = :account and p.track_id = r.track_id and p.played_at = r.ts)
				where r.id = any(:rows) and r.outcome = 'pending'
				""").param("account", account.value()).param("rows", rows).update();
		return added;
	}

	/**
	 * Hides, deletes or restores the account's plays among the given ids.
	 * @return the ids of the plays that changed
	 */
	List<Long> curate(AccountId account, Curation action, long[] playIds) {
		String set = switch (action) {
			case HIDE -> "hidden_at = now() where hidden_at is null and deleted_at is null";
			case UNHIDE -> "hidden_at = null where hidden_at is not null";
			case DELETE -> "deleted_at = now() where deleted_at is null";
			case RESTORE -> "deleted_at = null where deleted_at is not null";
		};
		List<Curated> changed = this.jdbc
			.sql("update plays set " + set + " and account_id = :account and id = any(:ids) returning id, played_at")
			.param("account", account.value())
			.param("ids", playIds)
			.query(Curated.class)
			.list();
		if (!changed.isEmpty()) {
			changed(account, changed.size(),
					changed.stream().map(Curated::playedAt).min(Instant::compareTo).orElseThrow(),
					changed.stream().map(Curated::playedAt).max(Instant::compareTo).orElseThrow());
		}
		return changed.stream().map(Curated::id).toList();
	}

	/**
	 * The one place that hears of every change of the account's plays, in the writing
	 * transaction: the rollups follow, and the smart playlists are marked due.
	 */
	private void changed(AccountId account, int plays, Instant earliest, Instant latest) {
		this.rollups.changed(account, earliest, latest);
		this.events.publishEvent(new PlaysStored(account, plays));
	}

	private static <T> String[] column(List<T> rows, Function<T, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	private record Span(Instant earliest, Instant latest) {

	}

	private record Curated(long id, Instant playedAt) {

	}

	/**
	 * What applying a batch of import rows did.
	 */
	record Applied(int merged, int added) {

	}

	/**
	 * What curation does to plays.
	 */
	enum Curation {

		HIDE, UNHIDE, DELETE, RESTORE

	}

}
