package dev.spotifytracker.account;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestBrowser;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees and triggers what: each member their own account, the owner every account, the
 * API token the job API and nothing else.
 */
@IntegrationTest
@TestPropertySource(properties = "tracker.security.api-token=" + AccountAccessTest.API_TOKEN)
class AccountAccessTest {

	static final String API_TOKEN = "the-job-api-token-for-tests-of-32-characters-or-more";

	private final SpotifySimulator spotify = TestSpotify.simulator();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobAccounts jobAccounts;

	private TestBrowser alice;

	private TestBrowser bob;

	@BeforeEach
	void aliceOwnsAndInvitedBob() {
		this.spotify.addUser("alice", "Alice Example");
		this.spotify.addUser("bob", "Bob Example");
		this.spotify.addUser("carol", "Carol");
		this.alice = signIn("alice");
		this.alice.submit("/settings", "/settings/allowed-users", Map.of("spotifyUserId", "bob"));
		this.bob = signIn("bob");
	}

	@Test
	void aMemberCannotTriggerAnotherAccountsJob() {
		HttpResponse<String> answer = this.bob.submit("/settings", "/api/jobs/all?account=alice", Map.of());

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(runCount()).isZero();
	}

	@Test
	void aMemberCannotReadAnotherAccountsRun() {
		long alicesRun = aRunOf("alice");

		assertThat(this.bob.get("/api/jobs/runs/" + alicesRun).statusCode()).isEqualTo(403);
		assertThat(this.alice.get("/api/jobs/runs/" + alicesRun).statusCode()).isEqualTo(200);
	}

	@Test
	void theOwnerReadsEveryAccountsRun() {
		long bobsRun = aRunOf("bob");

		HttpResponse<String> answer = this.alice.get("/api/jobs/runs/" + bobsRun);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"account\":\"bob\"");
	}

	@Test
	void aMemberSeesOnlyTheirOwnAccountInSettings() {
		String settings = this.bob.get("/settings").body();

		assertThat(settings).contains("Bob Example").doesNotContain("Alice Example");
		assertThat(this.alice.get("/settings").body()).contains("Bob Example").contains("Alice Example");
	}

	@Test
	void aMemberCannotSeeAnotherAccountsTrackNorLearnItsNameByExcludingIt() {
		String track = alicesLikedTrack("Alices Secret Song");

		HttpResponse<String> excluded = this.bob.submit("/playlists", "/playlists/exclusions/" + track,
				Map.of("excluded", "true"));

		assertThat(this.bob.get("/library/tracks/" + track).statusCode()).isEqualTo(404);
		assertThat(this.alice.get("/library/tracks/" + track).body()).contains("Alices Secret Song");
		assertThat(excluded.statusCode()).isEqualTo(302);
		assertThat(this.bob.get("/playlists").body()).contains(track).doesNotContain("Alices Secret Song");
	}

	@Test
	void onlyTheOwnerSeesWhoMaySignIn() {
		assertThat(this.bob.get("/settings").body()).doesNotContain("Who may sign in").doesNotContain("carol");
		assertThat(this.alice.get("/settings").body()).contains("Who may sign in");
	}

	@Test
	void aMemberIsToldTheSameOfAnAccountThatDoesNotExistAsOfAnother() {
		HttpResponse<String> answer = this.bob.submit("/settings", "/api/jobs/all?account=nobody", Map.of());

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(runCount()).isZero();
	}

	@Test
	void theApiTokenRunsJobsButOpensNoPage() {
		long runsBefore = runCount();

		HttpResponse<String> started = apiCall("POST", "/api/jobs/all?account=bob", API_TOKEN);
		HttpResponse<String> page = apiCall("GET", "/settings", API_TOKEN);

		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(runCount()).isGreaterThan(runsBefore);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(page)).endsWith("/login");
	}

	@Test
	void theOwnerCanAllowFourUsersAndNoMore() {
		for (String user : new String[] { "carol", "dave", "erin" }) {
			this.alice.submit("/settings", "/settings/allowed-users", Map.of("spotifyUserId", user));
		}

		HttpResponse<String> fifth = this.alice.submit("/settings", "/settings/allowed-users",
				Map.of("spotifyUserId", "frank"));

		assertThat(this.alice.get(TestBrowser.location(fifth)).body())
			.contains("Spotify&#39;s Development Mode allows five users");
		assertThat(this.jdbc.sql("select spotify_user_id from allowed_users order by 1").query(String.class).list())
			.containsExactly("bob", "carol", "dave", "erin");
	}

	@Test
	void takingBackAnInvitationEndsTheSessionAndTheSync() {
		AccountId bobsAccount = this.jobAccounts.bySpotifyUserId("bob").orElseThrow();
		assertThat(this.jobAccounts.scheduled()).contains(bobsAccount);

		this.alice.submit("/settings", "/settings/allowed-users/remove", Map.of("spotifyUserId", "bob"));

		HttpResponse<String> next = this.bob.get("/");
		assertThat(TestBrowser.location(next)).endsWith("/not-allowed");
		assertThat(TestBrowser.location(this.bob.get("/"))).endsWith("/login");
		assertThat(this.jobAccounts.scheduled()).doesNotContain(bobsAccount);
		assertThat(this.jdbc.sql("select refresh_token_encrypted is null from accounts where spotify_user_id = 'bob'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jobAccounts.whyNotRunnable(bobsAccount)).isPresent();
	}

	@Test
	void signingInGivesANewSessionId() {
		TestBrowser carol = new TestBrowser("http://127.0.0.1:" + this.port);
		this.alice.submit("/settings", "/settings/allowed-users", Map.of("spotifyUserId", "carol"));
		carol.get("/oauth2/authorization/spotify");
		String before = sessionId(carol);

		this.spotify.signInAs("carol");
		carol.follow("/oauth2/authorization/spotify");

		assertThat(sessionId(carol)).isNotNull().isNotEqualTo(before);
	}

	private TestBrowser signIn(String user) {
		TestBrowser browser = new TestBrowser("http://127.0.0.1:" + this.port);
		this.spotify.signInAs(user);
		assertThat(browser.follow("/oauth2/authorization/spotify").statusCode()).isEqualTo(200);
		return browser;
	}

	private long aRunOf(String spotifyUserId) {
		return this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at)
				select 'plays', id, 'api', 'succeeded', now() from accounts where spotify_user_id = ?
				returning id
				""").param(spotifyUserId).query(Long.class).single();
	}

	private String alicesLikedTrack(String name) {
		String track = "4uLU6hMCjMI75M1A2tKUQC";
		this.jdbc.sql("insert into albums (id, name) values ('1DFixLWuPkv3KT3TnV35m3', 'Alices Album')").update();
		this.jdbc.sql("insert into tracks (id, album_id, name) values (?, '1DFixLWuPkv3KT3TnV35m3', ?)")
			.params(track, name)
			.update();
		this.jdbc.sql("""
				insert into liked_tracks (account_id, track_id, added_at)
				select id, ?, now() from accounts where spotify_user_id = 'alice'
				""").param(track).update();
		return track;
	}

	private long runCount() {
		return this.jdbc.sql("select count(*) from job_runs").query(Long.class).single();
	}

	private HttpResponse<String> apiCall(String method, String path, String token) {
		return new TestBrowser("http://127.0.0.1:" + this.port)
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build());
	}

	private static String sessionId(TestBrowser browser) {
		return browser.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
