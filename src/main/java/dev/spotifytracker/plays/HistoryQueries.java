package dev.spotifytracker.plays;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the play history for its page (keyset-paged, newest first: no OFFSET, so the
 * thousandth page costs what the first does) and its export (streamed through a cursor,
 * oldest first, in constant memory).
 */
@Repository
class HistoryQueries {

	/** Rows the export's cursor fetches at a time. */
	private static final int EXPORT_FETCH = 1_000;

	private static final String START = """
			(p.played_at - make_interval(secs => coalesce(p.ms_played, t.duration_ms, 0) / 1000.0))""";

	private static final String FILTERS = """
			  and (cast(:from as timestamptz) is null
			       or (p.played_at >= cast(:from as timestamptz) and %1$s >= cast(:from as timestamptz)))
			  and (cast(:until as timestamptz) is null
			       or (p.played_at < cast(:until as timestamptz) + interval '1 day' and %1$s < cast(:until as timestamptz)))
			  and (cast(:source as text) is null or p.source = cast(:source as text))
			  and (cast(:pattern as text) is null or t.track_name ilike :pattern or t.album_name ilike :pattern
			       or exists (select 1 from catalog_track_artists a where a.track_id = p.track_id and a.artist_name ilike :pattern))
			"""
		.formatted(START);

	private static final String ARTISTS = """
			(select string_agg(a.artist_name, '%s' order by a.position) from catalog_track_artists a
			 where a.track_id = p.track_id)""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate readOnly;

	HistoryQueries(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
		streaming.setFetchSize(EXPORT_FETCH);
		this.named = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * @param before the cursor of the last play of the previous page, or null for the
	 * newest plays
	 * @return up to {@code limit} plays older than the cursor, newest first; deleted
	 * plays are left out, hidden ones shown as such
	 */
	List<HistoryPlay> page(AccountId account, HistoryFilter filter, Cursor before, int limit) {
		return this.jdbc
			.sql("""
					select p.id, p.played_at, %s as started_at, p.track_id, t.track_name, %s as artists, t.album_name,
					       p.ms_played, t.duration_ms, p.source, p.hidden_at is not null as hidden
					from plays p
					join catalog_tracks t on t.track_id = p.track_id
					where p.account_id = :account and p.deleted_at is null
					  and (cast(:beforeAt as timestamptz) is null or (p.played_at, p.id) < (cast(:beforeAt as timestamptz), :beforeId))
					%s
					order by p.played_at desc, p.id desc
					limit :limit
					"""
				.formatted(START, ARTISTS.formatted(", "), FILTERS))
			.param("account", account.value())
			.param("beforeAt", (before != null) ? Timestamp.from(before.playedAt()) : null)
			.param("beforeId", (before != null) ? before.id() : 0L)
			.param("from", timestamp(filter.fromInstant()))
			.param("until", timestamp(filter.untilInstant()))
			.param("source", filter.source())
			.param("pattern", filter.pattern())
			.param("limit", limit)
			.query(HistoryQueries::play)
			.list();
	}

	/**
	 * The ids of the account's plays (not deleted) that started on the local day.
	 */
	long[] playsOfDay(AccountId account, LocalDate day, java.time.ZoneId zone) {
		HistoryFilter filter = new HistoryFilter(day, day, zone, "", null);
		return this.jdbc.sql("""
				select p.id from plays p join catalog_tracks t on t.track_id = p.track_id
				where p.account_id = :account and p.deleted_at is null
				%s
				""".formatted(FILTERS))
			.param("account", account.value())
			.param("from", timestamp(filter.fromInstant()))
			.param("until", timestamp(filter.untilInstant()))
			.param("source", null)
			.param("pattern", null)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/**
	 * The ids of the account's plays (not deleted) an import added.
	 */
	long[] playsOfImport(AccountId account, long importId) {
		return this.jdbc.sql("""
				select id from plays where account_id = :account and import_id = :import and source = :source
				and deleted_at is null
				""")
			.param("account", account.value())
			.param("import", importId)
			.param("source", PlayWrites.HISTORY_IMPORT)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/**
	 * Streams every counted play in the range, oldest first, through a database cursor.
	 */
	void export(AccountId account, HistoryFilter filter, Consumer<ExportedPlay> each) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("account", account.value())
			.addValue("from", timestamp(filter.fromInstant()))
			.addValue("until", timestamp(filter.untilInstant()))
			.addValue("source", filter.source())
			.addValue("pattern", filter.pattern());
		// PostgreSQL streams a result only inside a transaction (with a fetch size)
		this.readOnly.executeWithoutResult(
				(status) -> this.named.query("""
						select p.played_at, p.ms_played, p.track_id, t.track_name, %s as artists, t.album_name, p.source
						from counted_plays p
						join catalog_tracks t on t.track_id = p.track_id
						where p.account_id = :account
						%s
						order by p.played_at, p.id
						""".formatted(ARTISTS.formatted("; "), FILTERS), params,
						(ResultSet rs) -> each.accept(new ExportedPlay(rs.getTimestamp(1).toInstant(),
								(Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getString(6), rs.getString(7)))));
	}

	private static HistoryPlay play(ResultSet rs, int row) throws SQLException {
		return new HistoryPlay(rs.getLong("id"), rs.getTimestamp("played_at").toInstant(),
				rs.getTimestamp("started_at").toInstant(), rs.getString("track_id"), rs.getString("track_name"),
				rs.getString("artists"), rs.getString("album_name"), (Integer) rs.getObject("ms_played"),
				(Integer) rs.getObject("duration_ms"), rs.getString("source"), rs.getBoolean("hidden"));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * Where a history page starts: after the play with this time and id.
	 */
	record Cursor(Instant playedAt, long id) {

		/**
		 * @throws org.springframework.web.server.ResponseStatusException 400 for a cursor
		 * this page did not write
		 */
		static Cursor parse(String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			int tilde = value.indexOf('~');
			try {
				return new Cursor(Instant.parse(value.substring(0, tilde)), Long.parseLong(value.substring(tilde + 1)));
			}
			catch (RuntimeException ex) {
				throw HistoryFilter
					.bad("'before' is not a position in the history; start again from the newest plays.");
			}
		}

	}

	/**
	 * A play as the export writes it.
	 */
	record ExportedPlay(Instant playedAt, Integer msPlayed, String trackId, String track, String artists, String album,
			String source) {

	}

}
