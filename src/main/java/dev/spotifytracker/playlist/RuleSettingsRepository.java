package dev.spotifytracker.playlist;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code playlist_rules} table: an account's settings per rule; a missing row means
 * the rule's defaults.
 */
@Repository
class RuleSettingsRepository {

	private final JdbcClient jdbc;

	RuleSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every rule's settings, in rule order.
	 */
	Map<SmartPlaylistRule, RuleSettings> findAll(AccountId account) {
		Map<SmartPlaylistRule, RuleSettings> settings = new EnumMap<>(SmartPlaylistRule.class);
		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			settings.put(rule, rule.defaults());
		}
		this.jdbc.sql("select slug, enabled, track_limit, window_days from playlist_rules where account_id = ?")
			.param(account.value())
			.query((rs) -> {
				Optional<SmartPlaylistRule> rule = SmartPlaylistRule.bySlug(rs.getString("slug"));
				if (rule.isPresent()) {
					Integer window = rs.getObject("window_days", Integer.class);
					settings.put(rule.get(), new RuleSettings(rule.get(), rs.getBoolean("enabled"),
							rs.getInt("track_limit"), window(rule.get(), window), false));
				}
			});
		return settings;
	}

	private static Integer window(SmartPlaylistRule rule, Integer stored) {
		if (!rule.hasWindow()) {
			return null;
		}
		return (stored != null) ? stored : rule.defaultWindowDays();
	}

	RuleSettings find(AccountId account, SmartPlaylistRule rule) {
		return findAll(account).get(rule);
	}

	void save(AccountId account, RuleSettings settings) {
		this.jdbc.sql("""
				insert into playlist_rules (account_id, slug, enabled, track_limit, window_days)
				values (:account, :slug, :enabled, :limit, :window)
				on conflict (account_id, slug) do update set
				  enabled = excluded.enabled, track_limit = excluded.track_limit, window_days = excluded.window_days
				""")
			.param("account", account.value())
			.param("slug", settings.rule().slug())
			.param("enabled", settings.enabled())
			.param("limit", settings.limit())
			.param("window", settings.windowDays(), java.sql.Types.INTEGER)
			.update();
	}

}
