package dev.spotifytracker.playlist;

import java.time.Instant;

/**
 * Where one track stands in one of an account's smart playlists, as last pushed to
 * Spotify.
 *
 * @param slug the playlist's slug (a built-in rule's or a rule playlist's)
 * @param name its name in this service
 * @param builtIn whether it is one of the six built-in rules
 * @param enabled whether it is pushed at all (a rule playlist always is)
 * @param status the state of its Spotify playlist, or null when it has none yet
 * @param position the track's place in what was last pushed, from 1; null when it is not
 * in it
 * @param trackCount how many tracks were last pushed
 * @param pushedAt when they were, or null
 * @param spotifyUrl the Spotify playlist's address, or null when it has none
 */
public record PlaylistPlace(String slug, String name, boolean builtIn, boolean enabled, MappingStatus status,
		Integer position, int trackCount, Instant pushedAt, String spotifyUrl) {

	/** Whether the track was in the playlist at its last push. */
	public boolean contains() {
		return this.position != null;
	}

	/** Whether it has a Spotify playlist that we still keep. */
	public boolean published() {
		return this.status != null && this.status != MappingStatus.REMOVED;
	}

	/**
	 * What the page says of the track and the playlist: in it first, whatever else holds.
	 */
	public Standing standing() {
		if (contains()) {
			return Standing.IN;
		}
		if (!this.enabled) {
			return Standing.TURNED_OFF;
		}
		if (this.status == null) {
			return Standing.NOT_PUBLISHED;
		}
		if (this.status == MappingStatus.REMOVED) {
			return Standing.REMOVED;
		}
		// linked to a playlist of the user's and not pushed yet: its contents are unknown
		return (this.status == MappingStatus.INCOMPLETE && this.trackCount == 0) ? Standing.UNKNOWN : Standing.NOT_IN;
	}

	/** The anchor of its card or row on the playlists page. */
	public String anchor() {
		return this.builtIn ? this.slug : "rule-" + this.slug;
	}

	/**
	 * A track's standing in a playlist.
	 */
	public enum Standing {

		/** In what was last pushed. */
		IN,

		/** Not in what was last pushed. */
		NOT_IN,

		/** A built-in playlist the account turned off. */
		TURNED_OFF,

		/** No Spotify playlist yet. */
		NOT_PUBLISHED,

		/** The user removed the Spotify playlist. */
		REMOVED,

		/** A playlist just linked: its contents are known after the next push. */
		UNKNOWN

	}

}
