package dev.spotifytracker.playlist;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.playlist.PlaylistQueries.RuleSelection;
import dev.spotifytracker.playlist.RuleCompiler.CompiledRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a rule playlist's compiled query: its tracks in playlist order and how many
 * candidates matched before the limit. Reads only; no Spotify call.
 */
@Component
class RuleQueries {

	private final JdbcClient jdbc;

	RuleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param now the instant day windows end at
	 * @param zone the account's zone, for dates written without a time
	 */
	RuleSelection select(AccountId account, PlaylistRule rule, Instant now, ZoneId zone) {
		return select(account, ExclusionSql.NO_PLAYLIST, rule, now, zone);
	}

	/**
	 * @param playlist the playlist's slug, whose own exclusions apply besides the
	 * account's global ones ({@link ExclusionSql#NO_PLAYLIST} for a rule not yet stored)
	 */
	RuleSelection select(AccountId account, String playlist, PlaylistRule rule, Instant now, ZoneId zone) {
		CompiledRule compiled = RuleCompiler.compile(rule, account, playlist, now, zone);
		List<String> tracks = new ArrayList<>();
		int[] matched = { 0 };
		this.jdbc.sql(compiled.sql()).params(compiled.params()).query((rs) -> {
			matched[0] = rs.getInt("matched");
			String track = rs.getString("track_id");
			if (track != null) {
				tracks.add(track);
			}
		});
		return new RuleSelection(tracks, matched[0]);
	}

}
