package dev.spotifytracker.plays;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.TrackPlays;
import dev.spotifytracker.spotify.PlayedTrack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the {@code plays} table; {@link PlayWrites} writes it.
 */
@Repository
class PlayRepository {

	private final JdbcClient jdbc;

	PlayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> newestPlayedAt(AccountId account) {
		return this.jdbc.sql("select max(played_at) from plays where account_id = ?")
			.param(account.value())
			.query((rs, row) -> instant(rs, 1))
			.optional();
	}

	long count(AccountId account) {
		return this.jdbc.sql("select count(*) from counted_plays where account_id = ?")
			.param(account.value())
			.query(Long.class)
			.single();
	}

	Map<String, TrackPlays> forTracks(AccountId account, Collection<String> trackIds) {
		if (trackIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select track_id, plays, first_played_at, last_played_at from track_play_counts
				where account_id = :account and track_id = any(:tracks::text[])
				""")
			.param("account", account.value())
			.param("tracks", trackIds.toArray(String[]::new))
			.query((rs, row) -> new TrackPlays(rs.getString(1), rs.getLong(2), instant(rs, 3), instant(rs, 4)))
			.list()
			.stream()
			.collect(Collectors.toMap(TrackPlays::trackId, Function.identity()));
	}

	/**
	 * @return those of the tracks any account played, looked up per account with plays
	 * (V240: plays have no index by track alone)
	 */
	Set<String> playedAmong(Collection<String> trackIds) {
		if (trackIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select t.id from unnest(:tracks::text[]) as t(id)
				where exists (select 1 from plays_accounts() a(account_id)
				              join plays p on p.account_id = a.account_id and p.track_id = t.id)
				""").param("tracks", trackIds.toArray(String[]::new)).query(String.class).list());
	}

	boolean played(AccountId account, String trackId) {
		return this.jdbc.sql("select exists (select 1 from plays where account_id = :account and track_id = :track)")
			.param("account", account.value())
			.param("track", trackId)
			.query(Boolean.class)
			.single();
	}

	List<RecentPlay> recent(AccountId account, int limit) {
		// the names come from the library's catalog read models: one query instead of one
		// look-up per play
		return this.jdbc.sql("""
				select p.played_at, p.track_id, t.track_name,
				       (select string_agg(ta.artist_name, ', ' order by ta.position) from catalog_track_artists ta
				        where ta.track_id = t.track_id) as artists,
				       t.album_id, t.album_name, p.context_uri, p.source
				from plays p
				join catalog_tracks t on t.track_id = p.track_id
				where p.account_id = :account
				order by p.played_at desc, p.id desc
				limit :limit
				""")
			.param("account", account.value())
			.param("limit", limit)
			.query((rs, row) -> new RecentPlay(instant(rs, 1), rs.getString("track_id"), rs.getString("track_name"),
					rs.getString("artists"), rs.getString("album_id"), rs.getString("album_name"),
					rs.getString("context_uri"), rs.getString("source")))
			.list();
	}

	private static <T> String[] column(List<T> rows, Function<T, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
