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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.spotifytracker.support.LibraryFixture.id;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The exclude menus of the playlists page's previews and of the rule builder, the list of
 * exclusions with its undo, and bad input.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ExclusionsPageTest {

	static final String HERE = "/playlists?account=alice#never-played";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	AccountId alice;

	@BeforeEach
	void aLibraryNeverPlayed() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue Train", "John Coltrane", Instant.parse("2026-01-10T08:00:00Z"), "Moments Notice", "Locomotion",
					"Lazy Bird");
	}

	@Test
	void eachPreviewTrackOffersItselfItsAlbumAndItsArtistForThisPlaylistOrEveryOne() throws Exception {
		String track = "//ol[@id='never-played-tracks']/li[2]//details[@class='exclude-menu']";
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath(track + "/form/input[@name='playlist']/@value").string("never-played"))
			.andExpect(xpath(track + "/form[2]/input[@name='playlist']/@value").string("all"))
			.andExpect(xpath(track + "/form[1]/button[1]/@value").string("track:" + id("Locomotion")))
			.andExpect(xpath(track + "/form[1]/button[2]/@value").string("album:" + id("Blue Train")))
			.andExpect(xpath(track + "/form[1]/button[3]/@value").string("artist:" + id("John Coltrane")))
			.andExpect(xpath(track + "/form[1]/button[3]").string("John Coltrane"))
			.andExpect(xpath(track + "/form[1]/input[@name='returnTo']/@value").string(HERE));
	}

	@Test
	void anAlbumExcludedEverywhereLeavesThePreviewIsListedAndComesBackWithUndo() throws Exception {
		this.mvc.perform(exclude("album:" + id("Blue Train"), "all")).andExpect(redirectedUrl(HERE));

		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='never-played-count']").string("0"));
		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='playlist-exclusions']/tbody/tr/td[1]").string("Blue Train"))
			.andExpect(xpath("//table[@id='playlist-exclusions']/tbody/tr/td[2]").string("album"))
			.andExpect(xpath("//table[@id='playlist-exclusions']/tbody/tr/td[3]").string("every playlist"))
			.andExpect(xpath("//table[@id='playlist-exclusions']//form/@action")
				.string("/playlists/include?account=alice"));

		this.mvc
			.perform(post("/playlists/include").param("item", "album:" + id("Blue Train"))
				.param("playlist", "all")
				.param("returnTo", "/playlists?account=alice#all-exclusions")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(redirectedUrl("/playlists?account=alice#all-exclusions"));
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='never-played-count']").string("3"));
		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='no-other-exclusions']").exists());
	}

	@Test
	void htmxGetsALineSayingWhatWasExcludedWithItsUndo() throws Exception {
		this.mvc.perform(exclude("artist:" + id("John Coltrane"), "never-played").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(xpath("//div[@role='status']/span").string(
					"Kept the artist \u201cJohn Coltrane\u201d out of \u201cNever Played\u201d (the next push removes it)."))
			.andExpect(xpath("//div[@role='status']/form/@hx-post").string("/playlists/include?account=alice"))
			.andExpect(xpath("//div[@role='status']/form/input[@name='item']/@value")
				.string("artist:" + id("John Coltrane")))
			.andExpect(xpath("//div[@role='status']/form/input[@name='playlist']/@value").string("never-played"))
			.andExpect(xpath("//div[@role='status']//button").string("Undo"));
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='never-played-count']").string("0"));
	}

	@Test
	void theBuilderExcludesFromItsPreviewKeepsTheDraftAndUndoes() throws Exception {
		this.mvc
			.perform(builder().param("name", "Trains")
				.param("action", "exclude:all:track:" + id("Locomotion"))
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(xpath("//input[@id='rule-name']/@value").string("Trains"))
			.andExpect(xpath("//*[@id='exclusion-done']/span").string(containsString("Locomotion")))
			.andExpect(xpath("//ol[@id='preview-tracks']/li").nodeCount(2))
			.andExpect(xpath("//*[@id='undo-exclusion']/@value").string("include:all:track:" + id("Locomotion")));

		this.mvc.perform(builder().param("name", "Trains").param("action", "include:all:track:" + id("Locomotion")))
			.andExpect(status().isOk())
			.andExpect(xpath("//ol[@id='preview-tracks']/li").nodeCount(3));
	}

	@Test
	void anUnknownKindIdOrPlaylistAnswers400WithOneSentence() throws Exception {
		this.mvc.perform(exclude("song:" + id("Locomotion"), "all"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']")
				.string("Exclude a track, an album or an artist, not \u201csong\u201d."));
		this.mvc.perform(exclude("album:nope", "all"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string("That is not a Spotify album id: nope"));
		this.mvc.perform(exclude("track:" + id("Locomotion"), "all-time-best"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string(
					"There is no smart playlist \u201call-time-best\u201d: choose one of yours or every playlist."));
		this.mvc.perform(exclude("track:" + id("Somebody Elses"), "all"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']")
				.string("Your library and plays hold no track with the id " + id("Somebody Elses") + "."));
		this.mvc.perform(builder().param("action", "exclude:all:genre:" + id("Locomotion")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anExclusionWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/playlists/exclude").param("item", "album:" + id("Blue Train"))
				.param("playlist", "all")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/playlists/never-played/preview").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='never-played-count']").string("3"));
	}

	private MockHttpServletRequestBuilder exclude(String item, String playlist) {
		return post("/playlists/exclude").param("item", item)
			.param("playlist", playlist)
			.param("returnTo", HERE)
			.with(Viewers.signedInAs("alice"))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder builder() {
		return post("/playlists/rules/form").with(Viewers.signedInAs("alice")).with(csrf());
	}

}
