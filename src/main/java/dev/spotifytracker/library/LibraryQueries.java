package dev.spotifytracker.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the library: counts, searches and a track's detail.
 */
@Repository
class LibraryQueries {

	/**
	 * The account's library tracks: liked, or on a saved album.
	 */
	private static final String LIBRARY = """
			with library as (
			  select track_id from liked_tracks where account_id = :account
			  union
			  select t.id from saved_albums s join tracks t on t.album_id = s.album_id where s.account_id = :account
			)
			""";

	private static final String TRACK_ARTISTS = """
			(select string_agg(ar.name, ', ' order by ta.position) from track_artists ta
			 join artists ar on ar.id = ta.artist_id where ta.track_id = t.id)
			""";

	private static final String ALBUM_ARTISTS = """
			(select string_agg(ar.name, ', ' order by aa.position) from album_artists aa
			 join artists ar on ar.id = aa.artist_id where aa.album_id = al.id)
			""";

	private final JdbcClient jdbc;

	LibraryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LibraryCounts counts(AccountId account) {
		return this.jdbc.sql(LIBRARY + """
				select (select count(*) from saved_albums where account_id = :account),
				       (select count(*) from library),
				       (select count(*) from liked_tracks where account_id = :account),
				       (select count(*) from library lib join track_availability av
				          on av.account_id = :account and av.track_id = lib.track_id and av.is_playable = false)
				""")
			.param("account", account.value())
			.query((rs, row) -> new LibraryCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
	}

	List<LibraryTrack> tracks(AccountId account, String query, int limit, int offset) {
		return this.jdbc.sql(LIBRARY + """
				select t.id, t.name, %s as artists, al.id as album_id, al.name as album_name, t.duration_ms,
				       l.added_at as liked_at, s.added_at as saved_at, av.is_playable, al.image_url
				from library lib
				join tracks t on t.id = lib.track_id
				join albums al on al.id = t.album_id
				left join liked_tracks l on l.account_id = :account and l.track_id = t.id
				left join saved_albums s on s.account_id = :account and s.album_id = t.album_id
				left join track_availability av on av.account_id = :account and av.track_id = t.id
				where :pattern = '%%' or t.name ilike :pattern or al.name ilike :pattern
				   or exists (select 1 from track_artists ta join artists ar on ar.id = ta.artist_id
				              where ta.track_id = t.id and ar.name ilike :pattern)
				order by lower(t.name), t.id
				limit :limit offset :offset
				""".formatted(TRACK_ARTISTS))
			.param("account", account.value())
			.param("pattern", pattern(query))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new LibraryTrack(rs.getString("id"), rs.getString("name"), rs.getString("artists"),
					rs.getString("album_id"), rs.getString("album_name"), (Integer) rs.getObject("duration_ms"),
					instant(rs, "liked_at"), instant(rs, "saved_at"), (Boolean) rs.getObject("is_playable"),
					rs.getString("image_url")))
			.list();
	}

	List<LibraryAlbum> albums(AccountId account, String query, int limit, int offset) {
		return this.jdbc.sql(LIBRARY + """
				, library_albums as (
				  select album_id from saved_albums where account_id = :account
				  union
				  select t.album_id from library lib join tracks t on t.id = lib.track_id
				)
				select al.id, al.name, %s as artists, al.release_date, al.total_tracks, al.image_url,
				       s.added_at as saved_at
				from library_albums la
				join albums al on al.id = la.album_id
				left join saved_albums s on s.account_id = :account and s.album_id = al.id
				where :pattern = '%%' or al.name ilike :pattern
				   or exists (select 1 from album_artists aa join artists ar on ar.id = aa.artist_id
				              where aa.album_id = al.id and ar.name ilike :pattern)
				order by lower(al.name), al.id
				limit :limit offset :offset
				""".formatted(ALBUM_ARTISTS))
			.param("account", account.value())
			.param("pattern", pattern(query))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new LibraryAlbum(rs.getString("id"), rs.getString("name"), rs.getString("artists"),
					rs.getString("release_date"), (Integer) rs.getObject("total_tracks"), rs.getString("image_url"),
					instant(rs, "saved_at")))
			.list();
	}

	List<LibraryArtist> artists(AccountId account, String query, int limit, int offset) {
		return this.jdbc.sql(LIBRARY + """
				select ar.id, ar.name, count(distinct lib.track_id) as tracks
				from library lib
				join track_artists ta on ta.track_id = lib.track_id
				join artists ar on ar.id = ta.artist_id
				where :pattern = '%' or ar.name ilike :pattern
				group by ar.id, ar.name
				order by lower(ar.name), ar.id
				limit :limit offset :offset
				""")
			.param("account", account.value())
			.param("pattern", pattern(query))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new LibraryArtist(rs.getString("id"), rs.getString("name"), rs.getInt("tracks")))
			.list();
	}

	/**
	 * @param outsideLibrary whether the account may see the track though it is not in its
	 * library (it played it); the catalog is shared, and another account's track is not
	 * this account's to see
	 */
	Optional<TrackDetail> track(AccountId account, String trackId, boolean outsideLibrary) {
		Optional<TrackRow> found = this.jdbc
			.sql("""
					select t.id, t.name, t.duration_ms, t.explicit, t.isrc, l.added_at as liked_at,
					       av.is_playable, av.reason, av.checked_at
					from tracks t
					left join liked_tracks l on l.account_id = :account and l.track_id = t.id
					left join track_availability av on av.account_id = :account and av.track_id = t.id
					where t.id = :track
					  and (:outsideLibrary or l.track_id is not null
					       or exists (select 1 from saved_albums s where s.account_id = :account and s.album_id = t.album_id))
					""")
			.param("account", account.value())
			.param("track", trackId)
			.param("outsideLibrary", outsideLibrary)
			.query((rs, row) -> new TrackRow(rs.getString("id"), rs.getString("name"),
					(Integer) rs.getObject("duration_ms"), (Boolean) rs.getObject("explicit"), rs.getString("isrc"),
					instant(rs, "liked_at"), (Boolean) rs.getObject("is_playable"), rs.getString("reason"),
					instant(rs, "checked_at")))
			.optional();
		return found.map((row) -> new TrackDetail(row.id(), row.name(), artistsOf(trackId), row.durationMs(),
				row.explicit(), row.isrc(), albumsOf(account, trackId), row.likedAt(), row.playable(), row.reason(),
				row.checkedAt()));
	}

	private List<String> artistsOf(String trackId) {
		return this.jdbc.sql("""
				select ar.name from track_artists ta join artists ar on ar.id = ta.artist_id
				where ta.track_id = :track order by ta.position
				""").param("track", trackId).query(String.class).list();
	}

	private List<TrackDetail.AlbumSaved> albumsOf(AccountId account, String trackId) {
		return this.jdbc.sql("""
				select al.id, al.name, s.added_at, bool_or(t.id = :track) as own
				from tracks me
				join tracks t on t.id = me.id or (me.isrc is not null and t.isrc = me.isrc)
				join albums al on al.id = t.album_id
				left join saved_albums s on s.account_id = :account and s.album_id = al.id
				where me.id = :track
				group by al.id, al.name, s.added_at
				order by s.added_at desc nulls last, own desc, al.id
				""")
			.param("account", account.value())
			.param("track", trackId)
			.query((rs, row) -> new TrackDetail.AlbumSaved(rs.getString("id"), rs.getString("name"),
					instant(rs, "added_at")))
			.list();
	}

	/**
	 * An ILIKE pattern matching the words as typed, {@code %} and {@code _} taken
	 * literally.
	 */
	static String pattern(String query) {
		if (query == null || query.isBlank()) {
			return "%";
		}
		String escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record TrackRow(String id, String name, Integer durationMs, Boolean explicit, String isrc, Instant likedAt,
			Boolean playable, String reason, Instant checkedAt) {

	}

}
