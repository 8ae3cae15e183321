package dev.spotifytracker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the service itself, so a laptop needs no database set up.
 * Its data lives in {@code <data dir>/postgres} and survives restarts; Spring closes it
 * after the connection pool when the service stops. A server left running by a crashed
 * service is stopped before a new one starts; a folder used by a running service, or
 * written by another PostgreSQL version, stops start-up with a sentence that says so.
 * <p>
 * Nothing of it is shared with other users of the machine: the binaries are unpacked into
 * {@code <data dir>/postgres-binaries} (mode 0700; zonky's default, a folder in the
 * shared temporary directory, could be planted by another user first), and every
 * connection, over TCP or the local socket, needs the password kept in
 * {@code <data dir>/postgres-password} (generated like {@code APP_SECRET}). See
 * {@link PasswordAuthentication} for how a folder made by the earlier, trusting version
 * is moved over.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	/**
	 * The major version of the bundled binaries (see the zonky binaries version in
	 * pom.xml).
	 */
	public static final String BUNDLED_MAJOR_VERSION = "17";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** zonky's lock file, held by the JVM whose server uses the folder. */
	private static final String LOCK_FILE = "epg-lock";

	private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

	static final String BINARIES = "postgres-binaries";

	static final String PASSWORD_FILE = "postgres-password";

	/** The system property behind zonky's scratch folder, read when a builder is made. */
	private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

	public static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final String password;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, String password) {
		this.postgres = postgres;
		this.directory = directory;
		this.password = password;
	}

	public static EmbeddedPostgresServer start(Path dataDirectory) {
		Path directory = dataDirectory.resolve("postgres");
		Path binaries = dataDirectory.resolve(BINARIES);
		try {
			LocalSecretFile.createPrivateDirectories(dataDirectory);
			Files.createDirectories(directory);
			LocalSecretFile.createPrivateDirectories(binaries);
		}
		catch (IOException ex) {
			throw new InvalidSettingException("TRACKER_DATA_DIR", "The embedded database cannot be created in "
					+ directory + " (" + ex.getMessage() + "): choose a writable TRACKER_DATA_DIR.");
		}
		keepPrivate(binaries);
		requireBundledVersion(directory);
		stopServerLeftByACrash(directory);
		Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
		boolean newPassword = !Files.exists(passwordFile);
		String password = LocalSecretFile.readOrGenerate(passwordFile);
		BundledBinaries bundled = BundledBinaries.unpackedInto(binaries);
		try {
			EmbeddedPostgres postgres = builderKeptOutOfTheSharedTemporaryFolder(binaries).setPgBinaryResolver(bundled)
				.setOverrideWorkingDirectory(binaries.toFile())
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// the zonky defaults suit throw-away test databases; this one keeps a
				// user's history
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "40")
				.setServerConfig("shared_buffers", "32MB")
				.setConnectConfig("password", password)
				// after initdb (which trusts everyone) and before the server listens
				.setDataDirectoryCustomizer((folder) -> PasswordAuthentication.require(folder.toPath(),
						bundled.postgres(), password, newPassword))
				.setPGStartupWait(Duration.ofSeconds(60))
				.setRegisterShutdownHook(false)
				.start();
			keepPrivate(binaries);
			return new EmbeddedPostgresServer(postgres, directory, password);
		}
		catch (InvalidSettingException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidSettingException("TRACKER_DATA_DIR", "The embedded database could not start in "
					+ directory + " (" + ex.getMessage()
					+ "): another Spotify Tracker may be using this TRACKER_DATA_DIR; stop it or choose another folder.");
		}
	}

	/**
	 * A zonky builder whose scratch folder (made, and swept for stale clusters, at each
	 * start even when the data folder is given) is the binaries folder rather than the
	 * shared temporary directory. zonky reads it from a system property when the builder
	 * is made, so the property is set just for that.
	 */
	private static EmbeddedPostgres.Builder builderKeptOutOfTheSharedTemporaryFolder(Path binaries) {
		synchronized (EmbeddedPostgresServer.class) {
			String before = System.getProperty(ZONKY_WORKING_DIR);
			System.setProperty(ZONKY_WORKING_DIR, binaries.toString());
			try {
				return EmbeddedPostgres.builder();
			}
			finally {
				if (before == null) {
					System.clearProperty(ZONKY_WORKING_DIR);
				}
				else {
					System.setProperty(ZONKY_WORKING_DIR, before);
				}
			}
		}
	}

	/**
	 * Only the service's user may enter the binaries folder (zonky opens its working
	 * folder for writing to everyone; inside a folder others cannot enter, that gives
	 * them nothing). Refuses a folder another user made.
	 */
	private static void keepPrivate(Path folder) {
		if (!LocalSecretFile.isPosix(folder)) {
			return;
		}
		try {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException ex) {
			throw new InvalidSettingException("TRACKER_DATA_DIR",
					"The folder " + folder + " for the database's programs belongs to another user (" + ex.getMessage()
							+ "): delete it, or choose a TRACKER_DATA_DIR of your own.");
		}
	}

	private static void requireBundledVersion(Path directory) {
		Path versionFile = directory.resolve("PG_VERSION");
		if (!Files.exists(versionFile)) {
			return;
		}
		String version = read(versionFile).strip();
		if (!BUNDLED_MAJOR_VERSION.equals(version)) {
			throw new InvalidSettingException("TRACKER_DATA_DIR", "TRACKER_DATA_DIR holds a PostgreSQL " + version
					+ " database in " + directory + ", but this Spotify Tracker runs PostgreSQL "
					+ BUNDLED_MAJOR_VERSION
					+ ": move that folder away (or copy its data over with pg_dump and pg_restore) and start again.");
		}
	}

	/**
	 * PostgreSQL runs in its own process, so a service killed outright (out of memory,
	 * {@code kill -9}) leaves it running and holding the folder. When no live service
	 * holds zonky's lock, a server named in {@code postmaster.pid} is such an orphan:
	 * stop it.
	 */
	private static void stopServerLeftByACrash(Path directory) {
		Optional<ProcessHandle> server = postmaster(directory);
		if (server.isEmpty()) {
			return;
		}
		try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw inUse(directory);
			}
			ProcessHandle orphan = server.get();
			log.warn("Stopping the embedded PostgreSQL (pid {}) left running in {} by a service that did not stop",
					orphan.pid(), directory);
			orphan.destroy();
			try {
				orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				orphan.destroyForcibly();
				orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (OverlappingFileLockException ex) {
			throw inUse(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new InvalidSettingException("TRACKER_DATA_DIR", "A PostgreSQL server left running in " + directory
					+ " did not stop: stop it by hand (pg_ctl -D " + directory + " stop) and start again.");
		}
	}

	private static Optional<ProcessHandle> postmaster(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = read(pidFile).lines().toList();
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info()
					.command()
					.map((command) -> command.contains("postgres"))
					.orElse(true));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static InvalidSettingException inUse(Path directory) {
		return new InvalidSettingException("TRACKER_DATA_DIR", "The embedded database in " + directory
				+ " is in use by another running Spotify Tracker: stop it or choose another TRACKER_DATA_DIR.");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * The password of the {@value #USER} user, from the data folder.
	 */
	public String password() {
		return this.password;
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
