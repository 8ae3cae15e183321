package dev.spotifytracker.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * The PostgreSQL archive on the class path (zonky's own choice of it), as unpacked into
 * one data folder's binaries folder, and where its {@code postgres} program ends up
 * there: zonky unpacks an archive into {@code PG-<md5 of the archive>}, so the digest is
 * taken while zonky reads it.
 * <p>
 * zonky keeps one unpacked copy per resolver for the life of the JVM; one resolver per
 * binaries folder (equal by folder) keeps two data folders in one JVM apart.
 */
record BundledBinaries(Path folder) implements PgBinaryResolver {

	/**
	 * The archive digest per binaries folder, kept for starts that zonky answers from its
	 * cache.
	 */
	private static final Map<Path, String> DIGESTS = new ConcurrentHashMap<>();

	static BundledBinaries unpackedInto(Path folder) {
		return new BundledBinaries(folder.toAbsolutePath().normalize());
	}

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
		if (archive == null) {
			return null;
		}
		return new DigestInputStream(archive, md5()) {

			private boolean closed;

			@Override
			public void close() throws IOException {
				// zonky closes it twice; the second digest would be of nothing
				if (!this.closed) {
					this.closed = true;
					DIGESTS.put(BundledBinaries.this.folder, HexFormat.of().formatHex(getMessageDigest().digest()));
				}
				super.close();
			}

		};
	}

	/**
	 * The {@code postgres} program, once zonky has unpacked the archive.
	 */
	Path postgres() {
		String digest = DIGESTS.get(this.folder);
		if (digest == null) {
			throw new IllegalStateException("The PostgreSQL programs were not unpacked into " + this.folder);
		}
		Path bin = this.folder.resolve("PG-" + digest).resolve("bin");
		Path windows = bin.resolve("postgres.exe");
		Path program = Files.exists(windows) ? windows : bin.resolve("postgres");
		if (!Files.isExecutable(program)) {
			throw new IllegalStateException("No PostgreSQL program at " + program);
		}
		return program;
	}

	private static MessageDigest md5() {
		try {
			// zonky's naming of the unpacked folder, not a security measure
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
