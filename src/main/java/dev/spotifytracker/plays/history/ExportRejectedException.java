package dev.spotifytracker.plays.history;

/**
 * The uploaded file is not a streaming history we can read, or is beyond the limits; the
 * message is one sentence saying what to upload instead, and nothing was read from it.
 */
public class ExportRejectedException extends RuntimeException {

	public ExportRejectedException(String sentence) {
		super(sentence);
	}

}
