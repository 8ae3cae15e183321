package dev.spotifytracker.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stored list of an account ({@code saved_albums}, {@code liked_tracks}: account, id,
 * added_at) and the set-based statements that bring it in step with a pass's
 * {@link PassStaging}. Table and column names are constants of this enum, never input.
 */
enum ListTable {

	SAVED_ALBUMS("saved_albums", "album_id"), LIKED_TRACKS("liked_tracks", "track_id");

	private final String table;

	private final String id;

	ListTable(String table, String id) {
		this.table = table;
		this.id = id;
	}

	/**
	 * @return the table's name, which also names the list in {@code list_sync_state}
	 */
	String table() {
		return this.table;
	}

	/**
	 * The stored {@code added_at} of those of {@code ids} the account has in the list.
	 */
	Map<String, Instant> stored(JdbcClient jdbc, AccountId account, Collection<String> ids) {
		return jdbc.sql("""
				select %2$s, added_at from %1$s where account_id = :account and %2$s = any(:ids::text[])
				""".formatted(this.table, this.id))
			.param("account", account.value())
			.param("ids", SqlArrays.of(ids))
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Adds the staged entries the list lacks and re-dates those saved again.
	 * @return the rows added or re-dated
	 */
	int merge(JdbcClient jdbc, AccountId account) {
		return jdbc.sql("""
				insert into %1$s (account_id, %2$s, added_at)
				select :account, s.id, s.added_at from %3$s s
				where not exists (select 1 from %1$s l
				                  where l.account_id = :account and l.%2$s = s.id and l.added_at = s.added_at)
				on conflict (account_id, %2$s) do update set added_at = excluded.added_at
				""".formatted(this.table, this.id, PassStaging.LISTED)).param("account", account.value()).update();
	}

	int count(JdbcClient jdbc, AccountId account) {
		return jdbc.sql("select count(*) from %s where account_id = ?".formatted(this.table))
			.param(account.value())
			.query(Integer.class)
			.single();
	}

	/**
	 * Stored entries added after {@code oldest} that the pass did not read.
	 */
	int missingFromStaging(JdbcClient jdbc, AccountId account, Instant oldest) {
		return jdbc.sql("""
				select count(*) from %1$s l
				where l.account_id = :account and l.added_at > :oldest
				  and not exists (select 1 from %3$s s where s.id = l.%2$s)
				""".formatted(this.table, this.id, PassStaging.LISTED))
			.param("account", account.value())
			.param("oldest", Timestamp.from(oldest))
			.query(Integer.class)
			.single();
	}

	/**
	 * Removes the stored entries the pass did not read (after a full pass).
	 */
	int removeAllButStaged(JdbcClient jdbc, AccountId account) {
		return jdbc.sql("""
				delete from %1$s l
				where l.account_id = :account and not exists (select 1 from %3$s s where s.id = l.%2$s)
				""".formatted(this.table, this.id, PassStaging.LISTED)).param("account", account.value()).update();
	}

}
