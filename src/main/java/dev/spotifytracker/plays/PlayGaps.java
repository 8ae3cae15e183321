package dev.spotifytracker.plays;

import java.sql.Timestamp;
import java.time.Instant;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code play_gaps} table: stretches the plays poll may have missed, open until an
 * import's rows cover them.
 */
@Repository
class PlayGaps {

	private final JdbcClient jdbc;

	PlayGaps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(AccountId account, PlayGap gap) {
		this.jdbc.sql("""
				insert into play_gaps (account_id, from_at, to_at) values (:account, :from, :to)
				on conflict (account_id, from_at, to_at) do nothing
				""")
			.param("account", account.value())
			.param("from", Timestamp.from(gap.from()))
			.param("to", Timestamp.from(gap.to()))
			.update();
	}

	/**
	 * Closes the account's open gaps that the import's rows cover: the export reaches
	 * from before the gap's start to after its end, so whatever was played in between is
	 * in it.
	 * @return the gaps closed
	 */
	int closeCovered(AccountId account, long importId) {
		return this.jdbc.sql("""
				update play_gaps g set closed_at = now(), closed_by = :import
				from (select min(ts) as first_ts, max(ts) as last_ts from import_rows where account_id = :account) r
				where g.account_id = :account and g.closed_at is null
				  and r.first_ts <= g.from_at and r.last_ts >= g.to_at
				""").param("account", account.value()).param("import", importId).update();
	}

	/**
	 * @return whether the gap was recorded and has been closed since
	 */
	boolean closed(AccountId account, Instant from, Instant to) {
		return this.jdbc.sql("""
				select closed_at is not null from play_gaps
				where account_id = :account and from_at = :from and to_at = :to
				""")
			.param("account", account.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
