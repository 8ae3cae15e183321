package dev.spotifytracker.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
				Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
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
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres")) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
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
