package dev.spotifytracker.playlist;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of each smart playlist rule, exactly as issue 6 defines them, one parameterised
 * query per rule.
 *
 * <p>
 * A rule joins the library and the plays in one query, which must run in well under a
 * second on 50,000 library tracks and 1,000,000 plays (see PlaylistBenchmark): it reads
 * the read models those modules publish ({@code library_tracks}, {@code catalog_tracks},
 * {@code counted_plays}, {@code track_play_counts}), never their tables.
 *
 * <p>
 * Definitions: a library track is a liked track or a track of a saved album;
 * {@code library_added_at} is the earliest of its liked and saved-album dates. Eligible:
 * not known to be unplayable (unknown counts as playable) and not excluded (from every
 * playlist or from this one: {@link ExclusionSql}). Every ordering ends with the track id
 * so equal keys never reorder between runs. A window "the last N days" holds everything
 * at or after now minus N days.
 */
@Component
class PlaylistQueries {

	/**
	 * The account's eligible library tracks.
	 */
	private static final String ELIGIBLE = """
			with eligible as (
			    select lib.track_id, lib.added_at as library_added_at, lib.liked_at
			    from library_tracks lib
			    where lib.account_id = :account and lib.is_playable is not false
			""" + ExclusionSql.notExcluded("lib.track_id") + """
			)
			""";

	/** Counted plays per track. */
	private static final String STATS = """
			, stats as (
			    select track_id, plays as play_count, last_played_at
			    from track_play_counts where account_id = :account
			)
			""";

	// count(*) over () is the number of matching tracks before the limit. "Never played"
	// asks track_play_counts (a row per played track) rather than the plays themselves:
	// one look-up per library track instead of a probe into every play of the account.

	private static final String NEVER_PLAYED = ELIGIBLE
			+ """
					select e.track_id, count(*) over () as matching
					from eligible e join catalog_tracks t on t.track_id = e.track_id
					where not exists (select 1 from track_play_counts p where p.account_id = :account and p.track_id = e.track_id)
					order by e.library_added_at desc, t.album_id, t.disc_number, t.track_number, e.track_id
					limit :limit
					""";

	private static final String PLAYED_ONCE = ELIGIBLE + STATS + """
			select e.track_id, count(*) over () as matching
			from eligible e join stats s on s.track_id = e.track_id
			where s.play_count = 1
			order by s.last_played_at desc, e.track_id
			limit :limit
			""";

	private static final String OLDEST_PLAYED = ELIGIBLE + STATS + """
			select e.track_id, count(*) over () as matching
			from eligible e join stats s on s.track_id = e.track_id
			where s.play_count >= 2
			order by s.last_played_at asc, e.track_id
			limit :limit
			""";

	private static final String MOST_PLAYED = ELIGIBLE + STATS + """
			select e.track_id, count(*) over () as matching
			from eligible e join stats s on s.track_id = e.track_id
			where s.play_count >= 1
			order by s.play_count desc, s.last_played_at desc, e.track_id
			limit :limit
			""";

	private static final String LIKED_LAST_DAYS = ELIGIBLE + """
			select e.track_id, count(*) over () as matching
			from eligible e
			where e.liked_at >= :since
			order by e.liked_at desc, e.track_id
			limit :limit
			""";

	private static final String NEW_NEVER_PLAYED = ELIGIBLE
			+ """
					select e.track_id, count(*) over () as matching
					from eligible e join catalog_tracks t on t.track_id = e.track_id
					where e.library_added_at >= :since
					  and not exists (select 1 from track_play_counts p where p.account_id = :account and p.track_id = e.track_id)
					order by e.library_added_at desc, t.album_id, t.disc_number, t.track_number, e.track_id
					limit :limit
					""";

	private final JdbcClient jdbc;

	PlaylistQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rule's tracks for the account, in playlist order, at most
	 * {@code settings.limit()}.
	 * @param now the instant day windows end at
	 */
	RuleSelection select(AccountId account, RuleSettings settings, Instant now) {
		SmartPlaylistRule rule = settings.rule();
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql(rule))
			.param("account", account.value())
			.param("limit", settings.limit())
			.param("exclusionPlaylist", rule.slug());
		if (rule.hasWindow()) {
			statement = statement.param("since",
					OffsetDateTime.ofInstant(now.minus(rule.window(settings)), ZoneOffset.UTC));
		}
		List<String> tracks = new ArrayList<>();
		int[] matching = { 0 };
		statement.query((rs) -> {
			tracks.add(rs.getString("track_id"));
			matching[0] = rs.getInt("matching");
		});
		return new RuleSelection(tracks, matching[0]);
	}

	static String sql(SmartPlaylistRule rule) {
		return switch (rule) {
			case NEVER_PLAYED -> NEVER_PLAYED;
			case PLAYED_ONCE -> PLAYED_ONCE;
			case OLDEST_PLAYED -> OLDEST_PLAYED;
			case MOST_PLAYED -> MOST_PLAYED;
			case LIKED_LAST_30_DAYS -> LIKED_LAST_DAYS;
			case NEW_NEVER_PLAYED -> NEW_NEVER_PLAYED;
		};
	}

	/**
	 * @param trackIds the playlist's tracks, in order
	 * @param matching how many tracks match the rule before the limit
	 */
	record RuleSelection(List<String> trackIds, int matching) {

		RuleSelection {
			trackIds = List.copyOf(trackIds);
		}

	}

}
