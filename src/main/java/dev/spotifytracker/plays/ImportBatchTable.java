package dev.spotifytracker.plays;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.spotifytracker.app.AccountId;
import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * One batch of an import on its way into {@code import_rows}: the temporary table
 * {@code import_batch} of the writing transaction (emptied at its commit), filled with
 * COPY, classified with a few set-based statements, then stored in {@code import_rows} in
 * one insert with each row's final outcome and play. Rows are numbered in the batch
 * ({@code n}), which is how {@link PlayWrites} and {@link NearestPairs} name them.
 * <p>
 * Every row is written to {@code import_rows} once: storing the rows first and updating
 * their outcome and play afterwards wrote each row (and its six index entries) two to
 * four times.
 */
@Repository
class ImportBatchTable {

	/** Outcome of a row that an earlier import (or this batch) stored already. */
	static final String DUPLICATE = "duplicate";

	/**
	 * A stored row {@code r} of {@code :account} that is the batch row {@code b}: the key
	 * of the unique index import_rows_once (and of {@link BatchOutcomes}).
	 */
	private static final String STORED_AS = """
			r.account_id = :account and r.format = b.format and r.ts = b.ts and r.ms_played = b.ms_played
			  and coalesce(r.track_id, '') = coalesce(b.track_id, '') and coalesce(r.track_name, '') = coalesce(b.track_name, '')
			  and coalesce(r.artist_name, '') = coalesce(b.artist_name, '')""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ImportBatchTable(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Fills {@code import_batch} with the rows, numbered from 0 in their order; a batch
	 * of extended rows only comes with what the batch tells of each row
	 * ({@link BatchOutcomes}). Joins the caller's transaction, which must be open.
	 * @return whether the batch holds account-data rows, which {@link #classify} then
	 * classifies in full
	 */
	boolean fill(List<RawRow> rows, int thresholdMs) {
		// a temporary table is the session's: created on the first batch a pooled
		// connection writes, emptied by every commit or rollback
		this.jdbc.sql("""
				create temporary table if not exists import_batch (
				  n               integer     not null,
				  member          text        not null,
				  row_index       integer     not null,
				  format          text        not null,
				  ts              timestamptz not null,
				  ms_played       integer     not null,
				  track_id        text,
				  track_name      text,
				  artist_name     text,
				  album_name      text,
				  reason_start    text,
				  reason_end      text,
				  shuffle         boolean,
				  skipped         boolean,
				  offline         boolean,
				  offline_at      timestamptz,
				  incognito       boolean     not null,
				  outcome         text,
				  play_id         bigint,
				  merge_offset_ms integer
				) on commit delete rows
				""").update();
		boolean named = rows.stream().anyMatch(RawRow::minutePrecision);
		if (rows.isEmpty()) {
			return named;
		}
		String[] outcomes = named ? new String[rows.size()] : BatchOutcomes.of(rows, thresholdMs);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
					copy import_batch (n, member, row_index, format, ts, ms_played, track_id, track_name, artist_name,
					                   album_name, reason_start, reason_end, shuffle, skipped, offline, offline_at,
					                   incognito, outcome)
					from stdin (format csv)
					""", new StringReader(csv(rows, outcomes)));
		}
		catch (SQLException ex) {
			throw new SQLErrorCodeSQLExceptionTranslator(this.dataSource).translate("copy import_batch", null, ex);
		}
		catch (IOException ex) {
			throw new DataAccessResourceFailureException("Could not copy the batch's rows", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		return named;
	}

	/**
	 * Says what each row is: a duplicate of a row an earlier import (or this batch,
	 * further up) stored, else why it is no play (no track URI, a private session,
	 * shorter than the threshold), else {@code pending}. A batch with account-data rows
	 * ({@code named}) is classified here in one pass, after they are resolved by name;
	 * any other came with what the batch alone tells ({@link #fill}), and only the rows
	 * an earlier import stored are left to find.
	 */
	void classify(AccountId account, int thresholdMs, boolean named) {
		if (named) {
			resolveNames(account, thresholdMs);
			classifyInFull(account, thresholdMs);
		}
		else {
			markEarlierImports(account);
		}
		// autovacuum never analyses a temporary table: without statistics of the
		// outcomes, every statement that reads the pending rows took them for a handful
		// and joined them with nested loops (inserting a batch's plays took over a
		// second). The classification above needs none: it reads every row of the batch.
		// Only the columns those statements filter and join on: the names and the other
		// fields doubled the analysis's time, a second or two an import. And only when
		// a row is left to turn into a play: a batch of a re-import has none, and no
		// statement after this one finds anything to read in it
		boolean pending = this.jdbc.sql("select exists (select 1 from import_batch where outcome = 'pending')")
			.query(Boolean.class)
			.single();
		if (pending) {
			this.jdbc.sql("analyze import_batch (n, outcome, format, track_id, ts)").update();
		}
	}

	/**
	 * Classifies every row in one pass. An earlier import's row is found through the
	 * unique index import_rows_once (the same key); a row met twice in the batch is
	 * stored once, as its first.
	 */
	private void classifyInFull(AccountId account, int thresholdMs) {
		this.jdbc.sql("""
				update import_batch b set outcome = case
				    when d.first_n <> b.n
				      or exists (select 1 from import_rows r where %s) then :duplicate
				    when b.format = 'extended' and b.track_id is null then 'no_uri'
				    when b.incognito then 'incognito'
				    when b.ms_played < :threshold then 'short'
				    when b.track_id is null then 'unresolved'
				    else 'pending' end
				from (
				  select n, min(n) over (partition by format, ts, ms_played, coalesce(track_id, ''),
				                                      coalesce(track_name, ''), coalesce(artist_name, '')) as first_n
				  from import_batch
				) d
				where d.n = b.n
				""".formatted(STORED_AS))
			.param("account", account.value())
			.param("threshold", thresholdMs)
			.param("duplicate", DUPLICATE)
			.update();
	}

	/**
	 * Marks the rows an earlier import stored (found through the unique index
	 * import_rows_once, the same key) as duplicates, rewriting only them.
	 */
	private void markEarlierImports(AccountId account) {
		// an export's files and their rows rise in time, so a first import (or a newer
		// export's new part) finds no stored row between the batch's first and last time
		// and looks up none of its rows
		boolean storedBetween = this.jdbc
			.sql("""
					select exists (select 1 from import_rows r
					               where r.account_id = :account and r.format = 'extended'
					                 and r.ts between (select min(ts) from import_batch) and (select max(ts) from import_batch))
					""")
			.param("account", account.value())
			.query(Boolean.class)
			.single();
		if (!storedBetween) {
			return;
		}
		// a scalar look-up per row, not "exists": the planner turns an "exists" into a
		// join, and without statistics of the batch it may hash every row the account
		// ever imported, each batch
		this.jdbc.sql("""
				update import_batch b set outcome = :duplicate
				where b.outcome <> :duplicate
				  and (select true from import_rows r where %s limit 1)
				""".formatted(STORED_AS)).param("account", account.value()).param("duplicate", DUPLICATE).update();
	}

	/**
	 * Matches account-data rows to catalog tracks by track and artist name (exactly, then
	 * without "feat." and "- Remastered" suffixes), as {@link ImportRepository#classify}
	 * does for stored rows. Among several matches it prefers a track the account already
	 * played, then a real catalog entry over a stub.
	 */
	private void resolveNames(AccountId account, int thresholdMs) {
		for (String key : List.of("lower", "plays_title_key")) {
			this.jdbc
				.sql("""
						with named as (
						  select b.n, %1$s(b.track_name) as track, %1$s(b.artist_name) as artist
						  from import_batch b
						  where b.format = 'account_data' and b.track_id is null and not b.incognito
						    and b.ms_played >= :threshold and b.track_name is not null and b.artist_name is not null
						), matched as (
						  select distinct on (n.n) n.n, t.track_id
						  from named n
						  join catalog_tracks t on %1$s(t.track_name) = n.track
						  join catalog_track_artists a on a.track_id = t.track_id and %1$s(a.artist_name) = n.artist
						  order by n.n,
						    (select count(*) from counted_plays p where p.account_id = :account and p.track_id = t.track_id) desc,
						    (t.album_id like 'stub:%%'), t.track_id
						)
						update import_batch b set track_id = m.track_id from matched m where b.n = m.n
						"""
					.formatted(key))
				.param("account", account.value())
				.param("threshold", thresholdMs)
				.update();
		}
	}

	/**
	 * Stores every row of the batch but the duplicates in {@code import_rows}, each with
	 * its outcome, its play and its distance from a merged play.
	 * @return the rows stored
	 */
	int store(long importId, AccountId account) {
		return this.jdbc
			.sql("""
					insert into import_rows (import_id, account_id, member, row_index, format, ts, ms_played, track_id,
					                         track_name, artist_name, album_name, reason_start, reason_end, shuffle, skipped,
					                         offline, offline_at, incognito, outcome, play_id, merge_offset_ms)
					select :import, :account, member, row_index, format, ts, ms_played, track_id, track_name, artist_name,
					       album_name, reason_start, reason_end, shuffle, skipped, offline, offline_at, incognito, outcome,
					       play_id, merge_offset_ms
					from import_batch
					where outcome <> :duplicate
					order by n
					""")
			.param("import", importId)
			.param("account", account.value())
			.param("duplicate", DUPLICATE)
			.update();
	}

	/**
	 * @return how many rows of the batch ended in each outcome
	 */
	Map<String, Integer> outcomes() {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("select outcome, count(*) from import_batch group by outcome").query((rs) -> {
			counts.put(rs.getString(1), rs.getInt(2));
		});
		return counts;
	}

	/**
	 * The rows as COPY reads CSV: every text quoted (so an empty name stays empty), a
	 * missing value as nothing.
	 */
	static String csv(List<RawRow> rows, String[] outcomes) {
		StringBuilder csv = new StringBuilder(rows.size() * 170);
		int n = 0;
		for (RawRow row : rows) {
			csv.append(n++).append(',');
			text(csv, row.member()).append(',');
			csv.append(row.index()).append(',');
			csv.append(row.format()).append(',');
			csv.append(row.ts()).append(',');
			csv.append(storedMs(row)).append(',');
			text(csv, row.trackId()).append(',');
			text(csv, row.trackName()).append(',');
			text(csv, row.artistName()).append(',');
			text(csv, row.albumName()).append(',');
			text(csv, row.reasonStart()).append(',');
			text(csv, row.reasonEnd()).append(',');
			bool(csv, row.shuffle()).append(',');
			bool(csv, row.skipped()).append(',');
			bool(csv, row.offline()).append(',');
			if (row.offlineAt() != null) {
				csv.append(row.offlineAt());
			}
			csv.append(',');
			csv.append(row.incognito() ? 't' : 'f').append(',');
			text(csv, outcomes[n - 1]).append('\n');
		}
		return csv.toString();
	}

	/**
	 * The listened time as {@code import_rows.ms_played} (an integer) holds it.
	 */
	static long storedMs(RawRow row) {
		return Math.min(row.msPlayed(), Integer.MAX_VALUE);
	}

	private static StringBuilder text(StringBuilder csv, String value) {
		if (value != null) {
			csv.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		return csv;
	}

	private static StringBuilder bool(StringBuilder csv, Boolean value) {
		if (value != null) {
			csv.append(value ? 't' : 'f');
		}
		return csv;
	}

}
