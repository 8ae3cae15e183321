package dev.spotifytracker.plays;

import java.util.List;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hides, deletes and restores plays, writing who did what to which plays, and when, to
 * {@code play_curation} in the same transaction. A hidden or deleted play counts nowhere;
 * its row stays (plays are never removed), so the audit can always show what it was.
 */
@Component
class PlayCuration {

	private final PlayWrites writes;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	PlayCuration(PlayWrites writes, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.writes = writes;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * @param actor the Spotify user id of who asks
	 * @param scope what they chose, for the audit: {@code play 12},
	 * {@code day 2025-03-01}, {@code import 4}
	 * @return how many plays changed
	 */
	int curate(AccountId account, String actor, PlayWrites.Curation action, String scope, long[] playIds) {
		if (playIds.length == 0) {
			return 0;
		}
		return this.transaction.execute((status) -> {
			List<Long> changed = this.writes.curate(account, action, playIds);
			if (!changed.isEmpty()) {
				this.jdbc.sql("""
						insert into play_curation (account_id, actor, action, scope, plays, play_ids)
						values (:account, :actor, :action, :scope, :plays, :ids)
						""")
					.param("account", account.value())
					.param("actor", actor)
					.param("action", action.name().toLowerCase(java.util.Locale.ROOT))
					.param("scope", scope)
					.param("plays", changed.size())
					.param("ids", changed.stream().mapToLong(Long::longValue).toArray())
					.update();
			}
			return changed.size();
		});
	}

	/**
	 * The account's latest curation, newest first.
	 */
	List<CurationEntry> recent(AccountId account, int limit) {
		return this.jdbc.sql("""
				select actor, at, action, scope, plays from play_curation
				where account_id = :account order by at desc, id desc limit :limit
				""")
			.param("account", account.value())
			.param("limit", limit)
			.query((rs, row) -> new CurationEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getInt(5)))
			.list();
	}

	/**
	 * One line of the audit.
	 */
	record CurationEntry(String actor, java.time.Instant at, String action, String scope, int plays) {

		public String verb() {
			return switch (this.action) {
				case "hide" -> "hid";
				case "unhide" -> "showed again";
				case "delete" -> "deleted";
				default -> "restored";
			};
		}

	}

}
