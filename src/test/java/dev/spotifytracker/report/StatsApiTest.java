package dev.spotifytracker.report;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stats API's contract (DESIGN.md): shapes, who may ask for which account, and a 400
 * with one sentence for every bad parameter.
 */
class StatsApiTest extends ReportTestSupport {

	@Autowired
	MockMvc mvc;

	private AccountId alice;

	@BeforeEach
	void accounts() {
		this.alice = Viewers.create(this.jdbc, "alice", "owner", "Europe/Berlin");
		AccountId bob = Viewers.member(this.jdbc, "bob");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue", "Joni", null, "River", "Carey")
			.played("River", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"))
			.played("Carey", Instant.parse("2026-03-02T23:30:00Z"));
		LibraryFixture.of(this.jdbc, bob).played("River", Instant.parse("2026-03-05T10:00:00Z"));
	}

	@Test
	void theApiTokenReadsTheOwnersTopTracksInTheContractsShape() throws Exception {
		this.mvc
			.perform(get("/api/stats/top").param("kind", "tracks")
				.param("by", "plays")
				.header("Authorization", "Bearer " + API_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].id").value(LibraryFixture.id("River")))
			.andExpect(jsonPath("$.items[0].name").value("River"))
			.andExpect(jsonPath("$.items[0].plays").value(2))
			.andExpect(jsonPath("$.items[0].ms").value(2 * 201_000));
	}

	@Test
	void theSummaryHasExactlyTheContractsFigures() throws Exception {
		this.mvc
			.perform(get("/api/stats/summary").param("account", "alice").header("Authorization", "Bearer " + API_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plays").value(3))
			.andExpect(jsonPath("$.ms").value(3 * 201_000))
			.andExpect(jsonPath("$.tracks").value(2))
			.andExpect(jsonPath("$.artists").value(1))
			.andExpect(jsonPath("$.albums").value(1))
			.andExpect(jsonPath("$.newTracks").value(2))
			.andExpect(jsonPath("$.newArtists").value(1))
			// 1 and 3 March in Berlin: Carey started after local midnight
			.andExpect(jsonPath("$.longestStreakDays").value(1))
			.andExpect(jsonPath("$.currentStreakDays").value(0))
			.andExpect(jsonPath("$.longestSessionMs").value(5 * 60_000 + 201_000))
			.andExpect(jsonPath("$.estimatedMs").doesNotExist());
	}

	@Test
	void theClockHasSevenRowsOf24AndBucketsByTheAccountsZone() throws Exception {
		// Carey started 2026-03-02 23:26:39 UTC, Tuesday 00:26 in Berlin
		this.mvc.perform(get("/api/stats/clock").header("Authorization", "Bearer " + API_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cells", hasSize(7)))
			.andExpect(jsonPath("$.cells[0]", hasSize(24)))
			.andExpect(jsonPath("$.cells[1][0]").value(1))
			.andExpect(jsonPath("$.cells[0][23]").value(0));
	}

	@Test
	void theSeriesHasAPointForEveryWeekStartingOnMonday() throws Exception {
		this.mvc
			.perform(get("/api/stats/series").param("from", "2026-02-25")
				.param("to", "2026-03-10")
				.param("step", "week")
				.param("tz", "UTC")
				.header("Authorization", "Bearer " + API_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points", hasSize(3)))
			.andExpect(jsonPath("$.points[0].start").value("2026-02-23"))
			.andExpect(jsonPath("$.points[0].plays").value(2))
			.andExpect(jsonPath("$.points[1].start").value("2026-03-02"))
			.andExpect(jsonPath("$.points[1].plays").value(1))
			.andExpect(jsonPath("$.points[2].plays").value(0));
	}

	@Test
	void aMemberSeesItsOwnAccountWithoutNamingIt() throws Exception {
		this.mvc.perform(get("/api/stats/summary").with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plays").value(1));
	}

	@Test
	void aMemberMayNotReadAnotherAccount() throws Exception {
		this.mvc.perform(get("/api/stats/summary").param("account", "alice").with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOwnerReadsAMembersAccount() throws Exception {
		this.mvc.perform(get("/api/stats/summary").param("account", "bob").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plays").value(1));
	}

	@Test
	void withoutSignInOrTokenTheApiAnswers401() throws Exception {
		this.mvc.perform(get("/api/stats/summary")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/stats/summary").header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			top     | from=2026-03-05&to=2026-03-01 | is after to
			summary | from=2026-03-05&to=2026-03-01 | is after to
			top     | tz=Mars/Olympus               | Unknown time zone
			clock   | tz=Mars/Olympus               | Unknown time zone
			top     | limit=0                       | between 1 and 10000
			top     | limit=10001                   | between 1 and 10000
			top     | limit=many                    | no whole number
			top     | kind=genres                   | Unknown kind
			top     | by=mood                       | Unknown by
			series  | step=fortnight                | Unknown step
			series  | from=2026-13-01               | no date
			summary | to=yesterday                  | no date
			series  | from=1900-01-01&step=day      | choose a longer step
			""")
	void aBadParameterIsA400WithOneSentence(String endpoint, String query, String sentence) throws Exception {
		this.mvc.perform(get("/api/stats/" + endpoint + "?" + query).header("Authorization", "Bearer " + API_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString(sentence)))
			.andExpect(jsonPath("$.detail", endsWith(".")))
			.andExpect(jsonPath("$.detail", not(containsString("Exception"))));
	}

}
