package dev.spotifytracker.playlist;

/**
 * A rule playlist action that cannot be done, with a sentence for the user.
 */
class RulePlaylistRefusedException extends RuntimeException {

	enum Reason {

		/** No such playlist for the account. */
		NOT_FOUND,

		/** A built-in is a read-only template. */
		READ_ONLY,

		/** The account holds the most rule playlists it may. */
		TOO_MANY

	}

	private final Reason reason;

	RulePlaylistRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

}
