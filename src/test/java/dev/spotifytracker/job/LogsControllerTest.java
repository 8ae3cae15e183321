package dev.spotifytracker.job;

import java.sql.Timestamp;
import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

@IntegrationTest
@AutoConfigureMockMvc
class LogsControllerTest {

	private static final String ROWS = "//table[@id='log-table']/tbody/tr";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	AccountId alice;

	AccountId bob;

	long aliceLibraryRun;

	@BeforeEach
	void someRunsWithLogs() {
		this.alice = Viewers.create(this.jdbc, "alice", "owner", "Europe/Berlin");
		this.bob = Viewers.member(this.jdbc, "bob");
		this.aliceLibraryRun = run("library", this.alice);
		long alicePlays = run("plays", this.alice);
		long bobLibrary = run("library", this.bob);
		line(this.aliceLibraryRun, this.alice, "2026-03-01T08:00:00Z", "INFO", "Saved albums: 3 added");
		line(this.aliceLibraryRun, this.alice, "2026-03-01T08:30:00Z", "WARN", "Album 7 answered 404, skipped");
		line(alicePlays, this.alice, "2026-03-01T09:00:00Z", "INFO", "12 new plays");
		line(alicePlays, this.alice, "2026-03-01T09:30:00Z", "ERROR", "Spotify answered 503 three times");
		line(bobLibrary, this.bob, "2026-03-01T10:00:00Z", "INFO", "Liked tracks: 1 added");
	}

	@Test
	void linesAreNewestFirstAndLinkToTheirRun() throws Exception {
		this.mvc.perform(get("/logs").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath(ROWS).nodeCount(5))
			.andExpect(xpath(ROWS + "[1]/td[5]").string("Liked tracks: 1 added"))
			.andExpect(xpath(ROWS + "[5]/td[5]").string("Saved albums: 3 added"))
			.andExpect(xpath(ROWS + "[5]/td[4]/a/@href")
				.string(startsWith("/jobs/runs/" + this.aliceLibraryRun + "#log-")))
			.andExpect(xpath(ROWS + "[5]/td[4]/a").string("library #" + this.aliceLibraryRun));
	}

	@Test
	void theJobFilterKeepsThatJobsLines() throws Exception {
		this.mvc.perform(get("/logs").param("job", "plays").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(2))
			.andExpect(xpath("//select[@id='filter-job']/option[@selected]").string("plays"));
	}

	@Test
	void theLevelFilterKeepsThatLevelAndAbove() throws Exception {
		this.mvc.perform(get("/logs").param("level", "WARN").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(2))
			.andExpect(xpath(ROWS + "[1]/td[2]").string("ERROR"))
			.andExpect(xpath(ROWS + "[2]/td[2]").string("WARN"));
		this.mvc.perform(get("/logs").param("level", "error").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(1));
	}

	@Test
	void theTextFilterIgnoresCase() throws Exception {
		this.mvc.perform(get("/logs").param("text", "SPOTIFY answered").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(1))
			.andExpect(xpath(ROWS + "/td[5]").string("Spotify answered 503 three times"));
	}

	@Test
	void theAccountFilterKeepsOneAccount() throws Exception {
		this.mvc.perform(get("/logs").param("account", "bob").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(1))
			.andExpect(xpath(ROWS + "/td[3]").string("Bob"));
	}

	@Test
	void theTimeRangeIsReadInTheViewersTimeZone() throws Exception {
		// Europe/Berlin is UTC+1 in March: 09:30 to 10:30 there is 08:30 to 09:30 UTC
		this.mvc
			.perform(get("/logs").param("from", "2026-03-01T09:30")
				.param("to", "2026-03-01T10:30")
				.with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(2))
			.andExpect(xpath(ROWS + "[1]/td[5]").string("12 new plays"))
			.andExpect(xpath(ROWS + "[2]/td[5]").string("Album 7 answered 404, skipped"))
			.andExpect(xpath(ROWS + "[1]/td[1]/time").string("1 Mar 2026, 10:00:00"));
	}

	@Test
	void filtersCombine() throws Exception {
		this.mvc
			.perform(get("/logs").param("job", "library")
				.param("level", "INFO")
				.param("account", "alice")
				.param("text", "albums")
				.with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(1))
			.andExpect(xpath(ROWS + "/td[5]").string("Saved albums: 3 added"));
	}

	@Test
	void aMemberSeesOnlyTheirOwnLines() throws Exception {
		this.mvc.perform(get("/logs").with(Viewers.signedInAs("bob", "member")))
			.andExpect(xpath(ROWS).nodeCount(1))
			.andExpect(xpath("//select[@id='filter-account']").doesNotExist());
		this.mvc.perform(get("/logs").param("account", "alice").with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isForbidden());
	}

	@Test
	void manyLinesArePaged() throws Exception {
		for (int i = 0; i < LogsController.LINES_PER_PAGE; i++) {
			line(this.aliceLibraryRun, this.alice, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i).toString(),
					"DEBUG", "Page " + i);
		}

		this.mvc.perform(get("/logs").param("account", "alice").with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(LogsController.LINES_PER_PAGE))
			.andExpect(xpath("//a[@id='older']/@href").string(containsString("beforeId=")));
		String older = this.mvc.perform(get("/logs").param("account", "alice").with(Viewers.signedInAs("alice")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*id=\"older\"[^>]*href=\"([^\"]+)\".*|(?s).*href=\"([^\"]+)\"[^>]*id=\"older\".*", "$1$2")
			.replace("&amp;", "&");
		this.mvc.perform(get(older).with(Viewers.signedInAs("alice")))
			.andExpect(xpath(ROWS).nodeCount(4))
			.andExpect(xpath(ROWS + "[4]/td[5]").string("Page 0"))
			.andExpect(xpath("//a[@id='older']").doesNotExist());
	}

	@Test
	void farFutureOrFarPastDatesAnswer400NotA500() throws Exception {
		for (String date : new String[] { "+99999-01-01T00:00", "+999999999-12-31T23:59", "-4000-01-01T00:00",
				"2026-13-01T00:00", "0000-01-01T00:00" }) {
			this.mvc.perform(get("/logs").param("from", date).with(Viewers.signedInAs("alice")))
				.andExpect(status().isBadRequest());
			this.mvc.perform(get("/logs").param("to", date).with(Viewers.signedInAs("alice")))
				.andExpect(status().isBadRequest());
		}
		this.mvc
			.perform(get("/logs").param("beforeAt", "+1000000-01-01T00:00:00Z")
				.param("beforeId", "1")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/logs").param("beforeAt", "2026-03-01T09:00:00Z")
				.param("beforeId", "99999999999999999999")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
	}

	private long run(String job, AccountId account) {
		return this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at, finished_at)
				values (?, ?, 'schedule', 'succeeded', '2026-03-01T07:00:00Z', '2026-03-01T11:00:00Z') returning id
				""").params(job, account.value()).query(Long.class).single();
	}

	private void line(long run, AccountId account, String at, String level, String message) {
		this.jdbc.sql("insert into logs (run_id, account_id, at, level, message) values (?, ?, ?, ?, ?)")
			.params(run, account.value(), Timestamp.from(Instant.parse(at)), level, message)
			.update();
	}

}
