package dev.spotifytracker.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

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
			if (!Files.exists(file)) {
				generate(file);
			}
			String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (secret.length() < MINIMUM_LENGTH) {
				throw new InvalidSettingException("TRACKER_DATA_DIR", "The generated secret in " + file
						+ " is damaged: restore it from a backup, or delete it and sign in again (stored tokens no longer decrypt without it).");
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

	/**
	 * Writes a new secret readable by the owner only from the first byte, and moves it
	 * into place in one step so a crash or a second start never sees half a file.
	 */
	private static void generate(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getEncoder().encodeToString(random) + "\n";
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		Path temporary = posix
				? Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
		try {
			Files.writeString(temporary, secret, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				// another start won the race: its secret stands
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
