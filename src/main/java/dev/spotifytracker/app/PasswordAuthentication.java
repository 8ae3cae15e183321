package dev.spotifytracker.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded cluster ask every connection for the password, before its server
 * first listens. zonky's {@code initdb} trusts every local connection, and so did the
 * folders the earlier version of the service made; both are moved over the same way: the
 * password is set in single-user mode (a PostgreSQL process that reads SQL from its
 * standard input and listens on no port, so there is no moment when a stranger could
 * connect without it), then {@code pg_hba.conf} is replaced by one that allows nothing
 * but {@code scram-sha-256}. The password is set again whenever its file is new (a lost
 * file is replaced, and the cluster follows it).
 */
final class PasswordAuthentication {

	private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

	static final String MARKER = "# Spotify Tracker: every connection gives the password";

	private PasswordAuthentication() {
	}

	static void require(Path cluster, Path postgres, String password, boolean newPassword) {
		Path hba = cluster.resolve("pg_hba.conf");
		try {
			boolean asksForPassword = Files.exists(hba) && Files.readString(hba).contains(MARKER);
			if (asksForPassword && !newPassword) {
				return;
			}
			setPassword(cluster, postgres, password);
			if (!asksForPassword) {
				writeHba(hba);
				log.info("The embedded database in {} now asks every connection for the password in {}", cluster,
						EmbeddedPostgresServer.PASSWORD_FILE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not set the embedded database's password in " + cluster, ex);
		}
	}

	private static void setPassword(Path cluster, Path postgres, String password) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// as zonky runs initdb and the server: PostgreSQL refuses to run as root
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(postgres.toString(), "--single", "-D", cluster.toString(), "-c", "exit_on_error=on",
				"-c", "log_min_error_statement=panic", EmbeddedPostgresServer.USER));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream input = process.getOutputStream()) {
			// on standard input, never on a command line another user could read
			input.write(("ALTER ROLE " + EmbeddedPostgresServer.USER + " WITH PASSWORD '" + password + "';\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(password,
				"(the password)");
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("PostgreSQL in single-user mode did not end");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while setting the password", ex);
		}
		if (process.exitValue() != 0 || output.contains("ERROR") || output.contains("FATAL")) {
			throw new IOException(
					"PostgreSQL in single-user mode failed (exit " + process.exitValue() + "): " + output.strip());
		}
	}

	private static void writeHba(Path hba) throws IOException {
		String rules = String.join("\n", MARKER + " kept in " + EmbeddedPostgresServer.PASSWORD_FILE,
				"# TYPE  DATABASE  USER  ADDRESS       METHOD", "local   all       all                 scram-sha-256",
				"host    all       all   127.0.0.1/32  scram-sha-256",
				"host    all       all   ::1/128       scram-sha-256", "");
		Path temporary = hba.resolveSibling("pg_hba.conf.tmp");
		Files.writeString(temporary, rules, StandardCharsets.UTF_8);
		Files.move(temporary, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
