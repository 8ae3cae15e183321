package dev.spotifytracker.spotify.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failures on demand: rate limits with {@code Retry-After} (and calling out clients that
 * come back too soon), the daily quota, server errors, slowness and a failure midway.
 */
class SpotifySimulatorFaultsTest {

	private SpotifySimulator sim;

	private SimHttp http;

	private String token;

	private MutableClock clock;

	@BeforeEach
	void start() {
		this.sim = SpotifySimulator.start();
		this.http = new SimHttp(this.sim);
		this.clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));
		this.sim.clock(this.clock);
		this.sim.addUser("alice", "Alice Example");
		this.token = this.sim.issueAccessToken("alice");
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void rateLimitedCallsCarryRetryAfterAndThenPassAgain() {
		this.sim.faults().rateLimitNext(2, 7);

		SimHttp.Answer first = this.http.get("/v1/me", this.token);
		this.clock.advance(Duration.ofSeconds(7));
		SimHttp.Answer second = this.http.get("/v1/me", this.token);
		this.clock.advance(Duration.ofSeconds(7));
		SimHttp.Answer third = this.http.get("/v1/me", this.token);

		assertThat(first.status()).isEqualTo(429);
		assertThat(first.retryAfter()).isEqualTo("7");
		assertThat(first.json().at("/error/status").intValue()).isEqualTo(429);
		assertThat(second.status()).isEqualTo(429);
		assertThat(third.status()).isEqualTo(200);
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(3);
		assertThat(this.sim.requests().earlyRetries()).isZero();
		this.sim.assertNoEarlyRetries();
	}

	@Test
	void aCallBeforeRetryAfterElapsedIsAnEarlyRetry() {
		this.sim.faults().rateLimitNext(1, 10);

		this.http.get("/v1/me", this.token);
		this.clock.advance(Duration.ofSeconds(9));
		SimHttp.Answer tooSoon = this.http.get("/v1/me/tracks", this.token);

		assertThat(tooSoon.status()).isEqualTo(200);
		assertThat(this.sim.requests().earlyRetries()).isEqualTo(1);
		assertThat(this.sim.requests().of("GET /v1/me/tracks")).singleElement()
			.satisfies((request) -> assertThat(request.earlyRetry()).isTrue());
		assertThatThrownBy(this.sim::assertNoEarlyRetries).isInstanceOf(AssertionError.class)
			.hasMessageContaining("GET /v1/me/tracks");
	}

	@Test
	void anotherUserIsNotHeldBackByAliceRetryAfter() {
		this.sim.addUser("bob", "Bob");
		String bobsToken = this.sim.issueAccessToken("bob");
		this.sim.faults().rateLimitNext(1, 60);

		this.http.get("/v1/me", this.token);
		this.http.get("/v1/me", bobsToken);

		assertThat(this.sim.requests().earlyRetries()).isZero();
	}

	@Test
	void anExhaustedQuotaSaysSoUntilCleared() {
		this.sim.faults().quotaExceeded(86_400);

		SimHttp.Answer first = this.http.get("/v1/me/albums", this.token);
		this.clock.advance(Duration.ofMinutes(30));
		SimHttp.Answer later = this.http.get("/v1/me/albums", this.token);
		this.sim.faults().clear();
		SimHttp.Answer cleared = this.http.get("/v1/me/albums", this.token);

		assertThat(first.status()).isEqualTo(429);
		assertThat(first.retryAfter()).isEqualTo("86400");
		assertThat(first.json().at("/error/reason").stringValue()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(later.status()).isEqualTo(429);
		assertThat(cleared.status()).isEqualTo(200);
	}

	@Test
	void serverErrorsComeForTheNextCallsOnly() {
		this.sim.faults().serverErrorNext(2, 503);

		List<Integer> statuses = IntStream.range(0, 3)
			.mapToObj((i) -> this.http.get("/v1/me", this.token).status())
			.toList();

		assertThat(statuses).containsExactly(503, 503, 200);
	}

	@Test
	void anEndpointFailsAfterItsSuccessfulCalls() {
		SimAlbum album = this.sim.catalog().newAlbum("Album", 3);
		this.sim.faults().failOn("GET /v1/albums/{id}/tracks", 2, 500);
		String path = "/v1/albums/" + album.id() + "/tracks";

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(this.http.get(path, this.token).status());
		}
		int otherEndpoint = this.http.get("/v1/me", this.token).status();

		assertThat(statuses).containsExactly(200, 200, 500, 500);
		assertThat(otherEndpoint).isEqualTo(200);
	}

	@Test
	void randomRateLimitsFollowTheirSeed() {
		List<Integer> first = randomRun(42);
		List<Integer> second = randomRun(42);

		long limited = first.stream().filter((status) -> status == 429).count();
		assertThat(first).isEqualTo(second);
		assertThat(limited).isBetween(40L, 80L);
	}

	@Test
	void slowCallsAnswerOnlyAfterTheirDelay() {
		this.sim.faults().slowNext(1, Duration.ofMillis(300));

		long started = System.nanoTime();
		SimHttp.Answer slow = this.http.get("/v1/me", this.token);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(slow.status()).isEqualTo(200);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void theTokenEndpointCanFailToo() {
		this.sim.faults().tokenErrorNext(1, 503);
		String refreshToken = this.sim.issueRefreshToken("alice");

		int failed = this.http.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).status();
		int recovered = this.http.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).status();

		assertThat(failed).isEqualTo(503);
		assertThat(recovered).isEqualTo(200);
	}

	private List<Integer> randomRun(long seed) {
		this.sim.faults().clear();
		this.sim.faults().rateLimitRandomly(0.3, 0, seed);
		return IntStream.range(0, 200).mapToObj((i) -> this.http.get("/v1/me", this.token).status()).toList();
	}

}
