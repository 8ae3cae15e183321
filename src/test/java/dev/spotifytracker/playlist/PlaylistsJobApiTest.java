package dev.spotifytracker.playlist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.spotifytracker.account.TestAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.SimAlbum;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The playlist jobs as an external scheduler runs them: through the job API and the job
 * runner, for an account signed in the real way, against the Spotify simulator.
 */
@IntegrationTest
class PlaylistsJobApiTest {

	static final SpotifySimulator sim = SpotifySimulator.start();

	static final String API_TOKEN = "test-playlists-api-token-of-32-characters-or-more";

	@DynamicPropertySource
	static void spotify(DynamicPropertyRegistry registry) {
		registry.add("tracker.spotify.client-id", sim::clientId);
		registry.add("tracker.spotify.client-secret", sim::clientSecret);
		registry.add("tracker.spotify.api-base-url", sim::baseUrl);
		registry.add("tracker.spotify.accounts-base-url", sim::baseUrl);
		registry.add("tracker.security.api-token", () -> API_TOKEN);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaylistService service;

	@Autowired
	PlaylistQueries queries;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theJobApiPublishesThePlaylistsAndTheDailyCheckRepairsAHandEdit() {
		SimulatedUser alice = sim.addUser("alice", "Alice");
		AccountId account = TestAccounts.signedIn(this.context, sim, "alice");
		SimAlbum album = sim.catalog().album("Everything").tracks(120).build();
		TestLibrary library = TestLibrary.of(this.jdbc, account);
		for (SimTrack track : album.tracks()) {
			library.track(album.id(), track.id(), track.discNumber(), track.trackNumber());
		}
		library.savedAlbum(album.id(), this.clock.instant().minus(Duration.ofDays(3)));
		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			this.service.updateSettings(account, rule, rule == SmartPlaylistRule.NEVER_PLAYED, rule.defaultLimit(),
					rule.defaultWindowDays());
		}

		JsonNode published = runJob("playlists");

		assertThat(published.get("status").asString()).isEqualTo("succeeded");
		assertThat(published.get("apiCalls").asInt()).isEqualTo(3).isEqualTo(sim.requests().apiTotal());
		assertThat(published.get("items").asInt()).isEqualTo(120);
		JsonNode detail = published.get("details").get("playlists").get(0);
		assertThat(detail.get("slug").asString()).isEqualTo("never-played");
		assertThat(detail.get("tracks").asInt()).isEqualTo(120);
		assertThat(detail.get("calls").asInt()).isEqualTo(3);
		SimPlaylist playlist = alice.playlists().get(0);
		assertThat(playlist.trackUris()).isEqualTo(desiredUris(account));

		alice.editPlaylistByHand(playlist.id(), playlist.trackUris().subList(0, 7));
		JsonNode checked = runJob("playlists-reconcile");

		assertThat(checked.get("status").asString()).isEqualTo("succeeded");
		assertThat(checked.get("details").get("reconcile").get("edited").asInt()).isEqualTo(1);
		assertThat(checked.get("details").get("playlists").get(0).get("change").asString()).isEqualTo("replace");
		assertThat(playlist.trackUris()).isEqualTo(desiredUris(account));
		sim.assertNoViolations();
	}

	private JsonNode runJob(String job) {
		sim.requests().reset();
		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/jobs/" + job + "?account=alice"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long runId = this.json.readTree(started.body()).get("runId").asLong();
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			HttpResponse<String> run = send(HttpRequest.newBuilder(uri("/api/jobs/runs/" + runId)).GET());
			return this.json.readTree(run.body());
		}, (run) -> !"running".equals(run.get("status").asString()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.header("Authorization", "Bearer " + API_TOKEN).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private List<String> desiredUris(AccountId account) {
		return this.queries.select(account, SmartPlaylistRule.NEVER_PLAYED.defaults(), this.clock.instant())
			.trackIds()
			.stream()
			.map((id) -> "spotify:track:" + id)
			.toList();
	}

}
