package dev.spotifytracker.app;

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

/**
 * A secret the service makes for itself and keeps in the data folder ({@code APP_SECRET}
 * without a setting, the embedded database's password): made once, readable by the
 * service's user only from the first byte, and moved into place in one step so a crash or
 * a second start never sees half a file.
 */
public final class LocalSecretFile {

	private LocalSecretFile() {
	}

	/**
	 * The secret in {@code file}, made first when there is none.
	 */
	public static String readOrGenerate(Path file) {
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

	/**
	 * Creates a folder (and its missing parents) that only the service's user may enter,
	 * where the file system knows such permissions; an existing folder is left as it is.
	 */
	public static void createPrivateDirectories(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return;
		}
		Path parent = folder.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (isPosix(folder)) {
			try {
				Files.createDirectory(folder,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (FileAlreadyExistsException ex) {
				// made by a start racing this one
			}
			return;
		}
		Files.createDirectories(folder);
	}

	static boolean isPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static void generate(Path file) throws IOException {
		createPrivateDirectories(file.toAbsolutePath().getParent());
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getEncoder().encodeToString(random) + "\n";
		String name = file.getFileName().toString();
		Path temporary = isPosix(file)
				? Files.createTempFile(file.toAbsolutePath().getParent(), name, ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(file.toAbsolutePath().getParent(), name, ".tmp");
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
