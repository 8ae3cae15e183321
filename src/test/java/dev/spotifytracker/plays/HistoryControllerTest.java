package dev.spotifytracker.plays;

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
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The history page (newest first, day headers, keyset pages, filters), curation with its
 * audit, and the streamed export of {@code GET /api/plays}.
 */
@IntegrationTest
@AutoConfigureMockMvc
class HistoryControllerTest {

	private static final Instant DAY1 = Instant.parse("2025-03-01T10:00:00Z");

	private static final Instant DAY2 = Instant.parse("2025-03-02T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	AccountId alice;

	@BeforeEach
	void plays() {
		this.alice = Viewers.create(this.jdbc, "alice", "owner", "UTC");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue", "Joni Mitchell", null, "River", "Carey, Live")
			.album("Kind of Blue", "Miles Davis", null, "So What")
			.played("River", DAY1, DAY1.plusSeconds(300))
			.played("So What", DAY2)
			.played("Carey, Live", DAY2.plusSeconds(600));
	}

	@Test
	void theHistoryListsPlaysNewestFirstUnderDayHeaders() throws Exception {
		this.mvc.perform(get("/history").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//section[contains(@class,'history-day')]").nodeCount(2))
			.andExpect(xpath("(//section[contains(@class,'history-day')])[1]//tbody/tr").nodeCount(2))
			.andExpect(
					xpath("(//section[contains(@class,'history-day')])[1]//tbody/tr[1]/td[2]/a").string("Carey, Live"))
			.andExpect(
					xpath("(//section[contains(@class,'history-day')])[2]/h2/span[1]").string("Saturday 1 March 2025"))
			.andExpect(xpath("//nav//a[@aria-current='page']").string("History"));
	}

	@Test
	void filtersByTextDateAndSource() throws Exception {
		this.mvc.perform(get("/history").param("q", "miles").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//tbody/tr").nodeCount(1))
			.andExpect(xpath("//tbody/tr/td[2]/a").string("So What"));
		this.mvc.perform(
				get("/history").param("from", "2025-03-01").param("to", "2025-03-01").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//tbody/tr").nodeCount(2));
		this.mvc.perform(get("/history").param("source", "history_import").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//tbody/tr").nodeCount(0));
	}

	@Test
	void pagesGoOlderByKeysetWithoutRepeatingAPlay() throws Exception {
		// given: more plays than a page
		LibraryFixture fixture = LibraryFixture.of(this.jdbc, this.alice);
		for (int i = 0; i < HistoryController.PAGE_SIZE + 5; i++) {
			fixture.played("So What", DAY1.minusSeconds(3600L * (i + 1)));
		}

		// when
		MvcResult first = this.mvc.perform(get("/history").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//tbody/tr").nodeCount(HistoryController.PAGE_SIZE))
			.andReturn();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"([^\"]*)\" rel=\"next\"")
			.matcher(first.getResponse().getContentAsString());
		assertThat(link.find()).isTrue();
		String older = link.group(1);

		// then
		this.mvc.perform(get(older.replace("&amp;", "&")).with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//tbody/tr").nodeCount(9))
			.andExpect(xpath("//a[@id='older']").doesNotExist());
	}

	@Test
	void badDatesAreA400WithOneSentenceNeverA500() throws Exception {
		this.mvc.perform(get("/history").param("from", "99999-01-01").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not a valid date")));
		this.mvc.perform(get("/history").param("to", "2999-01-01").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/history").param("before", "garbage").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/plays").param("from", "2025-13-01").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("YYYY-MM-DD")));
	}

	@Test
	void aHiddenPlayCountsNowhereUntilShownAgainAndTheAuditSaysWho() throws Exception {
		long river = playId("River", DAY1);

		this.mvc.perform(post("/history/plays/{id}/hide", river).with(csrf()).with(Viewers.signedInAs("alice")))
			.andExpect(status().is3xxRedirection());
		assertThat(counted()).isEqualTo(3);
		this.mvc.perform(get("/history").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//ul[@id='audit']/li/span").string(containsString("alice hid 1 play (play " + river)));

		this.mvc.perform(post("/history/plays/{id}/unhide", river).with(csrf()).with(Viewers.signedInAs("alice")))
			.andExpect(status().is3xxRedirection());
		assertThat(counted()).isEqualTo(4);
	}

	@Test
	void deletingADayAsksFirstThenDeletesItsPlaysOnly() throws Exception {
		this.mvc.perform(post("/history/days/2025-03-01/delete").with(csrf()).with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//h1").string("Delete 2 plays?"));
		assertThat(counted()).isEqualTo(4);

		this.mvc
			.perform(post("/history/days/2025-03-01/delete").param("confirmed", "true")
				.with(csrf())
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().is3xxRedirection());

		assertThat(counted()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from plays").query(Integer.class).single()).isEqualTo(4);
		assertThat(this.jdbc.sql("select actor || ' ' || action || ' ' || plays from play_curation")
			.query(String.class)
			.single()).isEqualTo("alice delete 2");
	}

	@Test
	void theExportStreamsCountedPlaysOldestFirstAsCsv() throws Exception {
		// given: one hidden play
		this.jdbc.sql("update plays set hidden_at = now() where played_at = ?")
			.param(java.sql.Timestamp.from(DAY2))
			.update();

		// when
		MvcResult started = this.mvc.perform(
				get("/api/plays").param("from", "2025-03-01").param("format", "csv").with(Viewers.signedInAs("alice")))
			.andExpect(request().asyncStarted())
			.andReturn();

		// then
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andExpect(content().string("""
				played_at,ms_played,track_id,track,artists,album,source
				2025-03-01T10:00:00Z,,%1$s,River,Joni Mitchell,Blue,recently_played
				2025-03-01T10:05:00Z,,%1$s,River,Joni Mitchell,Blue,recently_played
				2025-03-02T10:10:00Z,,%2$s,"Carey, Live",Joni Mitchell,Blue,recently_played
				""".formatted(LibraryFixture.id("River"), LibraryFixture.id("Carey, Live"))));
	}

	@Test
	void theExportAsJsonHasTheContractsKeys() throws Exception {
		MvcResult started = this.mvc.perform(
				get("/api/plays").param("to", "2025-03-01").param("format", "json").with(Viewers.signedInAs("alice")))
			.andReturn();

		this.mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].played_at").value("2025-03-01T10:00:00Z"))
			.andExpect(jsonPath("$[0].ms_played").doesNotExist())
			.andExpect(jsonPath("$[0].artists").value("Joni Mitchell"))
			.andExpect(jsonPath("$[0].source").value("recently_played"));
	}

	private long playId(String track, Instant at) {
		return this.jdbc.sql("select id from plays where track_id = ? and played_at = ?")
			.params(LibraryFixture.id(track), java.sql.Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	private int counted() {
		return this.jdbc.sql("select count(*) from counted_plays").query(Integer.class).single();
	}

}
