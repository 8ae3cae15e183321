package dev.spotifytracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL of a test JVM: Testcontainers when a Docker engine answers, the
 * embedded PostgreSQL otherwise (this machine and CI have no Docker engine).
 * {@code TRACKER_TEST_DB} ({@code testcontainers} or {@code embedded}) forces one; a JDBC
 * URL there uses that server instead (user and password {@code postgres}), which outlives
 * the JVM: a benchmark's data can then be queried by hand. Started on first use, stopped
 * when the JVM ends.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static volatile TestDatabase instance;

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private final String kind;

	private TestDatabase(String jdbcUrl, String username, String password, String kind) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
		this.kind = kind;
	}

	public static TestDatabase get() {
		TestDatabase database = instance;
		if (database == null) {
			synchronized (TestDatabase.class) {
				database = instance;
				if (database == null) {
					database = start();
					instance = database;
				}
			}
		}
		return database;
	}

	private static TestDatabase start() {
		String forced = System.getenv("TRACKER_TEST_DB");
		if (forced != null && forced.startsWith("jdbc:")) {
			return new TestDatabase(forced, "postgres", "postgres", "PostgreSQL at " + forced);
		}
		boolean useDocker = "testcontainers".equals(forced) || (forced == null && dockerAnswers());
		TestDatabase database = useDocker ? startContainer() : startEmbedded();
		log.info("Test database: {} at {}", database.kind, database.jdbcUrl);
		return database;
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
	private static TestDatabase startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers PostgreSQL 17");
	}

	private static TestDatabase startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.start();
			return new TestDatabase("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres",
					"postgres", "embedded PostgreSQL");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded test PostgreSQL did not start", ex);
		}
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	public String kind() {
		return this.kind;
	}

}
