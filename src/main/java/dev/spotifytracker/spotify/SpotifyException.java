package dev.spotifytracker.spotify;

/**
 * A Spotify call that did not succeed; the message says why in words a user can act on.
 */
public abstract class SpotifyException extends RuntimeException {

	protected SpotifyException(String message, Throwable cause) {
		super(message, cause);
	}

}
