package dev.spotifytracker.playlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A short fingerprint of a pushed list ({@code playlist_mappings.pushed_hash}), so two
 * pushes can be compared without reading the lists.
 */
final class PushedHash {

	private PushedHash() {
	}

	static String of(List<String> trackIds) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String trackId : trackIds) {
				digest.update(trackId.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
