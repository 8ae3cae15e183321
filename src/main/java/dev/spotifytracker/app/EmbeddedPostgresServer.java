package dev.spotifytracker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the service itself, so a laptop needs no database set up.
 * Its data lives in {@code <data dir>/postgres} and survives restarts; Spring closes it
 * after the connection pool when the service stops.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
		this.postgres = postgres;
		this.directory = directory;
	}

	public static EmbeddedPostgresServer start(Path dataDirectory) {
		Path directory = dataDirectory.resolve("postgres");
		try {
			Files.createDirectories(directory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// the zonky defaults suit throw-away test databases; this one keeps a
				// user's history
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "40")
				.setServerConfig("shared_buffers", "32MB")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setRegisterShutdownHook(false)
				.start();
			return new EmbeddedPostgresServer(postgres, directory);
		}
		catch (IOException ex) {
			throw new InvalidSettingException("TRACKER_DATA_DIR",
					"The embedded database could not start in " + directory + " (" + ex.getMessage()
							+ "): check that TRACKER_DATA_DIR is writable and not used by another running instance.");
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
			log.info("Embedded PostgreSQL in {} stopped", this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
