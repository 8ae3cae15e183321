package dev.spotifytracker.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import dev.spotifytracker.app.DatabaseChoice;
import dev.spotifytracker.app.InvalidSettingException;

/**
 * The key material behind refresh-token encryption: {@code APP_SECRET}, or, on the
 * embedded database only, a secret generated once into the data folder. With an external
 * database there is no fallback: a generated secret would be lost with the container and
 * with it every stored token.
 */
final class AppSecret {

	static final int MINIMUM_LENGTH = 16;

	private static final String FILE_NAME = "app-secret";

	private AppSecret() {
	}

	static String resolve(String configured, DatabaseChoice database) {
		if (configured != null && !configured.isBlank()) {
			if (configured.strip().length() < MINIMUM_LENGTH) {
				throw new InvalidSettingException("APP_SECRET", "APP_SECRET is shorter than " + MINIMUM_LENGTH
						+ " characters: use a long random value (openssl rand -base64 32 makes one).");
			}
			return configured.strip();
		}
		if (database instanceof DatabaseChoice.Embedded embedded) {
			return readOrGenerate(embedded.dataDirectory().resolve(FILE_NAME));
		}
		throw missingWithExternalDatabase();
	}

	static InvalidSettingException missingWithExternalDatabase() {
		return new InvalidSettingException("APP_SECRET",
				"APP_SECRET must be set when the database is external: it encrypts the stored Spotify refresh tokens (openssl rand -base64 32 makes one).");
	}

	private static String readOrGenerate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getEncoder().encodeToString(random);
			Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
			restrictToOwner(file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
		}
	}

}
