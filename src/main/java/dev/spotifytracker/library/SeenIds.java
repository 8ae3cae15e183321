package dev.spotifytracker.library;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids a pass has read from Spotify, kept in a temporary table of the pass's
 * transaction rather than in the heap: a full pass of 50,000 liked tracks then removes
 * the unliked ones with one anti-join. The table disappears at commit or rollback.
 */
final class SeenIds {

	static final String TABLE = "sync_seen";

	private final JdbcClient jdbc;

	private SeenIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the (empty) table; call inside the pass's transaction.
	 */
	static SeenIds create(JdbcClient jdbc) {
		jdbc.sql("create temporary table if not exists " + TABLE + " (id text primary key) on commit drop").update();
		jdbc.sql("truncate " + TABLE).update();
		return new SeenIds(jdbc);
	}

	void addAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("insert into " + TABLE + " (id) select unnest(:ids::text[]) on conflict do nothing")
			.param("ids", SqlArrays.of(ids))
			.update();
	}

}
