package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.spotifytracker.spotify.SpotifyCallMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What the daily schedule forgets, so years of ten-minute cycles do not fill a small
 * database: Spotify call counts older than a week (the budget looks back 24 hours), log
 * lines older than 90 days, and runs that started longer ago than
 * {@code TRACKER_RUN_RETENTION_DAYS} (a year; 144 cycles a day and account add up). Plays
 * and the library are kept.
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	static final Duration CALL_COUNTS = Duration.ofDays(7);

	static final Duration LOG_LINES = Duration.ofDays(90);

	private final SpotifyCallMeter calls;

	private final LogRepository logs;

	private final RunRepository runs;

	private final Duration runRetention;

	private final Clock clock;

	Retention(SpotifyCallMeter calls, LogRepository logs, RunRepository runs, JobProperties properties, Clock clock) {
		this.calls = calls;
		this.logs = logs;
		this.runs = runs;
		this.runRetention = Duration.ofDays(properties.runRetentionDays());
		this.clock = clock;
	}

	void forgetOld() {
		Instant now = this.clock.instant();
		try {
			int counts = this.calls.forgetBefore(now.minus(CALL_COUNTS));
			int lines = this.logs.deleteBefore(now.minus(LOG_LINES));
			int runs = this.runs.deleteEndedBefore(now.minus(this.runRetention));
			log.info(
					"Forgot {} Spotify call counts older than {} days, {} log lines older than {} days and {} runs"
							+ " older than {} days",
					counts, CALL_COUNTS.toDays(), lines, LOG_LINES.toDays(), runs, this.runRetention.toDays());
		}
		catch (RuntimeException ex) {
			// housekeeping must not keep the daily jobs from running
			log.warn("Could not forget old call counts, log lines and runs: {}", ex.getMessage());
		}
	}

}
