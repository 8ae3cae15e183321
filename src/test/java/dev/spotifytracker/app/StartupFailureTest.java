package dev.spotifytracker.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.SpotifyTrackerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real service in its own JVM, as a user would, with a half-given database
 * configuration: it must stop with one sentence naming what is missing, not a stack
 * trace.
 */
class StartupFailureTest {

	@TempDir
	Path dataDir;

	@Test
	void halfGivenExternalDatabaseStopsStartUpWithOneSentence() throws Exception {
		Result result = runService(Map.of("DB_HOST", "db.example.org", "DB_USER", "tracker"));

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("The external database is only partly configured: DB_NAME, DB_PASSWORD are missing")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	@Test
	void malformedDatabaseUrlStopsStartUpWithOneSentence() throws Exception {
		Result result = runService(Map.of("DATABASE_URL", "db.example.org:5432"));

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output())
			.contains("DATABASE_URL is not of the form postgres://user:password@host:port/database.")
			.doesNotContain("\tat ");
	}

	@Test
	void anUnreachableDatabaseStopsStartUpWithOneSentence() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		Result result = runService(
				Map.of("DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(closedPort), "DB_NAME", "tracker", "DB_USER",
						"tracker", "DB_PASSWORD", "secret-password", "APP_SECRET", "a-long-enough-app-secret"));

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("The database (external PostgreSQL 127.0.0.1:" + closedPort
					+ "/tracker (DB_*)) could not be reached")
			.doesNotContain("\tat ")
			.doesNotContain("secret-password");
	}

	@Test
	void anExternalDatabaseWithoutAppSecretStopsStartUpWithOneSentence() throws Exception {
		Result result = runService(Map.of("DATABASE_URL", "postgres://u:p@db.example.org/tracker", "APP_SECRET", ""),
				"--tracker.security.app-secret=");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("APP_SECRET must be set when the database is external")
			.doesNotContain("\tat ");
	}

	@Test
	void aShortApiTokenStopsStartUpWithOneSentence() throws Exception {
		Result result = runService(Map.of("TRACKER_API_TOKEN", "too-short-a-token"));

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("TRACKER_API_TOKEN is shorter than 32 characters")
			.contains("openssl rand -hex 32")
			.doesNotContain("too-short-a-token")
			.doesNotContain("\tat ");
	}

	private Result runService(Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				SpotifyTrackerApplication.class.getName(), "--server.port=0"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("DB_") || name.equals("DATABASE_URL"));
		env.put("TRACKER_DATA_DIR", this.dataDir.toString());
		env.putAll(environment);
		Path output = Files.createTempFile(this.dataDir, "service", ".log");
		builder.redirectOutput(output.toFile());
		Process process = builder.start();
		boolean exited = process.waitFor(120, TimeUnit.SECONDS);
		if (!exited) {
			// a service that started instead of stopping: stop it (with its embedded
			// database), and fail below
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		assertThat(exited).as("the service stops by itself").isTrue();
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String output) {
	}

}
