package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCallMeter;

import org.springframework.stereotype.Component;

/**
 * The Spotify app's daily call budget, shared by all accounts: past 90% of it only
 * essential jobs run, until the rolling 24-hour count falls again. The count is the
 * spotify module's ({@link SpotifyCallMeter}), which sees every HTTP request, retries
 * included.
 */
@Component
class CallBudget {

	static final Duration WINDOW = Duration.ofHours(24);

	private final SpotifyCallMeter meter;

	private final JobProperties properties;

	private final Clock clock;

	CallBudget(SpotifyCallMeter meter, JobProperties properties, Clock clock) {
		this.meter = meter;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return why the job may not run now, or empty when it may
	 */
	Optional<String> whyNotAllowed(Job job, AccountId account) {
		if (job.essential()) {
			return Optional.empty();
		}
		int budget = this.properties.dailyCallBudget();
		long used = this.meter.callsSince(this.clock.instant().minus(WINDOW));
		if (used * 10 >= budget * 9L) {
			return Optional.of("Spotify call budget nearly spent: " + used + " of " + budget
					+ " calls in the last 24 hours; past 90% only essential jobs run");
		}
		int estimate = job.estimatedCalls(account);
		if ((used + estimate) * 10 > budget * 9L) {
			return Optional.of("Spotify call budget too small for this run now: it needs about " + estimate + " calls, "
					+ used + " of " + budget + " were made in the last 24 hours, and past 90% only "
					+ "essential jobs run; it runs when older calls leave the 24 hours, or sooner with a larger "
					+ "TRACKER_DAILY_CALL_BUDGET if the app's quota allows");
		}
		return Optional.empty();
	}

}
