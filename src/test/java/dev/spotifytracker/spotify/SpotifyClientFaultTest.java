package dev.spotifytracker.spotify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCredentialStore.AccountHold;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.RecordedRequest;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How the client lives with rate limits, quotas, server errors, slow answers and token
 * trouble, against the simulator's faults.
 */
class SpotifyClientFaultTest {

	private static final AccountId ACCOUNT = new AccountId(1);

	/**
	 * A call answered with a Retry-After of an hour or more returns at once instead of
	 * sleeping: far below the hold, with room for a busy 2-core machine.
	 */
	private static final Duration NO_WAITING = Duration.ofSeconds(60);

	private final SpotifySimulator sim = SpotifySimulator.start();

	private final SimulatedUser alice = this.sim.addUser("alice", "Alice");

	private final InMemoryCredentialStore store = new InMemoryCredentialStore().withRefreshToken(ACCOUNT,
			this.sim.issueRefreshToken("alice"));

	private final RecordingListener listener = new RecordingListener();

	private final SpotifyClient client = client(SimulatorClients.properties(this.sim));

	@AfterEach
	void stopSimulator() {
		try {
			this.sim.assertNoViolations();
			this.sim.assertNoEarlyRetries();
		}
		finally {
			this.sim.close();
		}
	}

	@Test
	void aThirtyPercentRateLimitCompletesWithoutEarlyRetries() {
		this.alice.generateLibrary(LibrarySpec.seed(20).albums(10).likedTracks(300).plays(0));
		this.sim.faults().rateLimitRandomly(0.3, 1, 42);

		List<String> liked = new ArrayList<>();
		Page<SavedTrack> page;
		do {
			page = this.client.likedTracks(liked.size(), 50);
			page.items().forEach((saved) -> liked.add(saved.track().id()));
		}
		while (page.hasNext());

		assertThat(liked)
			.containsExactlyElementsOf(this.alice.likedTracks().stream().map((saved) -> saved.track().id()).toList());
		assertThat(this.listener.withStatus(429)).isPositive();
		assertThat(this.listener.withStatus(200)).isEqualTo(6);
		assertThat(this.sim.requests().earlyRetries()).isZero();
	}

	@Test
	void aLongRetryAfterHoldsEveryAccountWithoutWaiting() {
		// Spotify's rate limit is the app's: bob's next call would be refused as well
		AccountId bobsAccount = new AccountId(2);
		this.sim.addUser("bob", "Bob");
		this.store.withRefreshToken(bobsAccount, this.sim.issueRefreshToken("bob"));
		this.sim.faults().rateLimitNext(1, 3600);
		Instant before = Instant.now();
		long started = System.nanoTime();

		SpotifyAccountOnHoldException held = assertThatExceptionOfType(SpotifyAccountOnHoldException.class)
			.isThrownBy(this.client::currentUser)
			.actual();

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).isLessThan(NO_WAITING);
		assertThat(held.account()).isEqualTo(ACCOUNT);
		assertThat(held.notBefore()).isBetween(before.plusSeconds(3600), Instant.now().plusSeconds(3600));
		assertThat(this.store.holdCalls).containsExactly(new AccountHold(held.notBefore(), held.reason()));
		assertThat(held.reason()).contains("3600 s");
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(1);
		assertThat(this.store.hold(bobsAccount)).contains(new AccountHold(held.notBefore(), held.reason()));
	}

	@Test
	void anExhaustedQuotaHoldsTheAccountForSpotifysRetryAfter() {
		this.sim.faults().quotaExceeded(48_925);
		Instant before = Instant.now();
		long started = System.nanoTime();

		SpotifyAccountOnHoldException held = assertThatExceptionOfType(SpotifyAccountOnHoldException.class)
			.isThrownBy(() -> this.client.likedTracks(0, 50))
			.actual();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NO_WAITING);
		assertThat(held.reason()).contains("QUOTA_EXCEEDED");
		assertThat(held.notBefore()).isBetween(before.plusSeconds(48_925), Instant.now().plusSeconds(48_925));
		assertThat(this.store.holdCalls).containsExactly(new AccountHold(held.notBefore(), held.reason()));
		assertThat(this.sim.requests().apiTotal()).isEqualTo(1);
	}

	@Test
	void anExhaustedQuotaHoldsTheAccountEvenWithAShortRetryAfter() {
		this.sim.faults().quotaExceeded(1);

		SpotifyAccountOnHoldException held = assertThatExceptionOfType(SpotifyAccountOnHoldException.class)
			.isThrownBy(this.client::currentUser)
			.actual();

		assertThat(held.reason()).contains("QUOTA_EXCEEDED");
		assertThat(this.store.holdCalls).hasSize(1);
		assertThat(this.sim.requests().apiTotal()).isEqualTo(1);
	}

	@Test
	void aHeldAccountMakesNoCallAtAll() {
		Instant notBefore = Instant.now().plusSeconds(3600);
		this.store.withHold(ACCOUNT, notBefore, "quota");

		SpotifyAccountOnHoldException held = assertThatExceptionOfType(SpotifyAccountOnHoldException.class)
			.isThrownBy(this.client::currentUser)
			.actual();

		assertThat(held.notBefore()).isEqualTo(notBefore);
		assertThat(held.reason()).isEqualTo("quota");
		assertThat(this.sim.requests().total()).isZero();
		assertThat(this.listener.calls()).isEmpty();
	}

	@Test
	void aHoldThatHasPassedNoLongerStopsCalls() {
		this.store.withHold(ACCOUNT, Instant.now().minusSeconds(60), "quota");

		assertThat(this.client.currentUser().id()).isEqualTo("alice");
	}

	@Test
	void anExhaustedQuotaHoldsEveryAccountOfTheApp() {
		AccountId bobsAccount = new AccountId(2);
		this.sim.addUser("bob", "Bob");
		this.store.withRefreshToken(bobsAccount, this.sim.issueRefreshToken("bob"));
		this.sim.faults().quotaExceeded(3_600);

		assertThatExceptionOfType(SpotifyAccountOnHoldException.class).isThrownBy(this.client::currentUser);
		this.sim.faults().clear();
		this.sim.requests().reset();

		SpotifyClient bob = SimulatorClients.clients(SimulatorClients.properties(this.sim), this.store)
			.forAccount(bobsAccount);
		assertThatExceptionOfType(SpotifyAccountOnHoldException.class).isThrownBy(bob::currentUser);
		assertThat(this.sim.requests().total()).as("bob's call was never sent").isZero();
	}

	@Test
	void aShortRateLimitOfOneAccountHoldsBackTheAppsOtherAccounts() {
		AccountId bobsAccount = new AccountId(2);
		this.sim.addUser("bob", "Bob");
		this.store.withRefreshToken(bobsAccount, this.sim.issueRefreshToken("bob"));
		SpotifyClients clients = SimulatorClients.clients(SimulatorClients.properties(this.sim), this.store);
		SpotifyClient bob = clients.forAccount(bobsAccount);
		bob.currentUser(); // bob's token is ready, so his next call is one request
		this.sim.requests().reset();
		this.sim.faults().rateLimitNext(1, 2);

		CompletableFuture<SpotifyUser> alices = CompletableFuture
			.supplyAsync(() -> clients.forAccount(ACCOUNT).currentUser());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.sim.requests().of("GET /v1/me").stream().anyMatch((request) -> request.status() == 429));
		bob.currentUser();

		assertThat(alices.join().id()).isEqualTo("alice");
		List<RecordedRequest> calls = this.sim.requests().of("GET /v1/me");
		RecordedRequest limited = calls.stream().filter((request) -> request.status() == 429).findFirst().orElseThrow();
		RecordedRequest bobs = calls.stream()
			.filter((request) -> "bob".equals(request.userId()))
			.findFirst()
			.orElseThrow();
		assertThat(Duration.between(limited.at(), bobs.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aBurstOfServerErrorsRecovers() {
		this.sim.faults().serverErrorNext(3, 503);

		assertThat(this.client.currentUser().id()).isEqualTo("alice");

		assertThat(this.listener.calls()).containsExactly("GET /v1/me 503", "GET /v1/me 503", "GET /v1/me 503",
				"GET /v1/me 200");
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(SimulatorClients.MAX_ATTEMPTS);
	}

	@Test
	void serverErrorsBeyondMaxAttemptsFail() {
		SpotifyClient client = client(SimulatorClients.properties(this.sim, SimulatorClients.READ_TIMEOUT, 3));
		this.sim.faults().serverErrorNext(5, 500);

		SpotifyRequestException failed = assertThatExceptionOfType(SpotifyRequestException.class)
			.isThrownBy(client::currentUser)
			.actual();

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.endpoint()).isEqualTo("GET /v1/me");
		assertThat(failed.getMessage()).contains("GET /v1/me answered 500: Server error.").contains("3 attempts");
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(3);
	}

	@Test
	void aPlaylistAdditionIsNotRepeatedAfterAServerError() {
		this.alice.generateLibrary(LibrarySpec.seed(21).albums(2).likedTracks(5).plays(0));
		SimPlaylist playlist = this.alice.createPlaylist("Once");
		String uri = this.alice.likedTracks().get(0).track().uri();
		this.client.currentUser();
		this.sim.faults().serverErrorNext(1, 502);

		SpotifyRequestException failed = assertThatExceptionOfType(SpotifyRequestException.class)
			.isThrownBy(() -> this.client.addPlaylistItems(playlist.id(), List.of(uri), null))
			.actual();

		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.getMessage()).contains("not repeated");
		assertThat(this.sim.requests().count("POST /v1/playlists/{id}/items")).isEqualTo(1);
	}

	@Test
	void anotherClientErrorFailsAtOnceWithSpotifysMessage() {
		this.sim.faults().failOn("GET /v1/me", 0, 404);

		SpotifyRequestException failed = assertThatExceptionOfType(SpotifyRequestException.class)
			.isThrownBy(this.client::currentUser)
			.actual();

		assertThat(failed.status()).isEqualTo(404);
		assertThat(failed.endpoint()).isEqualTo("GET /v1/me");
		assertThat(failed.getMessage()).isEqualTo("GET /v1/me answered 404: Simulated failure");
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(1);
	}

	@Test
	void endlessRateLimitingGivesUpAfterTenWaits() {
		this.sim.faults().rateLimitNext(50, 0);

		SpotifyRequestException failed = assertThatExceptionOfType(SpotifyRequestException.class)
			.isThrownBy(this.client::currentUser)
			.actual();

		assertThat(failed.status()).isEqualTo(429);
		assertThat(failed.getMessage()).contains("still rate limited after 10 waits");
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(11);
		assertThat(this.store.holdCalls).isEmpty();
	}

	@Test
	void aRefusedRefreshTokenAsksForSignInWithOneTokenRequest() {
		this.sim.revokeRefreshTokens("alice");

		SpotifySignInRequiredException refused = assertThatExceptionOfType(SpotifySignInRequiredException.class)
			.isThrownBy(this.client::currentUser)
			.actual();
		assertThatExceptionOfType(SpotifySignInRequiredException.class).isThrownBy(this.client::currentUser);

		assertThat(refused.account()).isEqualTo(ACCOUNT);
		assertThat(refused.getMessage()).contains("invalid_grant");
		assertThat(this.store.signInReasons).singleElement().asString().contains("invalid_grant");
		assertThat(this.sim.requests().count("POST /api/token")).isEqualTo(1);
		assertThat(this.sim.requests().apiTotal()).isZero();
	}

	@Test
	void anAccountWithoutRefreshTokenAsksForSignInWithoutACall() {
		SpotifyClient stranger = SimulatorClients
			.clients(SimulatorClients.properties(this.sim), new InMemoryCredentialStore())
			.forAccount(ACCOUNT);

		assertThatExceptionOfType(SpotifySignInRequiredException.class).isThrownBy(stranger::currentUser);

		assertThat(this.sim.requests().total()).isZero();
	}

	@Test
	void anAccessTokenThatExpiresMidJobIsRefreshedOnceAndTheCallRetriedOnce() {
		this.alice.generateLibrary(LibrarySpec.seed(22).albums(5).likedTracks(100).plays(0));
		List<String> expected = this.alice.likedTracks().stream().map((saved) -> saved.track().id()).toList();

		Page<SavedTrack> first = this.client.likedTracks(0, 50);
		this.sim.expireAccessTokens();
		Page<SavedTrack> second = this.client.likedTracks(50, 50);

		assertThat(first.items()).extracting((saved) -> saved.track().id())
			.containsExactlyElementsOf(expected.subList(0, 50));
		assertThat(second.items()).extracting((saved) -> saved.track().id())
			.containsExactlyElementsOf(expected.subList(50, 100));
		assertThat(this.listener.calls()).containsExactly("GET /v1/me/tracks 200", "GET /v1/me/tracks 401",
				"GET /v1/me/tracks 200");
		assertThat(this.sim.requests().count("POST /api/token")).isEqualTo(2);
	}

	@Test
	void aRotatedRefreshTokenIsStoredAndUsedNextTime() {
		this.sim.rotateRefreshTokens(true);

		this.client.currentUser();
		this.sim.expireAccessTokens();
		this.client.currentUser();

		assertThat(this.store.rotatedTokens).hasSize(2).doesNotHaveDuplicates();
		assertThat(this.store.refreshToken(ACCOUNT)).contains(this.store.rotatedTokens.get(1));
		assertThat(this.store.signInReasons).isEmpty();
		assertThat(this.sim.requests().count("POST /api/token")).isEqualTo(2);
	}

	@Test
	void theAccessTokenServesManyCalls() {
		for (int i = 0; i < 10; i++) {
			this.client.currentUser();
		}

		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(10);
		assertThat(this.sim.requests().count("POST /api/token")).isEqualTo(1);
	}

	@Test
	void aTokenServiceOutageIsRetried() {
		this.sim.faults().tokenErrorNext(2, 503);

		assertThat(this.client.currentUser().id()).isEqualTo("alice");

		assertThat(this.sim.requests().count("POST /api/token")).isEqualTo(3);
	}

	@Test
	void anAnswerSlowerThanTheReadTimeoutFails() {
		SpotifyClient impatient = client(SimulatorClients.properties(this.sim, Duration.ofMillis(300), 1));
		impatient.currentUser();
		this.sim.faults().slowNext(1, Duration.ofSeconds(10));
		long started = System.nanoTime();

		SpotifyRequestException failed = assertThatExceptionOfType(SpotifyRequestException.class)
			.isThrownBy(impatient::currentUser)
			.actual();

		// the 300 ms timeout, not the 10 s answer, ended it; the bound leaves room for a
		// busy machine
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
		assertThat(failed.status()).isZero();
		assertThat(failed.getMessage()).contains("GET /v1/me got no answer from Spotify").contains("timed out");
		assertThat(this.listener.calls()).endsWith("GET /v1/me 0");
	}

	@Test
	void aSlowAnswerIsRetriedWithinTheAttempts() {
		SpotifyClient patient = client(SimulatorClients.properties(this.sim, Duration.ofMillis(300), 2));
		patient.currentUser();
		this.sim.faults().slowNext(1, Duration.ofSeconds(10));

		assertThat(patient.currentUser().id()).isEqualTo("alice");

		assertThat(this.listener.calls()).containsExactly("GET /v1/me 200", "GET /v1/me 0", "GET /v1/me 200");
	}

	@Test
	void withoutAClientIdNothingIsCalled() {
		SpotifyProperties configured = SimulatorClients.properties(this.sim);
		SpotifyProperties unconfigured = new SpotifyProperties("", "", null, null, configured.apiBaseUrl(),
				configured.accountsBaseUrl(), configured.connectTimeout(), configured.readTimeout(),
				configured.maxRetryAfter(), configured.maxAttempts(), configured.initialBackoff());

		assertThatExceptionOfType(SpotifyRequestException.class).isThrownBy(client(unconfigured)::currentUser)
			.withMessageContaining("SPOTIFY_CLIENT_ID is not set");

		assertThat(this.sim.requests().total()).isZero();
	}

	@Test
	void theListenerHearsEveryRequestTheSimulatorAnswered() {
		this.alice.generateLibrary(LibrarySpec.seed(23).albums(3).likedTracks(60).plays(60));
		SimPlaylist playlist = this.alice.createPlaylist("Counted");
		String uri = this.alice.likedTracks().get(0).track().uri();
		this.sim.faults().rateLimitNext(1, 1).serverErrorNext(1, 503);

		this.client.currentUser();
		this.client.likedTracks(0, 50);
		this.client.likedTracks(50, 50);
		this.sim.expireAccessTokens();
		this.client.savedAlbums(0, 50);
		this.client.recentlyPlayed(null, 50);
		this.client.replacePlaylistItems(playlist.id(), List.of(uri));
		this.client.playlistItems(playlist.id(), 0, 50);

		List<String> answered = this.sim.requests()
			.all()
			.stream()
			.filter((request) -> request.path().startsWith("/v1/"))
			.map((request) -> request.endpoint() + " " + request.status())
			.toList();
		assertThat(this.listener.calls()).containsExactlyElementsOf(answered)
			.contains("GET /v1/me 429", "GET /v1/me 503", "GET /v1/me/albums 401");
		assertThat(this.listener.countsByEndpoint()).containsEntry("GET /v1/me", 3)
			.containsEntry("GET /v1/me/tracks", 2);
	}

	private SpotifyClient client(SpotifyProperties properties) {
		return SimulatorClients.clients(properties, this.store).forAccount(ACCOUNT, this.listener);
	}

}
