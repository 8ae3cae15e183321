package dev.spotifytracker.playlist;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code excluded_tracks} table, owned by this module: tracks an account keeps out of
 * every smart playlist.
 */
@Repository
class ExcludedTrackRepository {

	private final JdbcClient jdbc;

	ExcludedTrackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the track was already excluded
	 */
	boolean exclude(AccountId account, String trackId, Instant now) {
		return this.jdbc.sql("""
				insert into excluded_tracks (account_id, track_id, excluded_at) values (?, ?, ?)
				on conflict (account_id, track_id) do nothing
				""").params(account.value(), trackId, PlaylistMappingRepository.timestamp(now)).update() > 0;
	}

	/**
	 * @return false when the track was not excluded
	 */
	boolean include(AccountId account, String trackId) {
		return this.jdbc.sql("delete from excluded_tracks where account_id = ? and track_id = ?")
			.params(account.value(), trackId)
			.update() > 0;
	}

	Set<String> trackIds(AccountId account) {
		return new HashSet<>(this.jdbc.sql("select track_id from excluded_tracks where account_id = ?")
			.param(account.value())
			.query(String.class)
			.list());
	}

	/**
	 * The account's exclusions, the most recent first, with names from the catalog where
	 * it still holds the track and the track is the account's: in its library or its
	 * plays (the library's and the plays' read models). The catalog is shared, so a name
	 * for any id would tell what other accounts hold.
	 */
	List<ExcludedTrack> findAll(AccountId account) {
		return this.jdbc
			.sql("""
					select x.track_id, x.excluded_at, t.track_name as name, t.album_name as album,
					       array_remove(array_agg(ta.artist_name order by ta.position), null) as artists
					from excluded_tracks x
					left join catalog_tracks t on t.track_id = x.track_id
					  and (exists (select 1 from library_tracks l where l.account_id = x.account_id and l.track_id = t.track_id)
					       or exists (select 1 from counted_plays p where p.account_id = x.account_id and p.track_id = t.track_id))
					left join catalog_track_artists ta on ta.track_id = t.track_id
					where x.account_id = ?
					group by x.track_id, x.excluded_at, t.track_name, t.album_name
					order by x.excluded_at desc, x.track_id
					""")
			.param(account.value())
			.query((rs, row) -> new ExcludedTrack(TrackSummaries.map(rs, row),
					rs.getObject("excluded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
