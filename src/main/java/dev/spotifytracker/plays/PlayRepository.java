package dev.spotifytracker.plays;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.PlayedTrack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code plays} table. Rows are only ever inserted.
 */
@Repository
class PlayRepository {

	static final String RECENTLY_PLAYED = "recently_played";

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

	/**
	 * Inserts plays from recently played ({@code ms_played} unknown); plays already
	 * stored (same account, time and track) are skipped.
	 * @return the plays inserted
	 */
	int insertRecentlyPlayed(AccountId account, List<PlayedTrack> plays) {
		if (plays.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("""
					insert into plays (account_id, track_id, played_at, ms_played, source, context_uri)
					select :account, p.track_id, p.played_at, null, :source, p.context_uri
					from unnest(:tracks::text[], :at::timestamptz[], :contexts::text[]) as p(track_id, played_at, context_uri)
					on conflict (account_id, played_at, track_id) do nothing
					""")
			.param("account", account.value())
			.param("source", RECENTLY_PLAYED)
			.param("tracks", column(plays, (play) -> play.track().id()))
			.param("at", column(plays, (play) -> play.playedAt().toString()))
			.param("contexts", column(plays, PlayedTrack::contextUri))
			.update();
	}

	long count(AccountId account) {
		return this.jdbc.sql("select count(*) from plays where account_id = ?")
			.param(account.value())
			.query(Long.class)
			.single();
	}

	Map<String, TrackPlays> forTracks(AccountId account, Collection<String> trackIds) {
		if (trackIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select track_id, count(*), min(played_at), max(played_at) from plays
				where account_id = :account and track_id = any(:tracks::text[])
				group by track_id
				""")
			.param("account", account.value())
			.param("tracks", trackIds.toArray(String[]::new))
			.query((rs, row) -> new TrackPlays(rs.getString(1), rs.getLong(2), instant(rs, 3), instant(rs, 4)))
			.list()
			.stream()
			.collect(Collectors.toMap(TrackPlays::trackId, Function.identity()));
	}

	List<RecentPlay> recent(AccountId account, int limit) {
		// joins the library module's catalog tables for the names: one query instead of
		// one
		// look-up per play
		return this.jdbc.sql("""
				select p.played_at, p.track_id, t.name as track_name,
				       (select string_agg(ar.name, ', ' order by ta.position) from track_artists ta
				        join artists ar on ar.id = ta.artist_id where ta.track_id = t.id) as artists,
				       al.id as album_id, al.name as album_name, p.context_uri, p.source
				from plays p
				join tracks t on t.id = p.track_id
				join albums al on al.id = t.album_id
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
