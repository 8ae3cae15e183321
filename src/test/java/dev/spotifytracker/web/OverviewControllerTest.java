package dev.spotifytracker.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

@IntegrationTest
@AutoConfigureMockMvc
class OverviewControllerTest {

	private static final String ALICE = "//section[@id='account-alice']";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	AccountId alice;

	@BeforeEach
	void aLibrary() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue Train", "John Coltrane", Instant.parse("2026-01-10T08:00:00Z"), "Moments Notice", "Locomotion")
			.album("Kind of Blue", "Miles Davis", null, "So What", "Freddie Freeloader")
			.liked("So What", Instant.parse("2026-02-01T09:00:00Z"))
			.liked("Locomotion", Instant.parse("2026-02-01T09:00:00Z"))
			.played("Locomotion", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-05T10:00:00Z"))
			.unavailable("Moments Notice", "market", Instant.parse("2026-03-06T00:00:00Z"));
	}

	@Test
	void eachCountOfTheAccountIsShown() throws Exception {
		this.mvc.perform(get("/").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath(ALICE + "//dd[@data-count='saved-albums']").string("1"))
			.andExpect(xpath(ALICE + "//dd[@data-count='library-tracks']").string("3"))
			.andExpect(xpath(ALICE + "//dd[@data-count='liked']").string("2"))
			.andExpect(xpath(ALICE + "//dd[@data-count='plays']").string("2"))
			.andExpect(xpath(ALICE + "//dd[@data-count='unavailable']").string("1"))
			.andExpect(xpath("//nav//a[@aria-current='page']").string("Overview"));
	}

	@Test
	void theLastRunOfEachJobIsShownWithItsFigures() throws Exception {
		long run = this.jdbc
			.sql("""
					insert into job_runs (job, account_id, trigger, status, started_at, finished_at, api_calls, items, message)
					values ('library', ?, 'schedule', 'succeeded', '2026-03-01T08:00:00Z', '2026-03-01T08:01:05Z', 14, 3,
					        '3 albums added') returning id
					""")
			.param(this.alice.value())
			.query(Long.class)
			.single();

		this.mvc.perform(get("/").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ALICE + "//tr[@data-job='library']/td[1]/a").string("succeeded"))
			.andExpect(xpath(ALICE + "//tr[@data-job='library']/td[1]/a/@href").string("/jobs/runs/" + run))
			.andExpect(xpath(ALICE + "//tr[@data-job='library']/td[3]").string("1 min 5 s"))
			.andExpect(xpath(ALICE + "//tr[@data-job='library']/td[4]").string("14"))
			.andExpect(xpath(ALICE + "//tr[@data-job='plays']/td[1]").string("never run"))
			// the schedules are off in tests
			.andExpect(xpath(ALICE + "//*[@id='schedules-off']").exists());
	}

	@Test
	void whatNeedsTheUserIsShownInBanners() throws Exception {
		this.jdbc.sql("""
				update accounts set authorized_at = ?, not_before = ?, not_before_reason = 'rate limit' where id = ?
				""")
			.params(Timestamp.from(Instant.now().minus(Duration.ofDays(175))),
					Timestamp.from(Instant.now().plus(Duration.ofHours(2))), this.alice.value())
			.update();
		this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at, finished_at, details)
				values ('plays', ?, 'schedule', 'succeeded', now(), now(),
				        '{"gap": {"from": "2026-03-01T00:00:00Z", "to": "2026-03-02T00:00:00Z"}}')
				""").param(this.alice.value()).update();
		this.jdbc.sql("""
				insert into playlist_mappings (account_id, slug, name, spotify_playlist_id, status)
				values (?, 'never-played', 'Never Played', '37i9dQZF1DXcBWIGoYBM5M', 'removed')
				""").param(this.alice.value()).update();

		this.mvc.perform(get("/").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ALICE + "//p[@data-banner]").nodeCount(4))
			.andExpect(xpath(ALICE + "//p[@data-banner='token-expiry']/a/@href").string(OverviewBanners.SIGN_IN))
			.andExpect(xpath(ALICE + "//p[@data-banner='on-hold']").string(containsString("rate limit")))
			.andExpect(xpath(ALICE + "//p[@data-banner='play-gap']").string(containsString("1 Mar 2026")))
			.andExpect(
					xpath(ALICE + "//p[@data-banner='playlist-removed']/a/@href").string("/playlists?account=alice"));
	}

	@Test
	void anAccountThatMustSignInAgainSaysSo() throws Exception {
		this.jdbc.sql("update accounts set needs_sign_in = true").update();

		this.mvc.perform(get("/").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ALICE + "//p[@data-banner='sign-in']/@role").string("alert"));
	}

	@Test
	void theOwnerSeesEveryAccountAndAMemberOnlyTheirOwn() throws Exception {
		Viewers.member(this.jdbc, "bob");

		this.mvc.perform(get("/").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//section[contains(@class,'account-overview')]").nodeCount(2))
			.andExpect(xpath("//section[contains(@class,'account-overview')][1]/@id").string("account-alice"));
		this.mvc.perform(get("/").with(Viewers.signedInAs("bob", "member")))
			.andExpect(xpath("//section[contains(@class,'account-overview')]").nodeCount(1))
			.andExpect(xpath("//section[@id='account-bob']//dd[@data-count='plays']").string("0"));
	}

}
