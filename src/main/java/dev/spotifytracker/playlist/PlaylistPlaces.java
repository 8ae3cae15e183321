package dev.spotifytracker.playlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A track's place in each of an account's smart playlists, for the track page. It reads
 * what was last pushed ({@code playlist_mappings.pushed_track_ids}), the contents of the
 * Spotify playlist as far as we know them, rather than running every rule again: that
 * costs no Spotify call and one small query, where the rules' selections cost a query
 * over the whole library each.
 */
@Service
public class PlaylistPlaces {

	private final JdbcClient jdbc;

	private final RuleSettingsRepository settings;

	PlaylistPlaces(JdbcClient jdbc, RuleSettingsRepository settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * The six built-in playlists in their fixed order, then the account's rule playlists
	 * by name.
	 */
	@Transactional(readOnly = true)
	public List<PlaylistPlace> of(AccountId account, String trackId) {
		Map<String, Pushed> pushed = new HashMap<>();
		this.jdbc.sql("""
				select slug, status, spotify_playlist_id, cardinality(pushed_track_ids) as size,
				       array_position(pushed_track_ids, :track::text) as position, pushed_at
				from playlist_mappings where account_id = :account
				""").param("account", account.value()).param("track", trackId).query((rs) -> {
			pushed.put(rs.getString("slug"), Pushed.of(rs));
		});
		List<PlaylistPlace> places = new ArrayList<>();
		this.settings.findAll(account)
			.values()
			.forEach((rule) -> places.add(place(rule.rule().slug(), rule.rule().displayName(), true, rule.enabled(),
					pushed.get(rule.rule().slug()))));
		this.jdbc.sql("select slug, name from rule_playlists where account_id = ? order by lower(name), slug")
			.param(account.value())
			.query((rs) -> {
				places.add(place(rs.getString("slug"), rs.getString("name"), false, true,
						pushed.get(rs.getString("slug"))));
			});
		return places;
	}

	private static PlaylistPlace place(String slug, String name, boolean builtIn, boolean enabled, Pushed pushed) {
		if (pushed == null) {
			return new PlaylistPlace(slug, name, builtIn, enabled, null, null, 0, null, null);
		}
		return new PlaylistPlace(slug, name, builtIn, enabled, pushed.status(), pushed.position(), pushed.size(),
				(pushed.pushedAt() != null) ? pushed.pushedAt().toInstant() : null,
				"https://open.spotify.com/playlist/" + pushed.playlistId());
	}

	private record Pushed(MappingStatus status, String playlistId, int size, Integer position,
			OffsetDateTime pushedAt) {

		static Pushed of(ResultSet rs) throws SQLException {
			return new Pushed(MappingStatus.of(rs.getString("status")), rs.getString("spotify_playlist_id"),
					rs.getInt("size"), rs.getObject("position", Integer.class),
					rs.getObject("pushed_at", OffsetDateTime.class));
		}

	}

}
