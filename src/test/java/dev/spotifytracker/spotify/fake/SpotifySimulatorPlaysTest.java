package dev.spotifytracker.spotify.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recently played: only the newest 50 plays, {@code after} and {@code before} as
 * exclusive unix milliseconds, never both.
 */
class SpotifySimulatorPlaysTest {

	private static final Instant FIRST_PLAY = Instant.parse("2026-04-01T08:00:00.123Z");

	private SpotifySimulator sim;

	private SimHttp http;

	private SimulatedUser alice;

	private String token;

	private SimAlbum album;

	@BeforeEach
	void start() {
		this.sim = SpotifySimulator.start();
		this.http = new SimHttp(this.sim);
		this.alice = this.sim.addUser("alice", "Alice Example");
		this.token = this.sim.issueAccessToken("alice");
		this.album = this.sim.catalog().newAlbum("Played", 60);
		// 60 plays a minute apart: play i of track i
		for (int i = 0; i < 60; i++) {
			this.alice.play(this.album.tracks().get(i), playedAt(i), (i % 2 == 0) ? this.album.uri() : null);
		}
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void onlyTheNewest50PlaysAreEverReachable() {
		JsonNode newest = this.http.get("/v1/me/player/recently-played?limit=50", this.token).json();
		long oldestReachable = Long.parseLong(newest.at("/cursors/before").stringValue());
		JsonNode older = this.http.get("/v1/me/player/recently-played?limit=50&before=" + oldestReachable, this.token)
			.json();

		assertThat(trackIds(newest)).hasSize(50).first().isEqualTo(this.album.tracks().get(59).id());
		assertThat(trackIds(newest)).last().isEqualTo(this.album.tracks().get(10).id());
		assertThat(newest.get("next").isNull()).isTrue();
		assertThat(older.get("items")).isEmpty();
		assertThat(older.get("cursors").isNull()).isTrue();
		assertThat(this.alice.plays()).hasSize(60);
	}

	@Test
	void afterGivesThePlaysJustAfterItNewestFirst() {
		long after = playedAt(55).toEpochMilli();

		JsonNode page = this.http.get("/v1/me/player/recently-played?limit=50&after=" + after, this.token).json();

		assertThat(trackIds(page)).containsExactly(id(59), id(58), id(57), id(56));
		assertThat(page.at("/cursors/after").stringValue()).isEqualTo(Long.toString(playedAt(59).toEpochMilli()));
		assertThat(page.at("/cursors/before").stringValue()).isEqualTo(Long.toString(playedAt(56).toEpochMilli()));
	}

	@Test
	void aSmallLimitWithAfterTakesTheOldestNewerPlays() {
		long after = playedAt(50).toEpochMilli();

		JsonNode page = this.http.get("/v1/me/player/recently-played?limit=3&after=" + after, this.token).json();

		assertThat(trackIds(page)).containsExactly(id(53), id(52), id(51));
	}

	@Test
	void beforePagesTowardsOlderPlaysWithinTheWindow() {
		JsonNode first = this.http.get("/v1/me/player/recently-played?limit=20", this.token).json();
		JsonNode second = this.http.get(first.get("next").stringValue(), this.token).json();

		assertThat(first.get("next").stringValue())
			.startsWith(this.sim.baseUrl() + "/v1/me/player/recently-played?before=");
		assertThat(trackIds(second)).hasSize(20).first().isEqualTo(id(39));
		assertThat(second.get("limit").intValue()).isEqualTo(20);
	}

	@Test
	void afterAndBeforeTogetherAre400AndAViolation() {
		SimHttp.Answer answer = this.http.get("/v1/me/player/recently-played?after=1&before=2", this.token);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(this.sim.violations()).singleElement()
			.asString()
			.isEqualTo("GET /v1/me/player/recently-played: both after and before");
	}

	@Test
	void itemsCarryTheirPlayTimeContextAndNoAvailability() {
		JsonNode items = this.http.get("/v1/me/player/recently-played?limit=2", this.token).json().get("items");

		assertThat(items.at("/0/played_at").stringValue()).isEqualTo("2026-04-01T08:59:00.123Z");
		assertThat(items.at("/0/context").isNull()).isTrue();
		assertThat(items.at("/1/context/type").stringValue()).isEqualTo("album");
		assertThat(items.at("/1/context/uri").stringValue()).isEqualTo(this.album.uri());
		assertThat(items.at("/1/track/album/id").stringValue()).isEqualTo(this.album.id());
		assertThat(items.at("/1/track").has("is_playable")).isFalse();
	}

	@Test
	void aNewPlayPushesTheOldestOutOfTheWindow() {
		this.alice.play(this.album.tracks().get(0), playedAt(60), null);

		JsonNode page = this.http.get("/v1/me/player/recently-played?limit=50", this.token).json();

		assertThat(trackIds(page)).hasSize(50).first().isEqualTo(id(0));
		assertThat(trackIds(page)).doesNotContain(id(10));
	}

	private String id(int index) {
		return this.album.tracks().get(index).id();
	}

	private static Instant playedAt(int index) {
		return FIRST_PLAY.plus(Duration.ofMinutes(index));
	}

	private static List<String> trackIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.at("/track/id").stringValue()));
		return ids;
	}

}
