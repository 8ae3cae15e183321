package dev.spotifytracker.plays;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code play_settings} table: the shortest stream that counts as a play, per
 * account.
 */
@Repository
class PlaySettings {

	/** DESIGN.md "Counting": 30 seconds unless the account says otherwise. */
	static final int DEFAULT_THRESHOLD_MS = 30_000;

	static final int MAX_THRESHOLD_MS = 600_000;

	private final JdbcClient jdbc;

	PlaySettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int thresholdMs(AccountId account) {
		return this.jdbc.sql("select min_play_ms from play_settings where account_id = ?")
			.param(account.value())
			.query(Integer.class)
			.optional()
			.orElse(DEFAULT_THRESHOLD_MS);
	}

	void setThresholdMs(AccountId account, int thresholdMs) {
		this.jdbc.sql("""
				insert into play_settings (account_id, min_play_ms) values (:account, :ms)
				on conflict (account_id) do update set min_play_ms = excluded.min_play_ms
				""").param("account", account.value()).param("ms", thresholdMs).update();
	}

}
