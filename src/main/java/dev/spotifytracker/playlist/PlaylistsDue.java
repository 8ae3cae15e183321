package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.LibraryChanged;
import dev.spotifytracker.plays.PlaysStored;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which accounts' smart playlists may differ from what was last pushed: marked when their
 * library or plays change (table {@code playlists_due}), cleared when a push begins. The
 * mark is a row, not memory, so a change seen by one instance (or before a restart) is
 * pushed by the next cycle wherever it runs; it is written in the transaction of the
 * change that caused it when there is one.
 */
@Component
class PlaylistsDue {

	private final JdbcClient jdbc;

	private final Clock clock;

	PlaylistsDue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(LibraryChanged changed) {
		mark(changed.account());
	}

	@EventListener
	void on(PlaysStored stored) {
		mark(stored.account());
	}

	void mark(AccountId account) {
		this.jdbc.sql("""
				insert into playlists_due (account_id, since) values (:account, :since)
				on conflict (account_id) do nothing
				""")
			.param("account", account.value())
			.param("since", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	boolean isDue(AccountId account) {
		return this.jdbc.sql("select exists (select 1 from playlists_due where account_id = :account)")
			.param("account", account.value())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Takes the mark off before a push: a change during the push marks the account again,
	 * and a push that fails puts the mark back ({@link #mark}).
	 * @return when the account became due, or null when it was not
	 */
	Instant clear(AccountId account) {
		return this.jdbc.sql("delete from playlists_due where account_id = :account returning since")
			.param("account", account.value())
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

}
