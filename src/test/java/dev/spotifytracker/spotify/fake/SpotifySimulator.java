package dev.spotifytracker.spotify.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A strict, stateful Spotify over real HTTP for tests, benchmarks and the demo: the Web
 * API as a Development Mode app sees it (see {@code SPOTIFY_API.md}) and the accounts
 * service, both at {@link #baseUrl()}. It holds users and their libraries, issues and
 * checks tokens, fails on demand, counts every request per endpoint and lists every
 * contract breach it answered (a removed endpoint, a limit out of range, a bad token, a
 * malformed body).
 *
 * <pre>{@code
 * try (SpotifySimulator sim = SpotifySimulator.start()) {
 *     sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(1));
 *     String refreshToken = sim.issueRefreshToken("alice");
 *     // point the client at sim.baseUrl(), sync, then:
 *     sim.assertNoViolations();
 * }
 * }</pre>
 */
public final class SpotifySimulator implements AutoCloseable {

	public static final String DEFAULT_CLIENT_ID = "test-client-id";

	public static final String DEFAULT_CLIENT_SECRET = "test-client-secret";

	/**
	 * The scopes our product asks for; {@link #issueRefreshToken(String)} grants them.
	 */
	public static final String APP_SCOPES = "user-read-private user-library-read user-read-recently-played "
			+ "playlist-read-private playlist-read-collaborative playlist-modify-private playlist-modify-public";

	private static final int THREADS = 8;

	static {
		// The JDK server writes headers and body apart; with Nagle's algorithm against
		// the
		// client's delayed ACK each answer would stall ~40 ms. Read once, when the first
		// server of the JVM starts, so it is set here, before ours.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final String baseUrl;

	private final SimWorld world = new SimWorld();

	private final AppRegistration app;

	private final TokenStore tokens = new TokenStore();

	private final Faults faults = new Faults();

	private final RequestLog requests = new RequestLog();

	private final Violations violations = new Violations();

	private final RetryAfterTracker retries = new RetryAfterTracker();

	private final AccountsEndpoints accounts;

	private SpotifySimulator(String clientId, String clientSecret, int port) throws IOException {
		this.app = new AppRegistration(clientId, clientSecret);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
		this.baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.accounts = new AccountsEndpoints(this.world, this.app, this.tokens, this.faults);
		SpotifyJson json = new SpotifyJson(this.baseUrl);
		ApiRoutes routes = new ApiRoutes();
		new LibraryEndpoints(this.world.catalog(), json).register(routes);
		new PlayerEndpoints(json).register(routes);
		new PlaylistEndpoints(this.world, json).register(routes);
		removedForDevelopmentMode(routes);
		ApiGateway api = new ApiGateway(this.world, this.tokens, this.faults, this.retries, this.violations, routes,
				this.baseUrl);
		this.server.createContext("/",
				new Dispatcher(this.world, this.accounts, api, new ImageEndpoint(), this.requests, this.violations));
		this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * A simulator on a free port with the app {@code test-client-id} /
	 * {@code test-client-secret}.
	 */
	public static SpotifySimulator start() {
		return start(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
	}

	public static SpotifySimulator start(String clientId, String clientSecret) {
		return start(clientId, clientSecret, 0);
	}

	/**
	 * @param port a fixed port (a demo), or 0 for a free one
	 */
	public static SpotifySimulator start(String clientId, String clientSecret, int port) {
		try {
			return new SpotifySimulator(clientId, clientSecret, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The Spotify simulator could not listen on port " + port, ex);
		}
	}

	/**
	 * {@code http://127.0.0.1:<port>}: the Web API ({@code /v1/...}) and the accounts
	 * service ({@code /authorize}, {@code /api/token}).
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	public String clientId() {
		return this.app.clientId();
	}

	public String clientSecret() {
		return this.app.clientSecret();
	}

	/**
	 * Only this exact redirect URI (and others registered so) will be accepted from now
	 * on; by default any {@code https} or loopback-IP {@code http} URI is.
	 */
	public void registerRedirectUri(String redirectUri) {
		this.app.registerRedirectUri(redirectUri);
	}

	public SimulatedUser addUser(String userId, String displayName) {
		return this.world.addUser(userId, displayName);
	}

	public SimulatedUser user(String userId) {
		return this.world.user(userId);
	}

	public List<SimulatedUser> users() {
		return this.world.users();
	}

	public Catalog catalog() {
		return this.world.catalog();
	}

	/**
	 * The user signed in to Spotify in the "browser": {@code /authorize} grants consent
	 * for them at once.
	 */
	public void signInAs(String userId) {
		this.world.user(userId);
		this.accounts.signIn(userId);
	}

	/**
	 * No one is signed in: {@code /authorize} answers 400.
	 */
	public void signOut() {
		this.accounts.signIn(null);
	}

	/**
	 * The next consent is refused: {@code /authorize} redirects with
	 * {@code error=access_denied}.
	 */
	public void denyNextConsent() {
		this.accounts.denyNextConsent();
	}

	/**
	 * A valid refresh token for the user with {@link #APP_SCOPES}, as if they had signed
	 * in (for {@code SPOTIFY_REFRESH_TOKEN} and client tests).
	 */
	public String issueRefreshToken(String userId) {
		return issueRefreshToken(userId, APP_SCOPES);
	}

	public String issueRefreshToken(String userId, String scope) {
		this.world.user(userId);
		return this.tokens.issueRefreshToken(clientId(), userId, scope, false).token();
	}

	/**
	 * A valid access token for the user with {@link #APP_SCOPES}, without the accounts
	 * service.
	 */
	public String issueAccessToken(String userId) {
		return issueAccessToken(userId, APP_SCOPES);
	}

	public String issueAccessToken(String userId, String scope) {
		this.world.user(userId);
		return this.tokens.issueAccessToken(clientId(), userId, scope, this.world.now()).token();
	}

	/**
	 * When true, each refresh answer carries a new {@code refresh_token} and the old one
	 * stops working.
	 */
	public void rotateRefreshTokens(boolean rotate) {
		this.tokens.rotateRefreshTokens(rotate);
	}

	/**
	 * How long access tokens issued from now on live (default 3600 s).
	 */
	public void accessTokenLifetime(Duration lifetime) {
		this.tokens.accessLifetime(lifetime);
	}

	/**
	 * Every access token issued so far stops working now: the next call with one answers
	 * 401 "The access token expired".
	 */
	public void expireAccessTokens() {
		this.tokens.expireAccessTokens(this.world.now());
	}

	/**
	 * The user's refresh tokens stop working: a refresh answers 400 {@code invalid_grant}
	 * "Refresh token revoked". Access tokens live out their time.
	 */
	public void revokeRefreshTokens(String userId) {
		this.tokens.revokeRefreshTokens(userId);
	}

	/**
	 * The clock for token lifetimes, {@code Retry-After} and items added through the API
	 * (the system clock by default).
	 */
	public void clock(Clock clock) {
		this.world.clock(clock);
	}

	public Faults faults() {
		return this.faults;
	}

	public RequestLog requests() {
		return this.requests;
	}

	/**
	 * The contract breaches seen so far, each as "endpoint: what was wrong".
	 */
	public List<String> violations() {
		return this.violations.list();
	}

	public void assertNoViolations() {
		List<String> seen = violations();
		if (!seen.isEmpty()) {
			throw new AssertionError("The Spotify simulator saw " + seen.size() + " contract violation(s):\n - "
					+ String.join("\n - ", seen));
		}
	}

	/**
	 * Fails when any request came before a {@code Retry-After} the simulator sent had
	 * elapsed.
	 */
	public void assertNoEarlyRetries() {
		List<RecordedRequest> early = this.requests.all().stream().filter(RecordedRequest::earlyRetry).toList();
		if (this.requests.earlyRetries() > 0) {
			throw new AssertionError(this.requests.earlyRetries() + " request(s) came before Retry-After elapsed:\n - "
					+ early.stream().map(Object::toString).collect(Collectors.joining("\n - ")));
		}
	}

	/**
	 * Users, catalog, playlists, tokens, faults, counters and violations back to empty,
	 * settings back to their defaults; the server keeps running on the same port.
	 */
	public void reset() {
		this.world.clear();
		this.tokens.clear();
		this.faults.clear();
		this.requests.reset();
		this.violations.clear();
		this.retries.clear();
		this.accounts.clear();
		this.app.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "SpotifySimulator[" + this.baseUrl + "]";
	}

	private static void removedForDevelopmentMode(ApiRoutes routes) {
		routes.removed("GET|POST|PUT|DELETE", "/v1/playlists/{id}/tracks")
			.removed("POST", "/v1/users/{id}/playlists")
			.removed("GET", "/v1/users/{id}/playlists")
			.removed("GET", "/v1/users/{id}")
			.removed("GET", "/v1/tracks")
			.removed("GET", "/v1/albums")
			.removed("GET", "/v1/artists")
			.removed("PUT|DELETE", "/v1/me/tracks")
			.removed("PUT|DELETE", "/v1/me/albums")
			.removed("PUT|DELETE", "/v1/playlists/{id}/followers")
			.removed("*", "/v1/recommendations")
			.removed("*", "/v1/recommendations/available-genre-seeds")
			.removed("*", "/v1/audio-features")
			.removed("*", "/v1/audio-features/{id}")
			.removed("*", "/v1/audio-analysis/{id}")
			.removed("*", "/v1/artists/{id}/related-artists");
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "spotify-simulator-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
