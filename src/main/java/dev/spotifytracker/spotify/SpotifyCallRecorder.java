package dev.spotifytracker.spotify;

import dev.spotifytracker.app.AccountId;

/**
 * Hears of every HTTP request sent to the Web API (retries included), for the app-wide
 * counts; {@link SpotifyCallMeter} in the application.
 */
@FunctionalInterface
interface SpotifyCallRecorder {

	SpotifyCallRecorder NONE = (account, endpoint, status) -> {
	};

	/**
	 * Must not throw: a failed count never fails the call.
	 * @param status the HTTP status, or 0 when no answer came
	 */
	void record(AccountId account, String endpoint, int status);

}
