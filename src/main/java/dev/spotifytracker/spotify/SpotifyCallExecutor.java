package dev.spotifytracker.spotify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.spotifytracker.app.AccountId;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * The one place that decides what happens after a failed Spotify request: rate limits,
 * quota, holds, retries and the refresh after a 401. Every operation of every
 * {@link SpotifyClient} runs through {@link #execute}.
 * <ul>
 * <li>An account on hold fails at once, before any request.</li>
 * <li>429: waits exactly {@code Retry-After}, then tries again (at most
 * {@value #MAX_RATE_LIMIT_WAITS} times per operation). Meanwhile every other request of
 * the app waits too: Spotify's rate limit is per app, not per account. A longer
 * {@code Retry-After} than {@code maxRetryAfter}, or {@code QUOTA_EXCEEDED}, puts the
 * account on hold and fails at once instead of blocking a thread.</li>
 * <li>5xx and no answer: jittered exponential backoff from {@code initialBackoff}, at
 * most {@code maxAttempts} attempts. A POST is only repeated when it never reached
 * Spotify: a second "add items" or "create playlist" could apply twice.</li>
 * <li>401: one token refresh and one more try per operation.</li>
 * <li>Anything else: {@link SpotifyRequestException} with Spotify's message.</li>
 * </ul>
 */
final class SpotifyCallExecutor {

	static final int MAX_RATE_LIMIT_WAITS = 10;

	private static final Logger log = LoggerFactory.getLogger(SpotifyCallExecutor.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final SpotifyCredentialStore store;

	private final AccessTokens tokens;

	private final Duration maxRetryAfter;

	private final int maxAttempts;

	private final Clock clock;

	private final Retry rateLimitRetry;

	private final Retry failureRetry;

	/** App-wide: no request before this {@link System#nanoTime()} after a 429. */
	private volatile long rateLimitedUntilNanos = System.nanoTime();

	SpotifyCallExecutor(SpotifyProperties properties, SpotifyCredentialStore store, AccessTokens tokens, Clock clock) {
		this.store = store;
		this.tokens = tokens;
		this.maxRetryAfter = properties.maxRetryAfter();
		this.maxAttempts = Math.max(1, properties.maxAttempts());
		this.clock = clock;
		this.rateLimitRetry = Retry.of("spotify-rate-limit",
				RetryConfig.<String>custom()
					.maxAttempts(MAX_RATE_LIMIT_WAITS + 1)
					.retryOnException((ex) -> ex instanceof SpotifyHttpFailure failure && failure.isRateLimited())
					.intervalBiFunction(
							(attempt, outcome) -> ((SpotifyHttpFailure) outcome.getLeft()).retryAfter().toMillis())
					.build());
		Duration initialBackoff = max(properties.initialBackoff(), Duration.ofMillis(1));
		this.failureRetry = Retry.of("spotify-failures",
				RetryConfig.<String>custom()
					.maxAttempts(this.maxAttempts)
					.retryOnException((ex) -> ex instanceof SpotifyHttpFailure failure && failure.isTransient())
					.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5,
							max(MAX_BACKOFF, initialBackoff)))
					.build());
	}

	/**
	 * Runs one operation for an account.
	 * @param call sends the request with the given access token and returns the body
	 * @return the body of the successful answer (null when empty)
	 */
	String execute(AccountId account, SpotifyCall call) {
		AtomicBoolean refreshed = new AtomicBoolean();
		try {
			return this.rateLimitRetry
				.executeSupplier(() -> this.failureRetry.executeSupplier(() -> attempt(account, call, refreshed)));
		}
		catch (SpotifyHttpFailure failure) {
			throw gaveUp(failure);
		}
	}

	private String attempt(AccountId account, SpotifyCall call, AtomicBoolean refreshed) {
		requireNoHold(account);
		awaitRateLimit();
		try {
			String token = this.tokens.accessToken(account);
			try {
				return send(call, token);
			}
			catch (SpotifyHttpFailure failure) {
				if (failure.status() != 401 || !refreshed.compareAndSet(false, true)) {
					throw failure;
				}
				return send(call, this.tokens.replaceRejected(account, token));
			}
		}
		catch (SpotifyHttpFailure failure) {
			throw decide(account, failure);
		}
	}

	private static String send(SpotifyCall call, String token) {
		try {
			return call.send(token);
		}
		catch (IOException | SpotifyWebApiException | ParseException ex) {
			// SpotifyHttpTransport throws none of these; the library declares them
			throw new IllegalStateException("Unexpected failure from the Spotify library", ex);
		}
	}

	/**
	 * @return the failure itself when a retry should follow, else the exception that ends
	 * the operation
	 */
	private RuntimeException decide(AccountId account, SpotifyHttpFailure failure) {
		if (failure.isRateLimited()) {
			Duration wait = failure.retryAfter();
			if (failure.isQuotaExceeded()) {
				return holdEveryAccount(account, wait,
						"Spotify's daily request quota for this app is used up (QUOTA_EXCEEDED)");
			}
			if (wait.compareTo(this.maxRetryAfter) > 0) {
				// Spotify counts its rate limit per app, not per user, and a wait of
				// hours is often an exhausted quota without the reason in the body:
				// every account's next call would earn the same answer
				return holdEveryAccount(account, wait, "Spotify's rate limit asked to wait " + wait.toSeconds() + " s");
			}
			closeGateFor(wait);
			log.info("Account {}: {} rate limited; waiting {} s as Spotify asked", account, failure.endpoint(),
					wait.toSeconds());
			return failure;
		}
		if (failure.isTransient()) {
			log.info("Account {}: {} (transient)", account, failure.describe());
			return failure;
		}
		if (failure.status() == 401) {
			String message = SpotifyEndpoints.TOKEN.equals(failure.endpoint())
					? "Spotify refused the app's credentials: check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET ("
							+ failure.describe() + ")"
					: failure.describe() + ", even with a freshly refreshed access token";
			return new SpotifyRequestException(failure.endpoint(), 401, message, failure);
		}
		String message = failure.describe();
		if (failure.status() == 0 || failure.status() >= 500) {
			message += "; not repeated, as Spotify may have applied it";
		}
		return new SpotifyRequestException(failure.endpoint(), failure.status(), message, failure);
	}

	private SpotifyRequestException gaveUp(SpotifyHttpFailure failure) {
		String message = failure.isRateLimited()
				? failure.endpoint() + " was still rate limited after " + MAX_RATE_LIMIT_WAITS + " waits"
				: failure.describe() + " (" + this.maxAttempts + " attempts)";
		return new SpotifyRequestException(failure.endpoint(), failure.status(), message, failure);
	}

	private SpotifyAccountOnHoldException holdEveryAccount(AccountId account, Duration wait, String reason) {
		Instant notBefore = this.clock.instant().plus(wait);
		this.store.holdAllUntil(notBefore, reason);
		return new SpotifyAccountOnHoldException(account, notBefore, reason);
	}

	private void requireNoHold(AccountId account) {
		Instant now = this.clock.instant();
		this.store.hold(account).filter((hold) -> hold.notBefore().isAfter(now)).ifPresent((hold) -> {
			throw new SpotifyAccountOnHoldException(account, hold.notBefore(), hold.reason());
		});
	}

	private void closeGateFor(Duration wait) {
		long until = System.nanoTime() + wait.toNanos();
		synchronized (this) {
			if (until - this.rateLimitedUntilNanos > 0) {
				this.rateLimitedUntilNanos = until;
			}
		}
	}

	private void awaitRateLimit() {
		long remaining = this.rateLimitedUntilNanos - System.nanoTime();
		if (remaining <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(remaining);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SpotifyRequestException(null, 0, "Interrupted while waiting out Spotify's rate limit", ex);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * One request, built for the given access token.
	 */
	@FunctionalInterface
	interface SpotifyCall {

		String send(String accessToken) throws IOException, SpotifyWebApiException, ParseException;

	}

}
