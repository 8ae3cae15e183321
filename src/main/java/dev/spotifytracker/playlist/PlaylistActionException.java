package dev.spotifytracker.playlist;

/**
 * A playlist could not be linked, recreated or pushed; the message says why in words the
 * user can act on.
 */
public class PlaylistActionException extends RuntimeException {

	public PlaylistActionException(String message) {
		super(message);
	}

}
