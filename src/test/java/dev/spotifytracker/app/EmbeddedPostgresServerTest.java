package dev.spotifytracker.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

	@TempDir
	Path dataDir;

	@Test
	void theBundledMajorVersionIsTheOneThatRuns() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir);
				Connection connection = connect(server);
				ResultSet result = connection.createStatement().executeQuery("show server_version_num")) {
			result.next();
			assertThat(Integer.parseInt(result.getString(1)) / 10000)
				.isEqualTo(Integer.parseInt(EmbeddedPostgresServer.BUNDLED_MAJOR_VERSION));
		}
	}

	@Test
	void aSecondServiceOnTheSameFolderIsRefusedWithOneSentence() {
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(this.dataDir)) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.dataDir))
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("in use by another running Spotify Tracker");
		}
	}

	@Test
	void aFolderOfAnotherPostgresVersionIsRefusedWithOneSentence() throws Exception {
		Files.createDirectories(this.dataDir.resolve("postgres"));
		Files.writeString(this.dataDir.resolve("postgres/PG_VERSION"), "14\n");

		assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.dataDir)).isInstanceOf(InvalidSettingException.class)
			.hasMessageContaining("holds a PostgreSQL 14 database")
			.hasMessageContaining("runs PostgreSQL " + EmbeddedPostgresServer.BUNDLED_MAJOR_VERSION);
	}

	@Test
	void aServerLeftRunningByACrashedServiceIsStoppedAndReplaced() throws Exception {
		Process crashed = startInAnotherJvm();
		long orphanPid = Long
			.parseLong(Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
		crashed.destroyForcibly();
		assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the server outlived its service")
			.contains(true);

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir)) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (Connection connection = connect(server)) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	@Test
	void theServerRunsFromBinariesUnpackedIntoTheDataFolderForItsOwnerOnly() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir)) {
			long pid = Long
				.parseLong(Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
			String command = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();

			assertThat(Path.of(command).toRealPath()).startsWith(this.dataDir.toRealPath());
			Path binaries = this.dataDir.toRealPath().relativize(Path.of(command).toRealPath()).getName(0);
			assertThat(Files.getPosixFilePermissions(this.dataDir.resolve(binaries)))
				.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void aConnectionWithoutThePasswordIsRefused() {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir)) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close())
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void aFolderOfTheEarlierTrustingVersionKeepsItsDataAndFromNowOnAsksForThePassword() throws Exception {
		Path cluster = this.dataDir.resolve("postgres");
		Files.createDirectories(cluster);
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection connection = earlier.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("create table kept (note text)");
			connection.createStatement().execute("insert into kept values ('written by the earlier version')");
		}

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir)) {
			assertThat(readNote(server)).isEqualTo("written by the earlier version");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
		}
		assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("postgres-password")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(this.dataDir)) {
			assertThat(readNote(again)).as("the next start uses the same password")
				.isEqualTo("written by the earlier version");
		}
	}

	private static String readNote(EmbeddedPostgresServer server) throws SQLException {
		try (Connection connection = connect(server);
				ResultSet result = connection.createStatement().executeQuery("select note from kept")) {
			result.next();
			return result.getString(1);
		}
	}

	private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
	}

	private Process startInAnotherJvm() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresChild.class.getName(), this.dataDir.toString()))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith("READY")) {
				return process;
			}
		}
		throw new AssertionError("the child service did not start its database");
	}

}
