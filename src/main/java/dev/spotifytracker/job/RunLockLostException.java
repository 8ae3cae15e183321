package dev.spotifytracker.job;

/**
 * A run lost its lock under it (the lease lapsed: the database was out of reach too long,
 * or the instance stalled), so another run of its group may have started; it stops before
 * its next Spotify call rather than send a write twice.
 */
public class RunLockLostException extends RuntimeException {

	RunLockLostException(String lockName, String reason) {
		super("Stopped: lost its lock (" + reason + ") before its next Spotify call, so nothing more was sent");
	}

}
