package dev.spotifytracker.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code list_sync_state}: what the last full pass of each account's list found, so an
 * incremental pass can tell a lasting gap between Spotify's total and the stored list
 * from a new change.
 */
@Repository
class LastFullPasses {

	private final JdbcClient jdbc;

	LastFullPasses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IncrementalPlan.LastFullPass> find(AccountId account, ListTable list) {
		return this.jdbc.sql("""
				select full_pass_total, full_pass_stored from list_sync_state
				where account_id = :account and list = :list
				""")
			.param("account", account.value())
			.param("list", list.table())
			.query((rs, row) -> new IncrementalPlan.LastFullPass(rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	void save(AccountId account, ListTable list, IncrementalPlan.LastFullPass pass, Instant at) {
		this.jdbc.sql("""
				insert into list_sync_state (account_id, list, full_pass_total, full_pass_stored, full_pass_at)
				values (:account, :list, :total, :stored, :at)
				on conflict (account_id, list) do update
				set full_pass_total = excluded.full_pass_total, full_pass_stored = excluded.full_pass_stored,
				    full_pass_at = excluded.full_pass_at
				""")
			.param("account", account.value())
			.param("list", list.table())
			.param("total", pass.total())
			.param("stored", pass.stored())
			.param("at", Timestamp.from(at))
			.update();
	}

}
