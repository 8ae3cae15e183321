package dev.spotifytracker.spotify.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playlists the Development Mode way: create with {@code POST /v1/me/playlists}, items at
 * {@code /items}, at most 100 uris a write, only the owner writes, a new snapshot id per
 * change.
 */
class SpotifySimulatorPlaylistsTest {

	private SpotifySimulator sim;

	private SimHttp http;

	private SimulatedUser alice;

	private String token;

	private List<SimTrack> tracks;

	@BeforeEach
	void start() {
		this.sim = SpotifySimulator.start();
		this.http = new SimHttp(this.sim);
		this.alice = this.sim.addUser("alice", "Alice Example");
		this.token = this.sim.issueAccessToken("alice");
		this.tracks = this.sim.catalog().newAlbum("Pool", 150).tracks();
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void aCreatedPlaylistIsListedWithItsItemCount() {
		SimHttp.Answer created = this.http.send("POST", "/v1/me/playlists", this.token,
				"{\"name\":\"Never played\",\"description\":\"made by the tracker\",\"public\":false}");
		String id = created.json().get("id").stringValue();

		JsonNode listed = this.http.get("/v1/me/playlists?limit=50", this.token).json().at("/items/0");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().at("/owner/id").stringValue()).isEqualTo("alice");
		assertThat(listed.get("id").stringValue()).isEqualTo(id);
		assertThat(listed.get("name").stringValue()).isEqualTo("Never played");
		assertThat(listed.get("public").booleanValue()).isFalse();
		assertThat(listed.at("/items/total").intValue()).isZero();
		assertThat(listed.at("/items/href").stringValue())
			.isEqualTo(this.sim.baseUrl() + "/v1/playlists/" + id + "/items");
		assertThat(listed.has("tracks")).isFalse();
		assertThat(listed.get("snapshot_id").stringValue()).isEqualTo(this.alice.playlist(id).snapshotId());
		this.sim.assertNoViolations();
	}

	@Test
	void replaceAddAndRemoveEachGiveANewSnapshot() {
		String id = this.alice.createPlaylist("Mine").id();
		String created = this.alice.playlist(id).snapshotId();

		String replaced = snapshot(this.http.send("PUT", items(id), this.token, uris(0, 100)));
		String appended = snapshot(this.http.send("POST", items(id), this.token, uris(100, 130)));
		String inserted = snapshot(this.http.send("POST", items(id), this.token, "{\"uris\":[\""
				+ this.tracks.get(140).uri() + "\",\"" + this.tracks.get(0).uri() + "\"],\"position\":1}"));
		String removed = snapshot(this.http.send("DELETE", items(id), this.token,
				"{\"items\":[{\"uri\":\"" + this.tracks.get(0).uri() + "\"}],\"snapshot_id\":\"" + inserted + "\"}"));

		assertThat(List.of(created, replaced, appended, inserted, removed)).doesNotHaveDuplicates();
		List<String> expected = new ArrayList<>();
		expected.add(this.tracks.get(140).uri());
		this.tracks.subList(1, 130).forEach((track) -> expected.add(track.uri()));
		assertThat(this.alice.playlist(id).trackUris()).containsExactlyElementsOf(expected);
		assertThat(this.alice.playlist(id).snapshotId()).isEqualTo(removed);
		this.sim.assertNoViolations();
	}

	@Test
	void itemsArePagedAsItemEntriesWithFullTracks() {
		String id = this.alice.createPlaylist("Mine").id();
		this.http.send("PUT", items(id), this.token, uris(0, 70));

		JsonNode first = this.http.get(items(id) + "?limit=50&offset=0", this.token).json();
		JsonNode second = this.http.get(first.get("next").stringValue(), this.token).json();

		assertThat(first.get("total").intValue()).isEqualTo(70);
		assertThat(first.get("items")).hasSize(50);
		assertThat(second.get("items")).hasSize(20);
		JsonNode entry = first.at("/items/0");
		assertThat(entry.has("track")).isFalse();
		assertThat(entry.at("/item/id").stringValue()).isEqualTo(this.tracks.get(0).id());
		assertThat(entry.at("/item/album/id").stringValue()).isEqualTo(this.tracks.get(0).album().id());
		assertThat(entry.at("/added_by/id").stringValue()).isEqualTo("alice");
		assertThat(entry.get("is_local").booleanValue()).isFalse();
		assertThat(entry.get("added_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
	}

	@Test
	void anItemSpotifyCannotResolveComesAsNull() {
		String id = this.alice.createPlaylist("Mine").id();
		this.alice.editPlaylistByHand(id, List.of("spotify:local:Artist:Album:Title:200", this.tracks.get(3).uri()));

		JsonNode items = this.http.get(items(id), this.token).json().get("items");

		assertThat(items.at("/0/item").isNull()).isTrue();
		assertThat(items.at("/0/is_local").booleanValue()).isTrue();
		assertThat(items.at("/1/item/id").stringValue()).isEqualTo(this.tracks.get(3).id());
	}

	@Test
	void moreThan100UrisIs400AndAViolation() {
		String id = this.alice.createPlaylist("Mine").id();

		SimHttp.Answer answer = this.http.send("PUT", items(id), this.token, uris(0, 101));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(this.alice.playlist(id).trackUris()).isEmpty();
		assertThat(this.sim.violations()).containsExactly("PUT /v1/playlists/{id}/items: 101 uris in one request");
	}

	@Test
	void onlyTheOwnerMayChangeAPlaylist() {
		SimulatedUser bob = this.sim.addUser("bob", "Bob");
		SimPlaylist bobs = bob.createPlaylist("Bob's");
		this.alice.followPlaylist(bobs.id());

		SimHttp.Answer answer = this.http.send("POST", items(bobs.id()), this.token, uris(0, 1));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(bobs.trackUris()).isEmpty();
		assertThat(this.sim.violations()).hasSize(1);
	}

	@Test
	void anUnknownPlaylistIs404() {
		SimHttp.Answer answer = this.http.get(items("0000000000000000000000"), this.token);

		assertThat(answer.status()).isEqualTo(404);
		this.sim.assertNoViolations();
	}

	@Test
	void theOldRemovalBodyAndBadJsonAreViolations() {
		String id = this.alice.createPlaylist("Mine").id();

		SimHttp.Answer oldBody = this.http.send("DELETE", items(id), this.token,
				"{\"tracks\":[{\"uri\":\"" + this.tracks.get(0).uri() + "\"}]}");
		SimHttp.Answer notJson = this.http.send("PUT", items(id), this.token, "{\"uris\":[");

		assertThat(oldBody.status()).isEqualTo(400);
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().at("/error/message").stringValue()).isEqualTo("Error parsing JSON.");
		assertThat(this.sim.violations()).hasSize(2);
	}

	@Test
	void aHandEditChangesTheSnapshotAndAnUnfollowHidesThePlaylist() {
		SimPlaylist playlist = this.alice.createPlaylist("Mine");
		String before = playlist.snapshotId();

		this.alice.editPlaylistByHand(playlist.id(), List.of(this.tracks.get(5).uri()));
		String edited = this.http.get("/v1/me/playlists", this.token).json().at("/items/0/snapshot_id").stringValue();
		this.alice.removePlaylistFromLibrary(playlist.id());
		JsonNode afterUnfollow = this.http.get("/v1/me/playlists", this.token).json();

		assertThat(edited).isNotEqualTo(before).isEqualTo(playlist.snapshotId());
		assertThat(afterUnfollow.get("total").intValue()).isZero();
		assertThat(this.alice.playlists()).isEmpty();
	}

	@Test
	void writesAreCountedPerEndpointTemplate() {
		String id = this.alice.createPlaylist("Mine").id();

		this.http.send("PUT", items(id), this.token, uris(0, 100));
		this.http.send("POST", items(id), this.token, uris(100, 150));

		assertThat(this.sim.requests().count("PUT /v1/playlists/{id}/items")).isEqualTo(1);
		assertThat(this.sim.requests().count("POST /v1/playlists/{id}/items")).isEqualTo(1);
		assertThat(this.sim.requests().apiTotal()).isEqualTo(2);
	}

	private static String items(String playlistId) {
		return "/v1/playlists/" + playlistId + "/items";
	}

	private String uris(int from, int to) {
		return this.tracks.subList(from, to)
			.stream()
			.map((track) -> "\"" + track.uri() + "\"")
			.collect(Collectors.joining(",", "{\"uris\":[", "]}"));
	}

	private static String snapshot(SimHttp.Answer answer) {
		assertThat(answer.status()).as(answer.body()).isIn(200, 201);
		return answer.json().get("snapshot_id").stringValue();
	}

}
