package dev.spotifytracker.playlist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code playlist_mappings} table, one row per smart playlist (built-in or rule
 * playlist) by slug. A mapping only ever changes its state, so no error can lose the link
 * between a rule and its playlist; a row is deleted only by {@link #forget}, when the
 * user deletes the rule playlist.
 */
@Repository
class PlaylistMappingRepository {

	private static final String COLUMNS = """
			account_id, slug, name, spotify_playlist_id, pushed_track_ids, pushed_hash, snapshot_id, status,
			pushed_at, created_at
			""";

	private final JdbcClient jdbc;

	PlaylistMappingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PlaylistMapping> findAll(AccountId account) {
		return this.jdbc.sql("select " + COLUMNS + " from playlist_mappings where account_id = ? order by slug")
			.param(account.value())
			.query(PlaylistMappingRepository::map)
			.list();
	}

	Optional<PlaylistMapping> find(AccountId account, String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from playlist_mappings where account_id = ? and slug = ?")
			.params(account.value(), slug)
			.query(PlaylistMappingRepository::map)
			.optional();
	}

	/**
	 * Records a playlist we just created: it is empty, so it holds exactly what we
	 * "pushed".
	 */
	void saveCreated(AccountId account, String slug, String name, String playlistId, String snapshotId, Instant now) {
		save(account, slug, name, playlistId, snapshotId, MappingStatus.ACTIVE, now);
	}

	/**
	 * Points the rule at a playlist the user already has. Its contents are unknown, so it
	 * is marked incomplete and the next push replaces them.
	 */
	void saveLinked(AccountId account, String slug, String name, String playlistId, String snapshotId, Instant now) {
		save(account, slug, name, playlistId, snapshotId, MappingStatus.INCOMPLETE, now);
	}

	private void save(AccountId account, String slug, String name, String playlistId, String snapshotId,
			MappingStatus status, Instant now) {
		this.jdbc.sql("""
				insert into playlist_mappings (account_id, slug, name, spotify_playlist_id, pushed_track_ids,
				  pushed_hash, snapshot_id, status, pushed_at, created_at)
				values (:account, :slug, :name, :playlist, '{}', :hash, :snapshot, :status, null, :now)
				on conflict (account_id, slug) do update set
				  name = excluded.name, spotify_playlist_id = excluded.spotify_playlist_id,
				  pushed_track_ids = '{}', pushed_hash = excluded.pushed_hash, snapshot_id = excluded.snapshot_id,
				  status = excluded.status, pushed_at = null
				""")
			.param("account", account.value())
			.param("slug", slug)
			.param("name", name)
			.param("playlist", playlistId)
			.param("hash", PushedHash.of(List.of()))
			.param("snapshot", snapshotId)
			.param("status", status.value())
			.param("now", timestamp(now))
			.update();
	}

	/**
	 * A push that went through: the playlist now holds {@code trackIds}.
	 */
	void savePushed(AccountId account, String slug, List<String> trackIds, String snapshotId, Instant now) {
		this.jdbc.sql("""
				update playlist_mappings
				set pushed_track_ids = :tracks, pushed_hash = :hash, snapshot_id = coalesce(:snapshot, snapshot_id),
				    status = 'active', pushed_at = :now
				where account_id = :account and slug = :slug
				""")
			.param("tracks", new SqlArrayValue("text", trackIds.toArray()))
			.param("hash", PushedHash.of(trackIds))
			.param("snapshot", snapshotId)
			.param("now", timestamp(now))
			.param("account", account.value())
			.param("slug", slug)
			.update();
	}

	/**
	 * The playlist may no longer hold what we last pushed; the next push replaces it. A
	 * removed playlist stays removed.
	 */
	void markIncomplete(AccountId account, String slug) {
		this.jdbc.sql("""
				update playlist_mappings set status = 'incomplete'
				where account_id = ? and slug = ? and status <> 'removed'
				""").params(account.value(), slug).update();
	}

	void markRemoved(AccountId account, String slug) {
		this.jdbc.sql("update playlist_mappings set status = 'removed' where account_id = ? and slug = ?")
			.params(account.value(), slug)
			.update();
	}

	/**
	 * Forgets which playlist held the rule playlist (deleted by the user); the Spotify
	 * playlist itself is not touched here.
	 * @return false when there was no mapping
	 */
	boolean forget(AccountId account, String slug) {
		return this.jdbc.sql("delete from playlist_mappings where account_id = ? and slug = ?")
			.params(account.value(), slug)
			.update() > 0;
	}

	/**
	 * The mapping of the account that already uses this playlist, if any.
	 */
	Optional<PlaylistMapping> using(AccountId account, String playlistId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from playlist_mappings where account_id = ? and spotify_playlist_id = ? order by slug")
			.params(account.value(), playlistId)
			.query(PlaylistMappingRepository::map)
			.list()
			.stream()
			.findFirst();
	}

	private static PlaylistMapping map(ResultSet rs, int row) throws SQLException {
		Array pushed = rs.getArray("pushed_track_ids");
		List<String> trackIds = (pushed != null) ? Arrays.asList((String[]) pushed.getArray()) : List.of();
		return new PlaylistMapping(new AccountId(rs.getLong("account_id")), rs.getString("slug"), rs.getString("name"),
				rs.getString("spotify_playlist_id"), trackIds, rs.getString("pushed_hash"), rs.getString("snapshot_id"),
				MappingStatus.of(rs.getString("status")), instant(rs, "pushed_at"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
