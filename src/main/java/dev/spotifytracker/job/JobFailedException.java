package dev.spotifytracker.job;

/**
 * A job's own reason for failing, in one sentence a user can act on: the run shows it.
 * Any other unexpected exception (a database error, a bug) is logged with its stack trace
 * and the run only says when, so no SQL or internals reach the pages.
 */
public class JobFailedException extends RuntimeException {

	public JobFailedException(String message) {
		super(message);
	}

	public JobFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
