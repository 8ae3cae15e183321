package dev.spotifytracker.spotify.fake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * Failures on demand. Unless said otherwise each switch applies to Web API calls
 * ({@code /v1/...}) with a valid access token, whatever their endpoint; the accounts
 * service has its own. Switches stay until used up or {@link #clear()}.
 */
public final class Faults {

	private int rateLimitedCalls;

	private int rateLimitRetryAfter;

	private double randomRate;

	private int randomRetryAfter;

	private SplittableRandom random;

	private Integer quotaRetryAfter;

	private int serverErrorCalls;

	private int serverErrorStatus;

	private int slowCalls;

	private Duration slowDelay = Duration.ZERO;

	private int heldCalls;

	private CountDownLatch holdRelease;

	private int passingBeforeHold;

	private final Map<String, FailRule> failRules = new LinkedHashMap<>();

	private int accountsErrorCalls;

	private final Map<String, Integer> droppedAnswers = new LinkedHashMap<>();

	private int accountsErrorStatus;

	Faults() {
		// made by the simulator only
	}

	/**
	 * The next {@code n} calls answer 429 with this {@code Retry-After}.
	 */
	public synchronized Faults rateLimitNext(int n, int retryAfterSeconds) {
		requireRetryAfter(retryAfterSeconds);
		this.rateLimitedCalls = n;
		this.rateLimitRetryAfter = retryAfterSeconds;
		return this;
	}

	/**
	 * This share of calls (0.3: about 30%) answers 429, drawn from a seeded sequence so a
	 * run repeats.
	 */
	public synchronized Faults rateLimitRandomly(double rate, int retryAfterSeconds, long seed) {
		if (!(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException("A rate is between 0 and 1: " + rate);
		}
		requireRetryAfter(retryAfterSeconds);
		this.randomRate = rate;
		this.randomRetryAfter = retryAfterSeconds;
		this.random = new SplittableRandom(seed);
		return this;
	}

	/**
	 * Every call answers 429 with {@code "reason":"QUOTA_EXCEEDED"} and this
	 * {@code Retry-After} (Spotify sends many hours) until {@link #clear()}.
	 */
	public synchronized Faults quotaExceeded(int retryAfterSeconds) {
		requireRetryAfter(retryAfterSeconds);
		this.quotaRetryAfter = retryAfterSeconds;
		return this;
	}

	/**
	 * The next {@code n} calls answer this status (500, 502 or 503).
	 */
	public synchronized Faults serverErrorNext(int n, int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("A server error is 5xx: " + status);
		}
		this.serverErrorCalls = n;
		this.serverErrorStatus = status;
		return this;
	}

	/**
	 * The next {@code n} calls are answered only after {@code delay}.
	 */
	public synchronized Faults slowNext(int n, Duration delay) {
		this.slowCalls = n;
		this.slowDelay = delay;
		return this;
	}

	/**
	 * The next {@code n} calls are answered only once {@code release} opens (or after a
	 * minute): a Spotify exactly as slow as a test needs, without guessing a delay.
	 */
	public synchronized Faults holdNext(int n, CountDownLatch release) {
		this.passingBeforeHold = 0;
		this.heldCalls = n;
		this.holdRelease = release;
		return this;
	}

	/**
	 * Lets {@code passing} calls through, then holds the next one until {@code release}
	 * opens (or a minute passed): a job stopped midway, at a known call.
	 */
	public synchronized Faults holdAfter(int passing, CountDownLatch release) {
		this.passingBeforeHold = passing;
		this.heldCalls = 1;
		this.holdRelease = release;
		return this;
	}

	/**
	 * After {@code afterCalls} successful calls of {@code endpointTemplate} (e.g.
	 * {@code GET /v1/albums/{id}/tracks}), every further call of it answers
	 * {@code status} until {@link #clear()}: a failure midway through a job.
	 */
	public synchronized Faults failOn(String endpointTemplate, int afterCalls, int status) {
		this.failRules.put(endpointTemplate, new FailRule(afterCalls, status));
		return this;
	}

	/**
	 * The next {@code n} calls of {@code endpointTemplate} (e.g.
	 * {@code POST /v1/me/playlists}) are carried out, but their answer never leaves: the
	 * connection closes, as when an answer is lost on the way or comes after the client's
	 * timeout.
	 */
	public synchronized Faults dropAnswerOf(String endpointTemplate, int n) {
		this.droppedAnswers.put(endpointTemplate, n);
		return this;
	}

	/**
	 * The accounts service's next {@code n} token requests answer this status (e.g. 503).
	 */
	public synchronized Faults tokenErrorNext(int n, int status) {
		this.accountsErrorCalls = n;
		this.accountsErrorStatus = status;
		return this;
	}

	public synchronized void clear() {
		this.rateLimitedCalls = 0;
		this.randomRate = 0;
		this.random = null;
		this.quotaRetryAfter = null;
		this.serverErrorCalls = 0;
		this.slowCalls = 0;
		this.slowDelay = Duration.ZERO;
		this.heldCalls = 0;
		this.holdRelease = null;
		this.passingBeforeHold = 0;
		this.failRules.clear();
		this.accountsErrorCalls = 0;
		this.droppedAnswers.clear();
	}

	/**
	 * Decides what happens to one API call, using up the switches that apply.
	 */
	synchronized Plan plan(String endpoint) {
		Duration delay = Duration.ZERO;
		if (this.slowCalls > 0) {
			this.slowCalls--;
			delay = this.slowDelay;
		}
		CountDownLatch hold = null;
		if (this.heldCalls > 0 && this.passingBeforeHold > 0) {
			this.passingBeforeHold--;
		}
		else if (this.heldCalls > 0) {
			this.heldCalls--;
			hold = this.holdRelease;
		}
		return new Plan(delay, hold, failure(endpoint));
	}

	/**
	 * Tells the fail-on rules how a call that the faults let through ended.
	 */
	synchronized void answered(String endpoint, int status) {
		FailRule rule = this.failRules.get(endpoint);
		if (rule != null && status >= 200 && status < 300) {
			rule.successes++;
		}
	}

	/**
	 * Whether the answer of this call, already carried out, is to be dropped; uses up
	 * one.
	 */
	synchronized boolean dropsAnswer(String endpoint) {
		int left = this.droppedAnswers.getOrDefault(endpoint, 0);
		if (left <= 0) {
			return false;
		}
		this.droppedAnswers.put(endpoint, left - 1);
		return true;
	}

	synchronized SimResponse tokenFailure() {
		if (this.accountsErrorCalls == 0) {
			return null;
		}
		this.accountsErrorCalls--;
		return SimResponse.oauthError(this.accountsErrorStatus, "server_error", "Simulated failure");
	}

	private SimResponse failure(String endpoint) {
		if (this.quotaRetryAfter != null) {
			return SimResponse.rateLimited(this.quotaRetryAfter, "QUOTA_EXCEEDED");
		}
		if (this.rateLimitedCalls > 0) {
			this.rateLimitedCalls--;
			return SimResponse.rateLimited(this.rateLimitRetryAfter, null);
		}
		if (this.serverErrorCalls > 0) {
			this.serverErrorCalls--;
			return serverError(this.serverErrorStatus);
		}
		FailRule rule = this.failRules.get(endpoint);
		if (rule != null && rule.successes >= rule.afterCalls) {
			return (rule.status == 429) ? SimResponse.rateLimited(1, null)
					: SimResponse.apiError(rule.status, "Simulated failure");
		}
		if (this.random != null && this.random.nextDouble() < this.randomRate) {
			return SimResponse.rateLimited(this.randomRetryAfter, null);
		}
		return null;
	}

	private static SimResponse serverError(int status) {
		return SimResponse.apiError(status, switch (status) {
			case 502 -> "Bad gateway.";
			case 503 -> "Service unavailable";
			default -> "Server error.";
		});
	}

	private static void requireRetryAfter(int seconds) {
		if (seconds < 0) {
			throw new IllegalArgumentException("Retry-After is zero or more seconds: " + seconds);
		}
	}

	/**
	 * @param delay how long to hold the answer back
	 * @param hold what the answer waits for as well, or null
	 * @param failure the answer instead of the real one, or null
	 */
	record Plan(Duration delay, CountDownLatch hold, SimResponse failure) {

	}

	private static final class FailRule {

		private final int afterCalls;

		private final int status;

		private int successes;

		FailRule(int afterCalls, int status) {
			this.afterCalls = afterCalls;
			this.status = status;
		}

	}

}
