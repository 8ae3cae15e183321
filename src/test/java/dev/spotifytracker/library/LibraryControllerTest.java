package dev.spotifytracker.library;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.playlist.PlaylistService;
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
class LibraryControllerTest {

	private static final Instant SAVED = Instant.parse("2026-01-10T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaylistService playlists;

	AccountId alice;

	@BeforeEach
	void aLibrary() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue Train", "John Coltrane", SAVED, "Moments Notice", "Locomotion")
			.album("Kind of Blue", "Miles Davis", null, "So What", "Freddie Freeloader")
			.liked("So What", Instant.parse("2026-02-01T09:00:00Z"))
			.played("Locomotion", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-05T10:00:00Z"))
			.unavailable("Moments Notice", "market", Instant.parse("2026-03-06T00:00:00Z"));
	}

	@Test
	void theTrackListShowsEachLibraryTrackWithItsPlaysAndAvailability() throws Exception {
		this.mvc.perform(get("/library").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//table[@id='tracks']/tbody/tr").nodeCount(3))
			.andExpect(xpath("//tr[td//a='Locomotion']/td[6]").string("2"))
			.andExpect(xpath("//tr[td//a='Moments Notice']/td[8]").string("no"))
			.andExpect(xpath("//nav//a[@aria-current='page']").string("Library"));
	}

	@Test
	void eachTrackShowsItsAlbumCoverLazilyOrItsInitialAndLinksToItsListeningStats() throws Exception {
		// given: Spotify sent a cover for Blue Train only
		this.jdbc.sql("update albums set image_url = 'https://i.scdn.co/image/blue' where id = :id")
			.param("id", LibraryFixture.id("Blue Train"))
			.update();

		this.mvc.perform(get("/library").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//tr[td//a='Locomotion']/td[1]//img/@src").string("https://i.scdn.co/image/blue"))
			.andExpect(xpath("//tr[td//a='Locomotion']/td[1]//img/@loading").string("lazy"))
			.andExpect(xpath("//tr[td//a='Locomotion']/td[1]//img/@width").string("40"))
			.andExpect(xpath("//tr[td//a='So What']/td[1]//img").nodeCount(0))
			.andExpect(xpath("//tr[td//a='So What']/td[1]//span[@aria-hidden='true']").string("K"))
			.andExpect(xpath("//tr[td//a='Locomotion']/td[6]/a/@href")
				.string("/stats/track/" + LibraryFixture.id("Locomotion") + "?account=alice"))
			.andExpect(xpath("//table[@id='tracks']/@class").string("stack"));
	}

	@Test
	void aSearchFindsTracksByArtist() throws Exception {
		this.mvc.perform(get("/library").param("q", "miles").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//table[@id='tracks']/tbody/tr/td[1]//a").string("So What"));
	}

	@Test
	void albumsAndArtistsAreListedToo() throws Exception {
		this.mvc.perform(get("/library").param("kind", "albums").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='albums']/tbody/tr").nodeCount(2));
		this.mvc.perform(get("/library").param("kind", "artists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='artists']/tbody/tr").nodeCount(2));
	}

	@Test
	void aTrackShowsItsAlbumsDatesPlaysAndAvailability() throws Exception {
		this.mvc
			.perform(get("/library/tracks/{id}", LibraryFixture.id("Moments Notice")).with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//h1").string("Moments Notice"))
			.andExpect(xpath("//*[@id='availability']").string(containsString("No")))
			.andExpect(xpath("//*[@id='availability']").string(containsString("market")))
			.andExpect(xpath("//ul[@id='track-albums']/li/span[1]").string("Blue Train"))
			.andExpect(xpath("//*[@id='play-count']").string("0"));
	}

	@Test
	void eachTrackHasItsExcludeButtonPostingToThePlaylists() throws Exception {
		this.playlists.exclude(this.alice, LibraryFixture.id("Locomotion"));

		this.mvc.perform(get("/library").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//tr[td//a='Locomotion']//button").string("Include in smart playlists"))
			.andExpect(xpath("//tr[td//a='So What']//button").string("Exclude from smart playlists"))
			.andExpect(xpath("//tr[td//a='So What']//form/@action")
				.string("/playlists/exclusions/" + LibraryFixture.id("So What") + "?account=alice"))
			.andExpect(xpath("//tr[td//a='So What']//input[@name='_csrf']").exists());
	}

	@Test
	void aMemberCannotSeeAnotherAccountsLibrary() throws Exception {
		Viewers.member(this.jdbc, "bob");

		this.mvc.perform(get("/library").param("account", "alice").with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOwnerMaySeeAMembersLibrary() throws Exception {
		Viewers.member(this.jdbc, "bob");

		this.mvc.perform(get("/library").param("account", "bob").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//table[@id='tracks']/tbody/tr").nodeCount(0))
			.andExpect(xpath("//select[@id='account-picker']/option[@selected]").string("Bob"));
	}

}
