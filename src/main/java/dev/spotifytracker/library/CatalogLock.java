package dev.spotifytracker.library;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL advisory lock that keeps the catalog cleanup away from writers in flight.
 * Every transaction that writes catalog rows or rows referring to them holds it shared
 * (writers never wait for each other); the cleanup only runs when it gets it exclusively.
 * Otherwise an uncommitted saved album, invisible to the cleanup, could lose its freshly
 * written tracks. Transaction-scoped: released by commit or rollback.
 */
final class CatalogLock {

	/** An arbitrary key of this lock, the same in every instance of the service. */
	static final long KEY = 0x5370_6f74_436174L;

	private CatalogLock() {
	}

	static void holdShared(JdbcClient jdbc) {
		jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(KEY).query(Object.class).optional();
	}

	/**
	 * @return whether the lock was free (no writer in flight) and is now held
	 */
	static boolean tryExclusive(JdbcClient jdbc) {
		return Boolean.TRUE
			.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(KEY).query(Boolean.class).single());
	}

}
