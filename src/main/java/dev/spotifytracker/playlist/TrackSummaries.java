package dev.spotifytracker.playlist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Names, artists and albums of tracks for previews, from the catalog's read models
 * ({@code catalog_tracks}, {@code catalog_track_artists}): one query for a whole list
 * instead of a service call per track.
 */
@Component
class TrackSummaries {

	private final JdbcClient jdbc;

	TrackSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return a summary per id, in the order given; an id the catalog does not hold gets
	 * a summary without a name
	 */
	List<TrackSummary> of(List<String> trackIds) {
		if (trackIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select wanted.id as track_id, t.track_name as name, t.album_name as album,
				       array_remove(array_agg(ta.artist_name order by ta.position), null) as artists
				from unnest(:ids) with ordinality as wanted (id, ord)
				left join catalog_tracks t on t.track_id = wanted.id
				left join catalog_track_artists ta on ta.track_id = t.track_id
				group by wanted.ord, wanted.id, t.track_name, t.album_name
				order by wanted.ord
				""").param("ids", new SqlArrayValue("text", trackIds.toArray())).query(TrackSummaries::map).list();
	}

	static TrackSummary map(ResultSet rs, int row) throws SQLException {
		Array artists = rs.getArray("artists");
		List<String> names = (artists != null) ? Arrays.asList((String[]) artists.getArray()) : List.of();
		return new TrackSummary(rs.getString("track_id"), rs.getString("name"), names, rs.getString("album"));
	}

}
