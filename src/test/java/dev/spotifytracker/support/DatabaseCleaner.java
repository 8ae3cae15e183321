package dev.spotifytracker.support;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every table of the application (not Flyway's history) so each test starts from
 * an empty database. A job a previous test left running may hold locks the emptying needs
 * (its transaction may even wait for a Spotify answer that now never comes): after a
 * short wait its connections are ended, so one test's leftovers cannot hang the next.
 */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String url = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getURL());
		if (url == null || !url.startsWith(TestDatabase.get().jdbcUrl())) {
			throw new IllegalStateException("Refusing to empty " + url + ": it is not the test database");
		}
		List<String> tables = jdbc.queryForList("""
				select quote_ident(tablename) from pg_tables
				where schemaname = 'public' and tablename <> 'flyway_schema_history'
				""", String.class);
		if (tables.isEmpty()) {
			return;
		}
		String truncate = "truncate table " + String.join(", ", tables) + " restart identity cascade";
		try {
			truncateWithin(jdbc, truncate, "5s");
		}
		catch (DataAccessException lockedByALeftover) {
			jdbc.queryForList("""
					select pg_terminate_backend(pid) from pg_stat_activity
					where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
					""");
			truncateWithin(jdbc, truncate, "30s");
		}
	}

	private static void truncateWithin(JdbcTemplate jdbc, String truncate, String lockTimeout) {
		jdbc.execute((java.sql.Connection connection) -> {
			try (var statement = connection.createStatement()) {
				statement.execute("set lock_timeout = '" + lockTimeout + "'");
				try {
					statement.execute(truncate);
				}
				finally {
					statement.execute("reset lock_timeout");
				}
			}
			return null;
		});
	}

}
