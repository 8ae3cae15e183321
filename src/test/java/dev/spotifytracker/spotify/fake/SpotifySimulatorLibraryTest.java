package dev.spotifytracker.spotify.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/me}, saved albums, album tracks, liked tracks and single tracks: Spotify's
 * shapes, paging with absolute links, availability only with a market, and the limits.
 */
class SpotifySimulatorLibraryTest {

	private SpotifySimulator sim;

	private SimHttp http;

	private SimulatedUser alice;

	private String token;

	@BeforeEach
	void start() {
		this.sim = SpotifySimulator.start();
		this.http = new SimHttp(this.sim);
		this.alice = this.sim.addUser("alice", "Alice Example");
		this.token = this.sim.issueAccessToken("alice");
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void meHasAccountIdButNoCountryEmailOrProduct() {
		JsonNode me = this.http.get("/v1/me", this.token).json();

		assertThat(me.get("id").stringValue()).isEqualTo("alice");
		assertThat(me.get("display_name").stringValue()).isEqualTo("Alice Example");
		assertThat(me.get("account_id").stringValue()).isEqualTo(this.alice.accountId()).hasSize(22);
		assertThat(me.get("type").stringValue()).isEqualTo("user");
		assertThat(me.get("uri").stringValue()).isEqualTo("spotify:user:alice");
		assertThat(me.has("country") || me.has("email") || me.has("product")).isFalse();
	}

	@Test
	void savedAlbumsComeNewestFirstAndNextLinksLeadToTheEnd() {
		this.alice.generateLibrary(LibrarySpec.seed(3).albums(73).likedTracks(0).plays(0));

		List<String> served = new ArrayList<>();
		String next = "/v1/me/albums?limit=50&market=from_token";
		int pages = 0;
		while (next != null) {
			JsonNode page = this.http.get(next, this.token).json();
			page.get("items").forEach((item) -> served.add(item.at("/album/id").stringValue()));
			next = page.get("next").isNull() ? null : page.get("next").stringValue();
			assertThat(next).satisfiesAnyOf((link) -> assertThat(link).isNull(),
					(link) -> assertThat(link).startsWith(this.sim.baseUrl() + "/v1/me/albums?offset=")
						.contains("market=from_token"));
			pages++;
		}

		assertThat(pages).isEqualTo(2);
		assertThat(served)
			.containsExactlyElementsOf(this.alice.savedAlbums().stream().map((saved) -> saved.album().id()).toList());
		assertThat(this.sim.requests().count("GET /v1/me/albums")).isEqualTo(2);
	}

	@Test
	void aSavedAlbumEmbedsItsFirst50TracksAndLinksToTheRest() {
		SimAlbum album = this.sim.catalog().album("Long").artist("Someone").tracks(120).discs(3).build();
		this.alice.saveAlbum(album, Instant.parse("2026-02-03T04:05:06.789Z"));

		JsonNode item = this.http.get("/v1/me/albums?limit=1&market=from_token", this.token).json().at("/items/0");
		JsonNode tracks = item.at("/album/tracks");
		JsonNode second = this.http.get(tracks.get("next").stringValue(), this.token).json();
		JsonNode third = this.http.get(second.get("next").stringValue(), this.token).json();

		assertThat(item.get("added_at").stringValue()).isEqualTo("2026-02-03T04:05:06Z");
		assertThat(item.at("/album/total_tracks").intValue()).isEqualTo(120);
		assertThat(item.at("/album/images/0/url").stringValue()).startsWith(this.sim.baseUrl() + "/image/");
		assertThat(item.at("/album/artists/0/name").stringValue()).isEqualTo("Someone");
		assertThat(tracks.get("items")).hasSize(50);
		assertThat(tracks.get("total").intValue()).isEqualTo(120);
		assertThat(tracks.get("next").stringValue()).isEqualTo(
				this.sim.baseUrl() + "/v1/albums/" + album.id() + "/tracks?offset=50&limit=50&market=from_token");
		assertThat(second.get("items")).hasSize(50);
		assertThat(third.get("items")).hasSize(20);
		assertThat(third.get("next").isNull()).isTrue();
		assertThat(third.at("/items/19/disc_number").intValue()).isEqualTo(3);
		assertThat(third.at("/items/19/track_number").intValue()).isEqualTo(40);
		assertThat(third.at("/items/19/id").stringValue()).isEqualTo(album.tracks().get(119).id());
		assertThat(this.sim.requests().count("GET /v1/albums/{id}/tracks")).isEqualTo(2);
	}

	@Test
	void availabilityIsToldOnlyWhenAMarketIsGiven() {
		SimAlbum album = this.sim.catalog().newAlbum("Mixed", 3);
		this.alice.saveAlbum(album, Instant.parse("2026-01-01T00:00:00Z"));
		this.alice.makeUnavailable(album.tracks().get(1).id(), "market");
		this.alice.makeAvailabilityUnknown(album.tracks().get(2).id());

		JsonNode withMarket = this.http.get("/v1/me/albums?market=from_token", this.token)
			.json()
			.at("/items/0/album/tracks/items");
		JsonNode withoutMarket = this.http.get("/v1/me/albums", this.token).json().at("/items/0/album/tracks/items");

		assertThat(withMarket.at("/0/is_playable").booleanValue()).isTrue();
		assertThat(withMarket.at("/0/restrictions").isMissingNode()).isTrue();
		assertThat(withMarket.at("/1/is_playable").booleanValue()).isFalse();
		assertThat(withMarket.at("/1/restrictions/reason").stringValue()).isEqualTo("market");
		assertThat(withMarket.get(2).has("is_playable")).isFalse();
		withoutMarket.forEach((track) -> assertThat(track.has("is_playable")).isFalse());
	}

	@Test
	void likedTracksAreFullTracksWithAlbumAndIsrc() {
		SimTrack older = this.sim.catalog().newTrack("Older");
		SimTrack newer = this.sim.catalog().newTrack("Newer");
		this.alice.like(older, Instant.parse("2026-01-01T00:00:00Z"));
		this.alice.like(newer, Instant.parse("2026-01-02T00:00:00Z"));

		JsonNode page = this.http.get("/v1/me/tracks?limit=50&offset=0&market=from_token", this.token).json();
		JsonNode first = page.at("/items/0");

		assertThat(page.get("total").intValue()).isEqualTo(2);
		assertThat(page.get("next").isNull()).isTrue();
		assertThat(page.get("href").stringValue())
			.isEqualTo(this.sim.baseUrl() + "/v1/me/tracks?offset=0&limit=50&market=from_token");
		assertThat(first.get("added_at").stringValue()).isEqualTo("2026-01-02T00:00:00Z");
		assertThat(first.at("/track/id").stringValue()).isEqualTo(newer.id());
		assertThat(first.at("/track/uri").stringValue()).isEqualTo("spotify:track:" + newer.id());
		assertThat(first.at("/track/album/id").stringValue()).isEqualTo(newer.album().id());
		assertThat(first.at("/track/album/images")).hasSize(3);
		assertThat(first.at("/track/external_ids/isrc").stringValue()).isEqualTo(newer.isrc()).hasSize(12);
		assertThat(first.at("/track/is_playable").booleanValue()).isTrue();
		assertThat(first.at("/track").has("popularity") || first.at("/track").has("available_markets")).isFalse();
	}

	@Test
	void oneTrackByIdAndUnknownIdsAre404() {
		SimTrack track = this.sim.catalog().newTrack("Solo");

		SimHttp.Answer found = this.http.get("/v1/tracks/" + track.id() + "?market=from_token", this.token);
		SimHttp.Answer unknown = this.http.get("/v1/tracks/0000000000000000000000", this.token);

		assertThat(found.json().get("name").stringValue()).isEqualTo("Solo");
		assertThat(unknown.status()).isEqualTo(404);
		this.sim.assertNoViolations();
	}

	@Test
	void aRelinkedTrackComesBackUnderAnotherIdWithTheSameIsrc() {
		SimTrack original = this.sim.catalog().newTrack("Relinked");
		SimTrack replacement = this.sim.catalog().relinkedCopyOf(original);
		this.alice.relink(original.id(), replacement);

		JsonNode withMarket = this.http.get("/v1/tracks/" + original.id() + "?market=from_token", this.token).json();
		JsonNode withoutMarket = this.http.get("/v1/tracks/" + original.id(), this.token).json();

		assertThat(withMarket.get("id").stringValue()).isEqualTo(replacement.id());
		assertThat(withMarket.has("linked_from")).isFalse();
		assertThat(withMarket.at("/external_ids/isrc").stringValue()).isEqualTo(original.isrc());
		assertThat(withoutMarket.get("id").stringValue()).isEqualTo(original.id());
	}

	@Test
	void aLimitAbove50Is400AndAViolation() {
		SimHttp.Answer answer = this.http.get("/v1/me/tracks?limit=51", this.token);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().at("/error/message").stringValue()).isEqualTo("Invalid limit");
		assertThat(this.sim.violations()).singleElement().asString().startsWith("GET /v1/me/tracks:");
	}

	@Test
	void aLimitOfZeroIs400() {
		assertThat(this.http.get("/v1/me/albums?limit=0", this.token).status()).isEqualTo(400);
		assertThat(this.http.get("/v1/albums/0000000000000000000000/tracks?limit=-1", this.token).status())
			.isEqualTo(400);
		assertThat(this.sim.violations()).hasSize(2);
	}

	@Test
	void removedEndpointsAre403AndViolations() {
		SimHttp.Answer playlistTracks = this.http.get("/v1/playlists/0000000000000000000000/tracks", this.token);
		SimHttp.Answer severalTracks = this.http.get("/v1/tracks?ids=0000000000000000000000", this.token);
		SimHttp.Answer saveTracks = this.http.send("PUT", "/v1/me/tracks", this.token, "{\"ids\":[]}");
		SimHttp.Answer audioFeatures = this.http.get("/v1/audio-features/0000000000000000000000", this.token);

		assertThat(List.of(playlistTracks, severalTracks, saveTracks, audioFeatures))
			.allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(403));
		assertThat(playlistTracks.json().at("/error/message").stringValue()).isEqualTo("Forbidden");
		assertThat(this.sim.violations()).containsExactly(
				"GET /v1/playlists/{id}/tracks: removed for Development Mode apps (403)",
				"GET /v1/tracks: removed for Development Mode apps (403)",
				"PUT /v1/me/tracks: removed for Development Mode apps (403)",
				"GET /v1/audio-features/{id}: removed for Development Mode apps (403)");
		assertThat(this.sim.requests().count("GET /v1/playlists/{id}/tracks")).isEqualTo(1);
	}

	@Test
	void unknownEndpointsAre404AndViolations() {
		SimHttp.Answer answer = this.http.get("/v1/me/shows", this.token);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(this.sim.violations()).containsExactly("GET /v1/me/shows: no such endpoint (404)");
	}

	@Test
	void aTokenWithoutTheLibraryScopeIsRefused() {
		String narrow = this.sim.issueAccessToken("alice", "user-read-recently-played");

		SimHttp.Answer answer = this.http.get("/v1/me/albums", narrow);

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.json().at("/error/message").stringValue()).isEqualTo("Insufficient client scope");
		assertThat(this.sim.violations()).hasSize(1);
	}

	@Test
	void aMarketThatIsNoMarketIsRefused() {
		assertThat(this.http.get("/v1/me/tracks?market=everywhere", this.token).status()).isEqualTo(400);
		assertThat(this.sim.violations()).hasSize(1);
	}

	@Test
	void changesBetweenCallsShowInTheNextAnswer() {
		SimTrack track = this.sim.catalog().newTrack("Fickle");
		this.alice.like(track, Instant.parse("2026-01-01T00:00:00Z"));
		int before = this.http.get("/v1/me/tracks", this.token).json().get("total").intValue();

		this.alice.unlike(track.id());

		assertThat(before).isEqualTo(1);
		assertThat(this.http.get("/v1/me/tracks", this.token).json().get("total").intValue()).isZero();
		assertThat(this.alice.likedTracks()).isEmpty();
	}

	@Test
	void resetForgetsEverything() {
		this.alice.like(this.sim.catalog().newTrack("Gone"), Instant.parse("2026-01-01T00:00:00Z"));
		this.http.get("/v1/me/shows", this.token);

		this.sim.reset();

		assertThat(this.sim.users()).isEmpty();
		assertThat(this.sim.catalog().trackCount()).isZero();
		assertThat(this.sim.requests().total()).isZero();
		assertThat(this.sim.violations()).isEmpty();
		assertThat(this.http.get("/v1/me", this.token).status()).isEqualTo(401);
	}

}
