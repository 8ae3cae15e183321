package dev.spotifytracker.report;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Stats page: the figures of the chosen period, its top lists, the series and the
 * clock with their tables, and a sentence for a bad period.
 */
class StatsPageTest extends ReportTestSupport {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void plays() {
		AccountId alice = Viewers.create(this.jdbc, "alice", "owner", "Europe/Berlin");
		Viewers.member(this.jdbc, "bob");
		LibraryFixture.of(this.jdbc, alice)
			.album("Blue", "Joni", null, "River", "Carey")
			.played("River", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"))
			.played("Carey", Instant.parse("2025-06-02T12:00:00Z"));
	}

	@Test
	void allTimeShowsTheSummaryTopListsSeriesAndClock() throws Exception {
		this.mvc.perform(get("/stats").param("period", "all").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"summary-plays\">3<")))
			.andExpect(content().string(containsString(">River</a>")))
			.andExpect(content().string(containsString(">Joni<")))
			.andExpect(content().string(containsString("id=\"series-chart\"")))
			.andExpect(content().string(containsString("id=\"series-table\"")))
			.andExpect(content().string(containsString("id=\"clock\"")))
			.andExpect(content().string(containsString("id=\"estimated-share\">100%<")));
	}

	@Test
	void aCustomPeriodShowsOnlyItsPlaysAndTheComparison() throws Exception {
		this.mvc
			.perform(get("/stats").param("period", "custom")
				.param("from", "2026-03-01")
				.param("to", "2026-03-01")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"summary-plays\">2<")))
			.andExpect(content().string(not(containsString(">Carey</a>"))))
			.andExpect(content().string(containsString("no plays before")));
	}

	@Test
	void aCalendarYearIsAPeriod() throws Exception {
		this.mvc.perform(get("/stats").param("period", "2025").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"summary-plays\">1<")))
			.andExpect(content().string(containsString(">Carey</a>")));
	}

	@Test
	void anUnknownPeriodIsA400WithASentence() throws Exception {
		this.mvc.perform(get("/stats").param("period", "fortnight").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown period")));
	}

	@Test
	void aMemberCannotSeeTheOwnersStats() throws Exception {
		this.mvc.perform(get("/stats").param("account", "alice").with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theYearRecapShowsTheTopNewArtistAndTheBiggestDay() throws Exception {
		this.mvc.perform(get("/stats/year/2026").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recap-plays\">2<")))
			.andExpect(content().string(containsString("id=\"biggest-day\">2026-03-01 (2 plays)<")))
			// Joni was first played in 2025
			.andExpect(content().string(containsString("id=\"top-new-artist\">–<")));
		this.mvc.perform(get("/stats/year/2025").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"top-new-artist\">Joni<")));
	}

	@Test
	void theYearsSummaryCardIsAPng() throws Exception {
		byte[] png = this.mvc.perform(get("/stats/year/2026/card.png").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
		org.assertj.core.api.Assertions.assertThat(image.getWidth()).isEqualTo(1200);
	}

}
