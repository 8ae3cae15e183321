package dev.spotifytracker.job;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;

/**
 * One line of a run's log (a {@code logs} row).
 */
public record LogLine(long id, long runId, AccountId account, Instant at, LogLevel level, String message) {

	/**
	 * @return where the next (older) page of a newest-first listing starts
	 */
	public LogCursor cursor() {
		return new LogCursor(this.at, this.id);
	}

}
