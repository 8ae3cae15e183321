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
 * database: Spotify call counts older than a week (the budget looks back 24 hours) and
 * log lines older than 90 days. Runs, plays and the library are kept.
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	static final Duration CALL_COUNTS = Duration.ofDays(7);

	static final Duration LOG_LINES = Duration.ofDays(90);

	private final SpotifyCallMeter calls;

	private final LogRepository logs;

	private final Clock clock;

	Retention(SpotifyCallMeter calls, LogRepository logs, Clock clock) {
		this.calls = calls;
		this.logs = logs;
		this.clock = clock;
	}

	void forgetOld() {
		Instant now = this.clock.instant();
		try {
			int counts = this.calls.forgetBefore(now.minus(CALL_COUNTS));
			int lines = this.logs.deleteBefore(now.minus(LOG_LINES));
			log.info("Forgot {} Spotify call counts older than {} days and {} log lines older than {} days", counts,
					CALL_COUNTS.toDays(), lines, LOG_LINES.toDays());
		}
		catch (RuntimeException ex) {
			// housekeeping must not keep the daily jobs from running
			log.warn("Could not forget old call counts and log lines: {}", ex.getMessage());
		}
	}

}
