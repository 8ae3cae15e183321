package dev.spotifytracker.playlist;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code playlist_exclusions} table, owned by this module: albums and artists kept
 * out of every smart playlist, and tracks, albums and artists kept out of one. (Tracks
 * kept out of every playlist are {@link ExcludedTrackRepository}'s.)
 */
@Repository
class PlaylistExclusionRepository {

	private final JdbcClient jdbc;

	PlaylistExclusionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param playlist a slug, or null for every playlist
	 * @return false when it was already excluded there
	 */
	boolean exclude(AccountId account, String kind, String spotifyId, String playlist, Instant now) {
		return this.jdbc.sql("""
				insert into playlist_exclusions (account_id, kind, spotify_id, playlist, excluded_at)
				values (:account, :kind, :id, :playlist, :now)
				on conflict on constraint playlist_exclusions_once do nothing
				""")
			.param("account", account.value())
			.param("kind", kind)
			.param("id", spotifyId)
			.param("playlist", playlist, java.sql.Types.VARCHAR)
			.param("now", PlaylistMappingRepository.timestamp(now))
			.update() > 0;
	}

	/**
	 * @param playlist a slug, or null for every playlist
	 * @return false when it was not excluded there
	 */
	boolean include(AccountId account, String kind, String spotifyId, String playlist) {
		return this.jdbc.sql("""
				delete from playlist_exclusions
				where account_id = :account and kind = :kind and spotify_id = :id
				  and playlist is not distinct from :playlist
				""")
			.param("account", account.value())
			.param("kind", kind)
			.param("id", spotifyId)
			.param("playlist", playlist, java.sql.Types.VARCHAR)
			.update() > 0;
	}

	/**
	 * A deleted rule playlist's own exclusions go with it: a later rule may get its slug.
	 */
	void forget(AccountId account, String playlist) {
		this.jdbc.sql("delete from playlist_exclusions where account_id = :account and playlist = :playlist")
			.param("account", account.value())
			.param("playlist", playlist)
			.update();
	}

	/**
	 * The account's exclusions, the most recent first, named from the catalog (their ids
	 * were the account's own when excluded); {@code playlistName} is left null.
	 */
	List<PlaylistExclusion> findAll(AccountId account) {
		return this.jdbc
			.sql("""
					select x.kind, x.spotify_id, x.playlist, x.excluded_at,
					       case x.kind
					         when 'track' then (select t.track_name from catalog_tracks t where t.track_id = x.spotify_id)
					         when 'album' then (select t.album_name from catalog_tracks t where t.album_id = x.spotify_id limit 1)
					         else (select a.artist_name from catalog_track_artists a where a.artist_id = x.spotify_id limit 1)
					       end as name
					from playlist_exclusions x
					where x.account_id = :account
					order by x.excluded_at desc, x.kind, x.spotify_id collate "C", x.playlist collate "C" nulls first
					""")
			.param("account", account.value())
			.query((rs, row) -> new PlaylistExclusion(rs.getString("kind"), rs.getString("spotify_id"),
					rs.getString("playlist"), null, rs.getString("name"),
					rs.getObject("excluded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The catalog's name of a track, album or artist, or null. */
	String name(String kind, String spotifyId) {
		return this.jdbc.sql("""
				select case :kind
				  when 'track' then (select t.track_name from catalog_tracks t where t.track_id = :id)
				  when 'album' then (select t.album_name from catalog_tracks t where t.album_id = :id limit 1)
				  else (select a.artist_name from catalog_track_artists a where a.artist_id = :id limit 1)
				end
				""").param("kind", kind).param("id", spotifyId).query(String.class).optional().orElse(null);
	}

	/**
	 * Whether the account's library or counted plays hold the track, a track of the album
	 * or a track crediting the artist: only those can be excluded (the catalog is shared,
	 * so any other id would name what other accounts hold).
	 */
	boolean isKnown(AccountId account, String kind, String spotifyId) {
		String tracks = switch (kind) {
			case "track" -> "select :id as track_id";
			case "album" -> "select t.track_id from catalog_tracks t where t.album_id = :id";
			default -> "select a.track_id from catalog_track_artists a where a.artist_id = :id";
		};
		return this.jdbc
			.sql("""
					select exists (
					    select 1 from (%s) k
					    where exists (select 1 from library_tracks l where l.account_id = :account and l.track_id = k.track_id)
					       or exists (select 1 from counted_plays p where p.account_id = :account and p.track_id = k.track_id))
					"""
				.formatted(tracks))
			.param("account", account.value())
			.param("id", spotifyId)
			.query(Boolean.class)
			.single();
	}

}
