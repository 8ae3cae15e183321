package dev.spotifytracker.plays;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables {@code imports}, {@code import_members} and {@code import_rows}.
 */
@Repository
class ImportRepository {

	private static final String IMPORT_COLUMNS = """
			id, account_id, run_id, file_name, stored_path, status, rows_total, rows_read, added, merged,
			already_known, short_rows, not_music, incognito, unresolved, no_uri, bad_rows, summary,
			details::text as details, created_at, started_at, finished_at
			""";

	private final JdbcClient jdbc;

	ImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(AccountId account, String fileName, String storedPath) {
		return this.jdbc.sql("""
				insert into imports (account_id, file_name, stored_path) values (:account, :name, :path) returning id
				""")
			.param("account", account.value())
			.param("name", fileName)
			.param("path", storedPath)
			.query(Long.class)
			.single();
	}

	void delete(long importId) {
		this.jdbc.sql("delete from imports where id = ?").param(importId).update();
	}

	Optional<ImportRecord> find(long importId) {
		return this.jdbc.sql("select " + IMPORT_COLUMNS + " from imports where id = ?")
			.param(importId)
			.query(ImportRepository::record)
			.optional();
	}

	/**
	 * @return the account's oldest import that has not ended (waiting, or cut short by a
	 * restart)
	 */
	Optional<ImportRecord> nextUnfinished(AccountId account) {
		return this.jdbc
			.sql("select " + IMPORT_COLUMNS
					+ " from imports where account_id = ? and status in ('queued', 'running') order by id limit 1")
			.param(account.value())
			.query(ImportRepository::record)
			.optional();
	}

	/**
	 * @return the runs that took the account's imports that have not ended (one may have
	 * been cut short by a restart)
	 */
	List<Long> runsOfUnfinished(AccountId account) {
		return this.jdbc.sql("""
				select distinct run_id from imports where account_id = ? and status = 'running' and run_id is not null
				""").param(account.value()).query(Long.class).list();
	}

	/**
	 * @return the accounts with an import that has not ended
	 */
	List<AccountId> accountsWithUnfinished() {
		return this.jdbc
			.sql("select distinct account_id from imports where status in ('queued', 'running') order by account_id")
			.query((rs, row) -> new AccountId(rs.getLong(1)))
			.list();
	}

	List<ImportRecord> recent(AccountId account, int limit) {
		return this.jdbc
			.sql("select " + IMPORT_COLUMNS + " from imports where account_id = :account order by id desc limit :limit")
			.param("account", account.value())
			.param("limit", limit)
			.query(ImportRepository::record)
			.list();
	}

	void started(long importId, long runId, Instant at) {
		this.jdbc.sql("""
				update imports set status = 'running', run_id = :run, started_at = coalesce(started_at, :at)
				where id = :id
				""").param("id", importId).param("run", runId).param("at", Timestamp.from(at)).update();
	}

	/**
	 * Takes the import for a run, unless its upload withdrew it in the meantime.
	 * @return whether the run may go on with it
	 */
	boolean claim(long importId, long runId, Instant at) {
		return this.jdbc.sql("""
				update imports set status = 'running', run_id = :run, started_at = coalesce(started_at, :at)
				where id = :id and status in ('queued', 'running')
				""").param("id", importId).param("run", runId).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Forgets an import no run has taken yet (its upload was answered 409).
	 * @return whether it was withdrawn; false when a run took it already
	 */
	boolean withdraw(long importId) {
		return this.jdbc.sql("delete from imports where id = ? and status = 'queued'").param(importId).update() == 1;
	}

	/**
	 * @return the import a run worked on last
	 */
	Optional<ImportRecord> findByRun(long runId) {
		return this.jdbc.sql("select " + IMPORT_COLUMNS + " from imports where run_id = ? order by id desc limit 1")
			.param(runId)
			.query(ImportRepository::record)
			.optional();
	}

	void total(long importId, long rows) {
		this.jdbc.sql("update imports set rows_total = :rows where id = :id")
			.param("id", importId)
			.param("rows", rows)
			.update();
	}

	void finish(long importId, boolean succeeded, String summary, String detailsJson, Instant at) {
		this.jdbc.sql("""
				update imports set status = :status, summary = :summary, details = cast(:details as jsonb),
				       finished_at = :at, stored_path = null
				where id = :id
				""")
			.param("id", importId)
			.param("status", succeeded ? "succeeded" : "failed")
			.param("summary", summary)
			.param("details", detailsJson)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * @return per file of the import, the rows already committed
	 */
	Map<String, Integer> rowsDone(long importId) {
		Map<String, Integer> done = new HashMap<>();
		this.jdbc.sql("select member, rows_done from import_members where import_id = ?")
			.param(importId)
			.query((rs) -> {
				done.put(rs.getString(1), rs.getInt(2));
			});
		return done;
	}

	List<MemberState> members(long importId) {
		return this.jdbc.sql("""
				select member, format, rows_done, bad_rows, finished, broken_at, broken
				from import_members where import_id = ? order by member
				""")
			.param(importId)
			.query((rs, row) -> new MemberState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
					rs.getBoolean(5), (Integer) rs.getObject(6), rs.getString(7)))
			.list();
	}

	void checkpoint(long importId, String member, String format, int rowsDone) {
		this.jdbc.sql("""
				insert into import_members (import_id, member, format, rows_done) values (:id, :member, :format, :done)
				on conflict (import_id, member) do update
				  set rows_done = greatest(import_members.rows_done, excluded.rows_done),
				      format = coalesce(excluded.format, import_members.format)
				""")
			.param("id", importId)
			.param("member", member)
			.param("format", format)
			.param("done", rowsDone)
			.update();
	}

	void memberEnded(long importId, String member, String format, int badRows, Integer brokenAt, String broken) {
		this.jdbc.sql("""
				insert into import_members (import_id, member, format, bad_rows, finished, broken_at, broken)
				values (:id, :member, :format, :bad, true, :brokenAt, :broken)
				on conflict (import_id, member) do update
				  set bad_rows = excluded.bad_rows, finished = true, broken_at = excluded.broken_at,
				      broken = excluded.broken, format = coalesce(excluded.format, import_members.format)
				""")
			.param("id", importId)
			.param("member", member)
			.param("format", format)
			.param("bad", badRows)
			.param("brokenAt", brokenAt)
			.param("broken", broken)
			.update();
	}

	/**
	 * Lets the caller's transaction commit without waiting for its WAL to be flushed
	 * ({@code synchronous_commit = off} for this transaction only): a crash may lose it,
	 * never a part of it.
	 */
	void commitWithoutWaiting() {
		this.jdbc.sql("select set_config('synchronous_commit', 'off', true)").query((rs, row) -> 1).single();
	}

	/**
	 * Locks the import's row until the caller's transaction ends and checks that its
	 * earlier batches are all there.
	 * @throws IllegalStateException when the import holds another count of rows read
	 */
	void expectRowsRead(long importId, long rowsRead) {
		long held = this.jdbc.sql("select rows_read from imports where id = ? for update")
			.param(importId)
			.query(Long.class)
			.single();
		if (held != rowsRead) {
			throw new IllegalStateException(
					"Import " + importId + " holds " + held + " rows read where its run committed " + rowsRead
							+ ": a batch committed earlier was lost (did the database restart?)");
		}
	}

	/**
	 * Classifies stored rows again under a new threshold, as
	 * {@link ImportBatchTable#classify} does, then resolves names as {@link #classify}
	 * does.
	 */
	void reclassify(AccountId account, long[] rows, int thresholdMs) {
		this.jdbc.sql("""
				update import_rows r set outcome = case
				  when r.format = 'extended' and r.track_id is null then 'no_uri'
				  when r.incognito then 'incognito'
				  when r.ms_played < :threshold then 'short'
				  else 'pending' end
				where r.id = any(:rows)
				""").param("rows", rows).param("threshold", thresholdMs).update();
		classify(account, rows, true);
	}

	/**
	 * Resolves the names of account-data rows against the catalog (exactly, then without
	 * "feat." and "- Remastered" suffixes); what stays without a track is
	 * {@code unresolved}. The rows were classified already ({@link #reclassify}): why a
	 * row is no play (no track URI, a private session, shorter than the threshold), else
	 * {@code pending}. Extended rows have nothing to resolve: one without a track is
	 * {@code no_uri} already.
	 */
	void classify(AccountId account, long[] rows, boolean named) {
		if (!named) {
			return;
		}
		resolveNames(account, rows);
		this.jdbc.sql("""
				update import_rows set outcome = 'unresolved'
				where id = any(:rows) and outcome = 'pending' and track_id is null
				""").param("rows", rows).update();
	}

	/**
	 * Matches account-data rows to catalog tracks by track and artist name. Among several
	 * matches it prefers a track the account already played, then a real catalog entry
	 * over a stub.
	 */
	private void resolveNames(AccountId account, long[] rows) {
		for (String key : List.of("lower", "plays_title_key")) {
			this.jdbc
				.sql("""
						with named as (
						  select r.id, %1$s(r.track_name) as track, %1$s(r.artist_name) as artist
						  from import_rows r
						  where r.id = any(:rows) and r.outcome in ('pending', 'unresolved') and r.track_id is null
						    and r.track_name is not null and r.artist_name is not null
						), matched as (
						  select distinct on (n.id) n.id, t.track_id
						  from named n
						  join catalog_tracks t on %1$s(t.track_name) = n.track
						  join catalog_track_artists a on a.track_id = t.track_id and %1$s(a.artist_name) = n.artist
						  order by n.id,
						    (select count(*) from counted_plays p where p.account_id = :account and p.track_id = t.track_id) desc,
						    (t.album_id like 'stub:%%'), t.track_id
						)
						update import_rows r set track_id = m.track_id from matched m where r.id = m.id
						"""
					.formatted(key))
				.param("rows", rows)
				.param("account", account.value())
				.update();
		}
	}

	/**
	 * @return how many of the rows ended in each outcome
	 */
	Map<String, Integer> outcomes(long[] rows) {
		Map<String, Integer> counts = new HashMap<>();
		if (rows.length == 0) {
			return counts;
		}
		this.jdbc.sql("select outcome, count(*) from import_rows where id = any(:rows) group by outcome")
			.param("rows", rows)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	void addCounts(long importId, ImportCounts delta) {
		this.jdbc.sql("""
				update imports set rows_read = rows_read + :read, added = added + :added, merged = merged + :merged,
				  already_known = already_known + :known, short_rows = short_rows + :short,
				  not_music = not_music + :notMusic, incognito = incognito + :incognito,
				  unresolved = unresolved + :unresolved, no_uri = no_uri + :noUri
				where id = :id
				""")
			.param("id", importId)
			.param("read", delta.rowsRead())
			.param("added", delta.added())
			.param("merged", delta.merged())
			.param("known", delta.known())
			.param("short", delta.shortRows())
			.param("notMusic", delta.notMusic())
			.param("incognito", delta.incognito())
			.param("unresolved", delta.unresolved())
			.param("noUri", delta.noUri())
			.update();
	}

	/**
	 * Refreshes the planner's statistics of the tables an import grows, roughly, while it
	 * runs: its statements need the tables' sizes and rough spreads, which a sample of
	 * 3,000 rows gives in a tenth of the time of the default 30,000 (0.04 s against 0.67
	 * s for 241,000 imported rows). The import's end refreshes them in full
	 * ({@link #analyzeInFull}), so the reports never plan on the rough ones for long.
	 */
	@Transactional
	void analyzeRoughly() {
		this.jdbc.sql("select set_config('default_statistics_target', '10', true)").query(String.class).single();
		analyzeInFull();
	}

	/**
	 * Refreshes the planner's statistics of the tables an import grows.
	 */
	void analyzeInFull() {
		this.jdbc.sql("analyze import_rows").update();
		this.jdbc.sql("analyze plays").update();
	}

	void badRows(long importId, long badRows) {
		this.jdbc.sql("update imports set bad_rows = :bad where id = :id")
			.param("id", importId)
			.param("bad", badRows)
			.update();
	}

	/**
	 * @return the median, 95th percentile and largest distance (ms) between a merged row
	 * and its polled play, or null when nothing merged
	 */
	MergeOffsets mergeOffsets(long importId) {
		return this.jdbc.sql("""
				select count(*),
				       percentile_disc(0.5) within group (order by abs(merge_offset_ms)),
				       percentile_disc(0.95) within group (order by abs(merge_offset_ms)),
				       max(abs(merge_offset_ms))
				from import_rows where import_id = ? and outcome = 'merged'
				""")
			.param(importId)
			.query((rs, row) -> (rs.getLong(1) == 0) ? null
					: new MergeOffsets(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional()
			.orElse(null);
	}

	/**
	 * @return the import's account-data rows whose track is still unknown, by name
	 */
	List<String> unresolvedNames(long importId, int limit) {
		return this.jdbc.sql("""
				select artist_name || ' - ' || track_name as name from import_rows
				where import_id = :id and outcome = 'unresolved'
				group by artist_name, track_name order by count(*) desc, 1 limit :limit
				""").param("id", importId).param("limit", limit).query(String.class).list();
	}

	private static ImportRecord record(ResultSet rs, int row) throws SQLException {
		return new ImportRecord(rs.getLong("id"), new AccountId(rs.getLong("account_id")),
				(Long) rs.getObject("run_id"), rs.getString("file_name"), rs.getString("stored_path"),
				rs.getString("status"), (Long) rs.getObject("rows_total"),
				new ImportCounts(rs.getLong("rows_read"), rs.getLong("added"), rs.getLong("merged"),
						rs.getLong("already_known"), rs.getLong("short_rows"), rs.getLong("not_music"),
						rs.getLong("incognito"), rs.getLong("unresolved"), rs.getLong("no_uri")),
				rs.getLong("bad_rows"), rs.getString("summary"), rs.getString("details"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * How far one file of an import got.
	 */
	record MemberState(String member, String format, int rowsDone, int badRows, boolean finished, Integer brokenAt,
			String broken) {

	}

	/**
	 * How far merged rows were from their polled plays, in milliseconds.
	 */
	record MergeOffsets(long pairs, int medianMs, int p95Ms, int maxMs) {

	}

}
