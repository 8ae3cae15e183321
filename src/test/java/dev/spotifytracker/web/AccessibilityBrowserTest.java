package dev.spotifytracker.web;

import java.time.Instant;
import java.util.List;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.support.LibraryFixture;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core on every main page in a real browser, at the desktop's width and a phone's
 * (375 CSS pixels): no serious or critical finding, and on the phone no page wider than
 * the window (tables stack into labelled rows, or scroll in a box a keyboard can reach).
 */
class AccessibilityBrowserTest extends BrowserTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMainPagesHaveNoSeriousAxeFindingsAndFitAPhone() {
		// given: an account with a library and plays
		sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(5).albums(2).likedTracks(3).plays(0));
		signIn("alice");
		plays();
		List<String> pages = List.of("/", "/jobs", "/library", "/library?kind=albums", "/library?kind=artists",
				"/playlists", "/history", "/stats?period=all", "/stats/album/" + LibraryFixture.id("Blue"),
				"/stats/artist/" + LibraryFixture.id("Joni"), "/stats/track/" + LibraryFixture.id("River"),
				"/library/tracks/" + LibraryFixture.id("River"), "/stats/year/2026");

		SoftAssertions softly = new SoftAssertions();
		for (boolean phone : new boolean[] { false, true }) {
			browser.phone(phone);
			for (String page : pages) {
				String where = page + (phone ? " at 375 px" : " at desktop width");
				// when
				browser.open(url(page));
				// then
				softly.assertThat(browser.seriousAccessibilityFindings()).as("axe on " + where).isEmpty();
				if (phone) {
					softly.assertThat(browser.sidewaysOverflow()).as("overflow of " + where).isLessThanOrEqualTo(0);
				}
				browser.assertNoConsoleErrors();
			}
		}
		// for people to look at: target/screenshots/library-phone.png and the album
		// page's
		browser.phone(false);
		browser.open(url("/library")).screenshot("library");
		browser.open(url("/stats/album/" + LibraryFixture.id("Blue"))).screenshot("album");
		browser.phone(false);
		signOut();
		softly.assertAll();
	}

	private void plays() {
		AccountId alice = new AccountId(
				this.jdbc.sql("select id from accounts where spotify_user_id = 'alice'").query(Long.class).single());
		LibraryFixture.of(this.jdbc, alice)
			.album("Blue", "Joni", Instant.parse("2026-01-01T10:00:00Z"), "River", "Carey",
					"A Case of You and a Title Long Enough to Wrap on a Phone")
			.liked("River", Instant.parse("2026-01-02T10:00:00Z"))
			.played("River", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"))
			.played("Carey", Instant.parse("2025-06-02T12:00:00Z"));
	}

}
