package dev.spotifytracker.playlist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule playlist API over real HTTP with the bearer token, as a backup script calls
 * it: shapes and codes of RULES.md "The API's shapes", and nothing stored when a rule is
 * refused.
 */
@IntegrationTest
@TestPropertySource(properties = "tracker.security.api-token=" + RulePlaylistsApiTest.API_TOKEN)
class RulePlaylistsApiTest {

	static final String API_TOKEN = "test-rule-playlists-api-token-of-32-characters-or-more";

	static final String RULE = """
			{"name": "Forgotten Favourites", "conditions": [{"field": "plays", "op": "gte", "value": 2}],
			 "sort": [{"field": "plays", "dir": "desc"}]}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.shared();

	final HttpClient http = HttpClient.newHttpClient();

	AccountId owner;

	@BeforeEach
	void anOwnerWithALibrary() {
		this.owner = new AccountId(
				this.jdbc.sql("insert into accounts (spotify_user_id, role) values ('alice', 'owner') returning id")
					.query(Long.class)
					.single());
		Instant now = Instant.now();
		TestLibrary.of(this.jdbc, this.owner)
			.savedAlbum("A", now.minus(Duration.ofDays(3)), "a1", "a2", "a3")
			.played("a1", now.minusSeconds(60), now.minusSeconds(120), now.minusSeconds(180))
			.played("a2", now.minusSeconds(60), now.minusSeconds(120))
			.played("a3", now.minusSeconds(60));
	}

	@Test
	void aPostedRuleIsStoredUnderItsSlugAndListedAfterTheBuiltIns() {
		HttpResponse<String> created = send("POST", "/api/playlists", RULE);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/api/playlists/forgotten-favourites"));
		JsonNode body = this.json.readTree(created.body());
		assertThat(body.get("slug").asString()).isEqualTo("forgotten-favourites");
		assertThat(body.get("name").asString()).isEqualTo("Forgotten Favourites");
		assertThat(body.get("builtIn").asBoolean()).isFalse();
		assertThat(body.get("rule")).isEqualTo(this.json.readTree(RULE));

		JsonNode listed = this.json.readTree(send("GET", "/api/playlists", null).body()).get("playlists");
		assertThat(listed).hasSize(7);
		assertThat(listed.get(0).get("slug").asString()).isEqualTo("never-played");
		assertThat(listed.get(0).get("builtIn").asBoolean()).isTrue();
		assertThat(listed.get(0).get("rule").get("conditions").get(0).get("op").asString()).isEqualTo("isNull");
		assertThat(listed.get(6).get("slug").asString()).isEqualTo("forgotten-favourites");
	}

	@Test
	void aSecondRuleOfTheSameNameGetsTheNextFreeSlug() {
		send("POST", "/api/playlists", RULE);

		HttpResponse<String> second = send("POST", "/api/playlists", RULE);

		assertThat(this.json.readTree(second.body()).get("slug").asString()).isEqualTo("forgotten-favourites-2");
	}

	@Test
	void aFaultyRuleIsRefusedWithTheFaultsPathAndNothingIsStored() {
		String faulty = """
				{"name": "Bad", "conditions": [{"field": "plays", "op": "gte", "value": 1},
				  {"match": "any", "conditions": [{"field": "plays", "op": "contains", "value": "x"}]}]}""";

		HttpResponse<String> refused = send("POST", "/api/playlists", faulty);

		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode body = this.json.readTree(refused.body());
		assertThat(body.get("path").asString()).isEqualTo("conditions[1].conditions[0].op");
		assertThat(body.get("error").asString()).isEqualTo("The operator contains does not fit the field plays.");
		assertThat(storedRules()).isZero();
	}

	@Test
	void bodiesThatAreNoRuleAreRefusedWith400() {
		assertThat(send("POST", "/api/playlists", "not json").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/api/playlists", "").statusCode()).isEqualTo(400);
		assertThat(storedRules()).isZero();
	}

	@Test
	void putReplacesTheRuleAndKeepsTheSlugAndAFaultyPutChangesNothing() {
		send("POST", "/api/playlists", RULE);
		String renamed = RULE.replace("Forgotten Favourites", "Old Friends").replace("\"value\": 2", "\"value\": 3");

		HttpResponse<String> replaced = send("PUT", "/api/playlists/forgotten-favourites", renamed);
		HttpResponse<String> faulty = send("PUT", "/api/playlists/forgotten-favourites",
				"{\"name\": \"Old Friends\", \"limit\": {\"tracks\": 0}}");

		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(replaced.body()).get("slug").asString()).isEqualTo("forgotten-favourites");
		assertThat(faulty.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(faulty.body()).get("path").asString()).isEqualTo("limit.tracks");
		JsonNode stored = this.json.readTree(send("GET", "/api/playlists/forgotten-favourites", null).body());
		assertThat(stored.get("name").asString()).isEqualTo("Old Friends");
		assertThat(stored.get("rule")).isEqualTo(this.json.readTree(renamed));
	}

	@Test
	void theBuiltInsAreReadOnly() {
		assertThat(send("PUT", "/api/playlists/most-played", RULE).statusCode()).isEqualTo(405);
		assertThat(send("DELETE", "/api/playlists/most-played", null).statusCode()).isEqualTo(405);
		assertThat(send("GET", "/api/playlists/most-played", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aDeletedRuleIsGone() {
		send("POST", "/api/playlists", RULE);

		HttpResponse<String> deleted = send("DELETE", "/api/playlists/forgotten-favourites", null);

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/playlists/forgotten-favourites", null).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", "/api/playlists/forgotten-favourites", null).statusCode()).isEqualTo(404);
	}

	@Test
	void thePreviewGivesCountMatchedAndTheTracksInOrder() {
		send("POST", "/api/playlists", RULE.replace("}]}", "}], \"limit\": {\"tracks\": 1}}"));

		JsonNode preview = this.json.readTree(send("GET", "/api/playlists/forgotten-favourites/preview", null).body());
		JsonNode builtIn = this.json.readTree(send("GET", "/api/playlists/most-played/preview", null).body());

		assertThat(preview.get("count").asInt()).isEqualTo(1);
		assertThat(preview.get("matched").asInt()).isEqualTo(2);
		assertThat(preview.get("tracks").get(0).asString()).isEqualTo(TestLibrary.id("a1"));
		assertThat(builtIn.get("count").asInt()).isEqualTo(3);
		assertThat(builtIn.get("tracks").get(2).asString()).isEqualTo(TestLibrary.id("a3"));
	}

	@Test
	void anAccountHoldsAtMostTwentyRulePlaylists() {
		for (int i = 1; i <= 20; i++) {
			assertThat(send("POST", "/api/playlists", RULE).statusCode()).isEqualTo(201);
		}

		HttpResponse<String> twentyFirst = send("POST", "/api/playlists", RULE);

		assertThat(twentyFirst.statusCode()).isEqualTo(409);
		assertThat(storedRules()).isEqualTo(20);
	}

	@Test
	void aWrongTokenIsRefused() {
		HttpResponse<String> response = send("GET", "/api/playlists", null, "Bearer wrong");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private long storedRules() {
		return this.jdbc.sql("select count(*) from rule_playlists").query(Long.class).single();
	}

	@Test
	void pushingAnEmptyRuleTheFirstTimeIsAConflictUntilConfirmed() {
		send("POST", "/api/playlists", """
				{"name": "Nothing yet", "conditions": [{"field": "plays", "op": "gte", "value": 100}]}""");

		HttpResponse<String> unconfirmed = send("POST", "/api/playlists/nothing-yet/push", null);

		assertThat(unconfirmed.statusCode()).as(unconfirmed.body()).isEqualTo(409);
		JsonNode body = this.json.readTree(unconfirmed.body());
		assertThat(body.get("change").asString()).isEqualTo("unconfirmed");
		assertThat(body.get("error").asString()).contains("confirmEmpty=true");
		assertThat(this.jdbc.sql("select count(*) from playlist_mappings").query(Integer.class).single()).isZero();
	}

	@Test
	void pushingAnUnknownPlaylistIsNotFound() {
		HttpResponse<String> pushed = send("POST", "/api/playlists/no-such-rule/push", null);

		assertThat(pushed.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(pushed.body()).get("error").asString()).contains("no-such-rule");
	}

	private HttpResponse<String> send(String method, String path, String body) {
		return send(method, path, body, "Bearer " + API_TOKEN);
	}

	private HttpResponse<String> send(String method, String path, String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
