package dev.spotifytracker.spotify;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.spotifytracker.app.AccountId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts every Web API request (retries included): the Micrometer counter
 * {@code spotify.calls} (tags {@code endpoint}, {@code status}) and a row per minute,
 * account and endpoint in {@code spotify_calls}, from which the job module keeps the
 * app's rolling daily budget.
 */
public class SpotifyCallMeter implements SpotifyCallRecorder {

	private static final Logger log = LoggerFactory.getLogger(SpotifyCallMeter.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final MeterRegistry meters;

	private final Clock clock;

	SpotifyCallMeter(JdbcClient jdbc, PlatformTransactionManager transactions, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		// a count survives a caller's rollback, and its failure cannot spoil the caller's
		// transaction
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Web API requests of all accounts since {@code since}, counted by the minute: the
	 * minute {@code since} falls in counts whole.
	 */
	public long callsSince(Instant since) {
		return this.jdbc.sql("select coalesce(sum(calls), 0) from spotify_calls where minute >= :since")
			.param("since", minute(since))
			.query(Long.class)
			.single();
	}

	@Override
	public void record(AccountId account, String endpoint, int status) {
		Counter.builder("spotify.calls")
			.description("HTTP requests sent to the Spotify Web API, retries included")
			.tag("endpoint", endpoint)
			.tag("status", Integer.toString(status))
			.register(this.meters)
			.increment();
		try {
			this.ownTransaction.executeWithoutResult((transaction) -> this.jdbc
				.sql("""
						insert into spotify_calls (minute, account_id, endpoint, calls)
						values (:minute, :account, :endpoint, 1)
						on conflict (minute, account_id, endpoint) do update set calls = spotify_calls.calls + excluded.calls
						""")
				.param("minute", minute(this.clock.instant()))
				.param("account", account.value())
				.param("endpoint", endpoint)
				.update());
		}
		catch (RuntimeException ex) {
			log.warn("Could not count a Spotify call ({} for account {}): {}", endpoint, account, ex.getMessage());
		}
	}

	/**
	 * Forgets the counts of minutes before {@code before}.
	 * @return the rows removed
	 */
	public int forgetBefore(Instant before) {
		return this.jdbc.sql("delete from spotify_calls where minute < :before")
			.param("before", minute(before))
			.update();
	}

	private static OffsetDateTime minute(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
	}

}
