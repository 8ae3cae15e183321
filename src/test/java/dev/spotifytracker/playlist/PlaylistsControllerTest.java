package dev.spotifytracker.playlist;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

@IntegrationTest
@AutoConfigureMockMvc
class PlaylistsControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaylistService playlists;

	AccountId alice;

	@BeforeEach
	void aLibraryNeverPlayed() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue Train", "John Coltrane", Instant.parse("2026-01-10T08:00:00Z"), "Moments Notice", "Locomotion",
					"Lazy Bird");
	}

	@Test
	void thePageShowsEverySmartPlaylistWithItsSettings() throws Exception {
		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//article[contains(@class,'rule')]").nodeCount(SmartPlaylistRule.values().length))
			.andExpect(xpath("//article[@id='never-played']/h2").string("Never Played"))
			.andExpect(xpath("//input[@id='never-played-limit']/@value").string("1000"))
			.andExpect(xpath("//input[@id='liked-last-30-days-window']/@value").string("30"))
			.andExpect(xpath("//input[@id='never-played-window']").doesNotExist())
			.andExpect(xpath("//article[@id='never-played']//div[@hx-get]/@hx-get")
				.string("/playlists/never-played/preview?account=alice"));
	}

	@Test
	void thePreviewCountsTheTracksTheRuleSelectsAndWhatThePushWouldAdd() throws Exception {
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//*[@id='never-played-count']").string("3"))
			.andExpect(xpath("//*[@id='never-played-adds']").string("+3"))
			.andExpect(xpath("//ol[@id='never-played-tracks']/li").nodeCount(3));
	}

	@Test
	void aValidLimitIsSavedAndThePreviewFollows() throws Exception {
		this.mvc
			.perform(post("/playlists/never-played/settings").param("enabled", "true")
				.param("limit", "2")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/playlists?account=alice#never-played"))
			.andExpect(flash().attribute("flashMessage", "Saved. The next push uses these settings."));

		assertThat(this.playlists.rule(this.alice, SmartPlaylistRule.NEVER_PLAYED).settings().limit()).isEqualTo(2);
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='never-played-count']").string("2"));
	}

	@Test
	void aLimitOutOfRangeIsRefusedWithTheMessageNextToTheField() throws Exception {
		this.mvc
			.perform(post("/playlists/never-played/settings").param("enabled", "true")
				.param("limit", "20000")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//input[@id='never-played-limit']/@aria-invalid").string("true"))
			.andExpect(xpath("//input[@id='never-played-limit']/@value").string("20000"))
			.andExpect(xpath("//*[@id='never-played-limit-error']").string(containsString("1 to 10,000")));

		assertThat(this.playlists.rule(this.alice, SmartPlaylistRule.NEVER_PLAYED).settings().limit()).isEqualTo(1000);
	}

	@Test
	void aWindowThatIsNotANumberIsRefusedWithTheMessageNextToTheField() throws Exception {
		this.mvc
			.perform(post("/playlists/liked-last-30-days/settings").param("limit", "100")
				.param("windowDays", "a month")
				.header("HX-Request", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//article[@id='liked-last-30-days']").exists())
			.andExpect(xpath("//*[@id='liked-last-30-days-window-error']").string("Enter a whole number."))
			.andExpect(xpath("//*[@id='liked-last-30-days-limit-error']").string(""));
	}

	@Test
	void switchingARuleOffIsSaved() throws Exception {
		this.mvc
			.perform(post("/playlists/most-played/settings").param("limit", "50")
				.header("HX-Request", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//input[@id='most-played-enabled']/@checked").doesNotExist())
			.andExpect(xpath("//*[@id='most-played-message']").exists());

		assertThat(this.playlists.rule(this.alice, SmartPlaylistRule.MOST_PLAYED).settings().enabled()).isFalse();
	}

	@Test
	void aPushThatCannotReachSpotifySaysWhyInTheCard() throws Exception {
		this.jdbc.sql("update accounts set needs_sign_in = true").update();

		this.mvc
			.perform(post("/playlists/never-played/push").header("HX-Request", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//*[@id='never-played-error']").exists())
			.andExpect(xpath("//*[@id='never-played-error']").string(not("")));
	}

	@Test
	void aRelinkToSomethingThatIsNotAPlaylistIsRefusedNextToTheField() throws Exception {
		this.mvc
			.perform(post("/playlists/never-played/link").param("playlist", "not a playlist")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='never-played-playlist-error']").string(not("")))
			.andExpect(xpath("//details[contains(@class,'relink')]/@open").exists());
	}

	@Test
	void excludingATrackKeepsItOutOfThePreviewAndGoesBack() throws Exception {
		String track = LibraryFixture.id("Locomotion");

		this.mvc
			.perform(post("/playlists/exclusions/{id}", track).param("excluded", "true")
				.param("returnTo", "/library/tracks/" + track + "?account=alice")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/library/tracks/" + track + "?account=alice"));

		assertThat(this.playlists.excludedTrackIds(this.alice)).containsExactly(track);
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='never-played-count']").string("2"));
		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='exclusions']/tbody/tr/td[1]/a").string("Locomotion"));
	}

	@Test
	void htmxGetsTheNewExclusionButtonBack() throws Exception {
		String track = LibraryFixture.id("Locomotion");
		this.playlists.exclude(this.alice, track);

		this.mvc
			.perform(post("/playlists/exclusions/{id}", track).param("excluded", "false")
				.header("HX-Request", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//button").string("Exclude from smart playlists"));
		assertThat(this.playlists.excludedTrackIds(this.alice)).isEmpty();
	}

	@Test
	void anExclusionGoesBackOnlyToAPageOfThisService() throws Exception {
		this.mvc
			.perform(post("/playlists/exclusions/{id}", LibraryFixture.id("Locomotion")).param("excluded", "true")
				.param("returnTo", "//evil.example/")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(redirectedUrl("/playlists?account=alice"));
	}

	@Test
	void anExclusionWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/playlists/exclusions/{id}", LibraryFixture.id("Locomotion")).param("excluded", "true")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isForbidden());
		assertThat(this.playlists.excludedTrackIds(this.alice)).isEmpty();
	}

	@Test
	void excludingSomethingThatIsNotATrackAnswers400() throws Exception {
		this.mvc
			.perform(post("/playlists/exclusions/{id}", "nope").param("excluded", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string(containsString("not a Spotify track id")));
	}

	@Test
	void anUnknownRuleAnswers404() throws Exception {
		this.mvc.perform(get("/playlists/all-time-best/preview").with(Viewers.signedInAs("alice")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMemberCannotChangeAnotherAccountsPlaylists() throws Exception {
		Viewers.member(this.jdbc, "bob");

		this.mvc
			.perform(post("/playlists/never-played/settings").param("account", "alice")
				.param("limit", "5")
				.with(Viewers.signedInAs("bob", "member"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.playlists.rule(this.alice, SmartPlaylistRule.NEVER_PLAYED).settings().limit()).isEqualTo(1000);
	}

}
