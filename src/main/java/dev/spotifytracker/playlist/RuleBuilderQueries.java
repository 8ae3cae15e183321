package dev.spotifytracker.playlist;

import java.util.List;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the builder asks besides the rule itself, from the library's read models: artist
 * names for suggestions and a playlist's total length.
 */
@Repository
class RuleBuilderQueries {

	/** Suggestions shown at once; more letters narrow them. */
	static final int SUGGESTIONS = 20;

	private final JdbcClient jdbc;

	RuleBuilderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return names of artists credited on the account's library tracks that begin with
	 * the text (case-insensitive; {@code %} and {@code _} are plain characters)
	 */
	List<String> artistsStartingWith(AccountId account, String typed) {
		String prefix = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return this.jdbc.sql("""
				select ta.artist_name
				from library_tracks lt
				join catalog_track_artists ta on ta.track_id = lt.track_id
				where lt.account_id = :account and ta.artist_name ilike :prefix || '%'
				group by ta.artist_name
				order by count(*) desc, ta.artist_name
				limit :limit
				""")
			.param("account", account.value())
			.param("prefix", prefix)
			.param("limit", SUGGESTIONS)
			.query(String.class)
			.list();
	}

	long totalDurationMs(List<String> trackIds) {
		if (trackIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select coalesce(sum(duration_ms), 0) from catalog_tracks where track_id = any(:ids)")
			.param("ids", trackIds.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

}
