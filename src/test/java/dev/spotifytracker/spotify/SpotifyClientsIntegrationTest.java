package dev.spotifytracker.spotify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module as the application wires it: settings, the Spotify registration, and every
 * call counted in {@code spotify_calls}, Micrometer and the caller's listener.
 */
@IntegrationTest
class SpotifyClientsIntegrationTest {

	private static final SpotifySimulator sim = SpotifySimulator.start();

	private static final AtomicInteger users = new AtomicInteger();

	@Autowired
	private SpotifyClients clients;

	@Autowired
	private SpotifyCallMeter meter;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private InMemoryCredentialStore store;

	@Autowired
	@Qualifier("spotifyClientRegistrations")
	private ClientRegistrationRepository registrations;

	@DynamicPropertySource
	static void spotify(DynamicPropertyRegistry registry) {
		registry.add("tracker.spotify.api-base-url", sim::baseUrl);
		registry.add("tracker.spotify.accounts-base-url", sim::baseUrl);
		registry.add("tracker.spotify.client-id", sim::clientId);
		registry.add("tracker.spotify.client-secret", sim::clientSecret);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void startCounting() {
		this.store.clear();
		sim.faults().clear();
		sim.requests().reset();
	}

	@AfterEach
	void checkContract() {
		sim.assertNoViolations();
		sim.assertNoEarlyRetries();
	}

	@Test
	void everyCallIsCountedInTheDatabaseTheMeterAndTheListener() {
		AccountId account = signedInAccount();
		RecordingListener listener = new RecordingListener();
		SpotifyClient client = this.clients.forAccount(account, listener);
		double likedBefore = count("GET /v1/me/tracks", "200");
		Instant started = Instant.now();
		sim.faults().rateLimitNext(1, 1);

		client.currentUser();
		client.likedTracks(0, 50);
		client.likedTracks(50, 50);
		client.savedAlbums(0, 50);

		Map<String, Integer> answered = new TreeMap<>(sim.requests().countsByEndpoint());
		answered.remove("POST /api/token");
		assertThat(answered).containsEntry("GET /v1/me", 2).containsEntry("GET /v1/me/tracks", 2);
		assertThat(rowsByEndpoint(account)).isEqualTo(answered);
		assertThat(listener.countsByEndpoint()).isEqualTo(answered);
		assertThat(this.meter.callsSince(started)).isEqualTo(sim.requests().apiTotal());
		assertThat(this.meter.callsSince(Instant.now().plus(Duration.ofMinutes(2)))).isZero();
		assertThat(count("GET /v1/me/tracks", "200") - likedBefore).isEqualTo(2);
		assertThat(count("GET /v1/me", "429")).isEqualTo(1);
	}

	@Test
	void aCountTheDatabaseRefusesDoesNotFailTheCall() {
		String user = "nobody" + users.incrementAndGet();
		sim.addUser(user, "No Account Row");
		AccountId withoutRow = new AccountId(999_999);
		this.store.withRefreshToken(withoutRow, sim.issueRefreshToken(user));
		RecordingListener listener = new RecordingListener();

		SpotifyUser me = this.clients.forAccount(withoutRow, listener).currentUser();

		assertThat(me.id()).isEqualTo(user);
		assertThat(listener.calls()).containsExactly("GET /v1/me 200");
		assertThat(this.jdbc.sql("select count(*) from spotify_calls").query(Long.class).single()).isZero();
	}

	@Test
	void theSpotifyRegistrationComesFromTheSettings() {
		ClientRegistration spotify = this.registrations.findByRegistrationId(SpotifyRegistration.REGISTRATION_ID);

		assertThat(spotify.getClientId()).isEqualTo(sim.clientId());
		assertThat(spotify.getClientSecret()).isEqualTo(sim.clientSecret());
		assertThat(spotify.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(spotify.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(spotify.getProviderDetails().getAuthorizationUri()).isEqualTo(sim.baseUrl() + "/authorize");
		assertThat(spotify.getProviderDetails().getTokenUri()).isEqualTo(sim.baseUrl() + "/api/token");
		assertThat(spotify.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo(sim.baseUrl() + "/v1/me");
		assertThat(spotify.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("id");
		assertThat(spotify.getScopes()).isEqualTo(Set.copyOf(SpotifyRegistration.SCOPES));
		// SPOTIFY_REDIRECT_URI is not set: the callback on whatever host the request came
		// to
		assertThat(spotify.getRedirectUri()).isEqualTo("{baseUrl}/callback");
	}

	private AccountId signedInAccount() {
		String user = "listener" + users.incrementAndGet();
		sim.addUser(user, "Listener").generateLibrary(LibrarySpec.seed(30).albums(3).likedTracks(60).plays(0));
		long id = this.jdbc.sql("insert into accounts (spotify_user_id) values (:user) returning id")
			.param("user", user)
			.query(Long.class)
			.single();
		AccountId account = new AccountId(id);
		this.store.withRefreshToken(account, sim.issueRefreshToken(user));
		return account;
	}

	private Map<String, Integer> rowsByEndpoint(AccountId account) {
		Map<String, Integer> rows = new TreeMap<>();
		this.jdbc.sql(
				"select endpoint, sum(calls) as calls from spotify_calls where account_id = :account group by endpoint")
			.param("account", account.value())
			.query((row, index) -> rows.put(row.getString("endpoint"), row.getInt("calls")))
			.list();
		return rows;
	}

	private double count(String endpoint, String status) {
		Counter counter = this.meters.find("spotify.calls").tag("endpoint", endpoint).tag("status", status).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CredentialStoreInMemory {

		@Bean
		@Primary
		InMemoryCredentialStore inMemoryCredentialStore() {
			return new InMemoryCredentialStore();
		}

	}

}
