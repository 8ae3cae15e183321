package dev.spotifytracker.spotify.fake;

import java.util.regex.Pattern;

/**
 * Spotify-shaped ids (22 base-62 characters) derived from a seed, a kind and an index, so
 * a generated library has the same ids on every run and ids of different kinds never
 * meet.
 */
final class SimIds {

	static final long ALBUM = 1;

	static final long TRACK = 2;

	static final long ARTIST = 3;

	static final long UNSAVED_ALBUM = 4;

	static final long UNSAVED_TRACK = 5;

	static final long PLAYLIST = 6;

	static final long ACCOUNT = 7;

	static final long SNAPSHOT = 8;

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{22}");

	private static final Pattern TRACK_URI = Pattern.compile("spotify:track:[0-9A-Za-z]{22}");

	private SimIds() {
	}

	static String derive(long seed, long kind, long index) {
		long state = mix(mix(mix(seed) ^ kind) + index);
		char[] chars = new char[22];
		for (int i = 0; i < chars.length; i++) {
			state = mix(state + 0x9E3779B97F4A7C15L);
			chars[i] = ALPHABET.charAt((int) Long.remainderUnsigned(state, ALPHABET.length()));
		}
		return new String(chars);
	}

	/**
	 * A stable id for a text (an account id for a user id, a snapshot for a playlist
	 * version).
	 */
	static String derive(String text, long kind, long index) {
		long hash = 1125899906842597L;
		for (int i = 0; i < text.length(); i++) {
			hash = 31 * hash + text.charAt(i);
		}
		return derive(hash, kind, index);
	}

	static boolean isId(String value) {
		return value != null && ID.matcher(value).matches();
	}

	static boolean isTrackUri(String value) {
		return value != null && TRACK_URI.matcher(value).matches();
	}

	/** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
	private static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
