package dev.spotifytracker.spotify;

/**
 * A call that failed for good: a 4xx other than 401 and 429, or a 5xx or I/O error that
 * outlasted the retries.
 */
public class SpotifyRequestException extends SpotifyException {

	private final String endpoint;

	private final int status;

	public SpotifyRequestException(String endpoint, int status, String message, Throwable cause) {
		super(message, cause);
		this.endpoint = endpoint;
		this.status = status;
	}

	public String endpoint() {
		return this.endpoint;
	}

	/**
	 * @return the HTTP status, or 0 when no answer came
	 */
	public int status() {
		return this.status;
	}

}
