package dev.spotifytracker.job;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyClient;

/**
 * What a running job may use. Log lines go to the run's log (table {@code logs}) and to
 * the service log; SLF4J-style {@code {}} placeholders.
 */
public interface JobContext {

	long runId();

	AccountId account();

	Trigger trigger();

	/**
	 * The account's Spotify client; every call it makes is counted into this run.
	 */
	SpotifyClient spotify();

	void info(String message, Object... arguments);

	void warn(String message, Object... arguments);

	/**
	 * Reports progress for the dashboard's progress bar (throttled by the runner).
	 */
	void progress(int done, int total);

	/**
	 * Adds a structured result to the run (shown on the dashboard; stored as JSON), e.g.
	 * a possible play gap or per playlist counts.
	 */
	void detail(String key, Object value);

}
