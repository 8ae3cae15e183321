package dev.spotifytracker.spotify;

/**
 * Hears of every HTTP request sent to Spotify, retries included.
 */
@FunctionalInterface
public interface SpotifyCallListener {

	SpotifyCallListener NONE = (endpoint, status) -> {
	};

	/**
	 * @param endpoint the endpoint's template, for example {@code GET
	 * /v1/albums/{id}/tracks}
	 * @param status the HTTP status, or 0 when no answer came (I/O error, timeout)
	 */
	void called(String endpoint, int status);

}
