package dev.spotifytracker.playlist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * @return per track id, its album and credited artists with their ids, for the
	 * exclude menus of a list; an id the catalog does not hold is left out
	 */
	Map<String, ExclusionChoice> choices(Collection<String> trackIds) {
		if (trackIds.isEmpty()) {
			return Map.of();
		}
		Map<String, ExclusionChoice> choices = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select t.track_id, t.track_name, t.album_id, t.album_name,
					       array_remove(array_agg(ta.artist_id order by ta.position), null) as artist_ids,
					       array_agg(ta.artist_name order by ta.position) filter (where ta.artist_id is not null) as artist_names
					from catalog_tracks t
					left join catalog_track_artists ta on ta.track_id = t.track_id
					where t.track_id = any(:ids)
					group by t.track_id, t.track_name, t.album_id, t.album_name
					""")
			.param("ids", new SqlArrayValue("text", trackIds.toArray()))
			.query((rs) -> {
				String[] ids = strings(rs.getArray("artist_ids"));
				String[] names = strings(rs.getArray("artist_names"));
				List<ExclusionChoice.Artist> artists = new ArrayList<>();
				for (int i = 0; i < ids.length; i++) {
					artists.add(new ExclusionChoice.Artist(ids[i], (i < names.length) ? names[i] : null));
				}
				choices.put(rs.getString("track_id"), new ExclusionChoice(rs.getString("track_id"),
						rs.getString("track_name"), rs.getString("album_id"), rs.getString("album_name"), artists));
			});
		return choices;
	}

	private static String[] strings(Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	static TrackSummary map(ResultSet rs, int row) throws SQLException {
		Array artists = rs.getArray("artists");
		List<String> names = (artists != null) ? Arrays.asList((String[]) artists.getArray()) : List.of();
		return new TrackSummary(rs.getString("track_id"), rs.getString("name"), names, rs.getString("album"));
	}

}
