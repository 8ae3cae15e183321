package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Spotify app's daily call budget, shared by all accounts: past 90% of it only
 * essential jobs run, until the rolling 24-hour count falls again.
 *
 * <p>
 * Reads the spotify module's per-minute counter table {@code spotify_calls} directly: a
 * read of the shared counter, until that module exposes its meter
 * ({@code callsSince(Instant)}), which should then replace {@link #callsSince}.
 */
@Component
class CallBudget {

	static final Duration WINDOW = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final JobProperties properties;

	private final Clock clock;

	CallBudget(JdbcClient jdbc, JobProperties properties, Clock clock) {
		this.jdbc = jdbc;
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
		long used = callsSince(this.clock.instant().minus(WINDOW));
		if (used * 10 < budget * 9L) {
			return Optional.empty();
		}
		return Optional.of("Spotify call budget nearly spent: " + used + " of " + budget
				+ " calls in the last 24 hours; past 90% only essential jobs run");
	}

	/**
	 * Served by the {@code spotify_calls_minute} index.
	 */
	long callsSince(Instant since) {
		return this.jdbc.sql("select coalesce(sum(calls), 0) from spotify_calls where minute >= :since")
			.param("since", RunRepository.timestamp(since))
			.query(Long.class)
			.single();
	}

}
