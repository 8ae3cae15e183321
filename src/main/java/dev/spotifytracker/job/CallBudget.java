package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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
	Optional<String> whyNotAllowed(Job job) {
		if (job.essential()) {
			return Optional.empty();
		}
		int budget = this.properties.dailyCallBudget();
		long used = this.meter.callsSince(this.clock.instant().minus(WINDOW));
		if (used * 10 < budget * 9L) {
			return Optional.empty();
		}
		return Optional.of("Spotify call budget nearly spent: " + used + " of " + budget
				+ " calls in the last 24 hours; past 90% only essential jobs run");
	}

}
