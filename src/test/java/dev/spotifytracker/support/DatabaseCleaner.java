package dev.spotifytracker.support;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every table of the application (not Flyway's history) so each test starts from
 * an empty database.
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
		if (!tables.isEmpty()) {
			jdbc.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
		}
	}

}
