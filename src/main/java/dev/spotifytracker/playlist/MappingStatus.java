package dev.spotifytracker.playlist;

import java.util.Locale;

/**
 * The state of a smart playlist's Spotify playlist ({@code playlist_mappings.status}).
 */
public enum MappingStatus {

	/** It holds what we last pushed. */
	ACTIVE,

	/**
	 * It may hold something else: a push failed midway, the user edited it in Spotify, or
	 * it was just linked. The next push replaces its contents.
	 */
	INCOMPLETE,

	/**
	 * The user removed it from their library. Left alone until the user asks to recreate
	 * or relink it.
	 */
	REMOVED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MappingStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
