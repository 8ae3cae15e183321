package dev.spotifytracker.account;

import java.nio.file.Path;

import dev.spotifytracker.app.DatabaseChoice;
import dev.spotifytracker.app.InvalidSettingException;
import dev.spotifytracker.app.LocalSecretFile;

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
		String secret = LocalSecretFile.readOrGenerate(file);
		if (secret.length() < MINIMUM_LENGTH) {
			throw new InvalidSettingException("TRACKER_DATA_DIR", "The generated secret in " + file
					+ " is damaged: restore it from a backup, or delete it and sign in again (stored tokens no longer decrypt without it).");
		}
		return secret;
	}

}
