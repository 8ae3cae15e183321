package dev.spotifytracker.report;

import java.time.Instant;
import java.util.List;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.CatalogService;
import dev.spotifytracker.library.TrackStub;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The artist, album and track pages: their figures, top tracks, series with its table and
 * covers; a 404 page for an id the catalog does not know; stubs of an imported export
 * under the export's names.
 */
class SubjectPageTest extends ReportTestSupport {

	private static final String COVER = "https://i.scdn.co/image/ab67616d00004851blue";

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogService catalog;

	private AccountId alice;

	@BeforeEach
	void plays() {
		this.alice = Viewers.create(this.jdbc, "alice", "owner", "Europe/Berlin");
		LibraryFixture.of(this.jdbc, this.alice)
			.album("Blue", "Joni", null, "River", "Carey")
			.album("Court", "Joni", null, "Help Me")
			.album("Hejira", "Other", null, "Amelia")
			.played("River", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"),
					Instant.parse("2026-03-02T10:05:00Z"))
			.played("Carey", Instant.parse("2025-06-02T12:00:00Z"))
			.played("Help Me", Instant.parse("2026-02-02T12:00:00Z"))
			.played("Amelia", Instant.parse("2026-02-03T12:00:00Z"), Instant.parse("2026-02-04T12:00:00Z"),
					Instant.parse("2026-02-05T12:00:00Z"));
		this.jdbc.sql("update albums set image_url = :url where id = :id")
			.param("url", COVER)
			.param("id", LibraryFixture.id("Blue"))
			.update();
	}

	@Test
	void anAlbumPageShowsItsPlaysShareFirstAndLastPlayTopTracksAndSeries() throws Exception {
		// when
		String page = html("/stats/album/" + LibraryFixture.id("Blue"));

		// then: 4 of the account's 8 plays, River first
		assertThat(page).contains("id=\"subject-name\">Blue<")
			.contains("id=\"subject-plays\">4<")
			.contains("id=\"subject-play-share\">50.0%<")
			.contains("datetime=\"2025-06-02T12:00:00Z\"")
			.contains("datetime=\"2026-03-02T10:05:00Z\"")
			.contains("id=\"series-chart\"")
			.contains("id=\"series-table\"");
		assertThat(page.indexOf(">River</a>")).isPositive().isLessThan(page.indexOf(">Carey</a>"));
		assertThat(page).contains("src=\"" + COVER + "\"").contains("loading=\"lazy\"").contains("width=\"40\"");
	}

	@Test
	void anArtistPageCountsEveryTrackThatCreditsItAndRanksThem() throws Exception {
		String page = html("/stats/artist/" + LibraryFixture.id("Joni"));

		assertThat(page).contains("id=\"subject-name\">Joni<")
			.contains("id=\"subject-plays\">5<")
			.contains("id=\"subject-play-share\">62.5%<")
			.doesNotContain(">Amelia</a>");
		assertThat(page.indexOf(">River</a>")).isPositive().isLessThan(page.indexOf(">Help Me</a>"));
	}

	@Test
	void aTrackPageLinksItsArtistAlbumAndLibraryPageAndShowsItsCover() throws Exception {
		String page = html("/stats/track/" + LibraryFixture.id("River"));

		assertThat(page).contains("id=\"subject-plays\">3<")
			.contains("/stats/artist/" + LibraryFixture.id("Joni"))
			.contains("/stats/album/" + LibraryFixture.id("Blue"))
			.contains("/library/tracks/" + LibraryFixture.id("River"))
			.contains("alt=\"Cover of River\"")
			.doesNotContain("id=\"top-tracks\"");
	}

	@Test
	void aTrackPageShowsItsPlaceInEachSmartPlaylistAsLastPushed() throws Exception {
		// given: Most Played last pushed with Carey then River; Never Played pushed
		// without River; bob's Played Once holds River, which is not alice's business
		AccountId bob = Viewers.create(this.jdbc, "bob", "member", "UTC");
		pushed(this.alice, "most-played", LibraryFixture.id("Carey"), LibraryFixture.id("River"));
		pushed(this.alice, "never-played", LibraryFixture.id("Amelia"));
		pushed(bob, "played-once", LibraryFixture.id("River"));

		// when
		String page = html("/stats/track/" + LibraryFixture.id("River"));

		// then
		assertThat(page).contains("id=\"playlist-places\"");
		assertThat(row(page, "most-played")).contains("No. 2 of 2")
			.contains("href=\"https://open.spotify.com/playlist/most-played-id\"")
			.contains("href=\"/playlists?account=alice#most-played\"");
		assertThat(row(page, "never-played")).contains("Not in it.").doesNotContain("No. ");
		assertThat(row(page, "played-once")).contains("Not published yet.");
		assertThat(row(page, "liked-last-30-days")).contains("Not published yet.");
	}

	@Test
	void albumAndArtistPagesHaveNoPlaylistPlaces() throws Exception {
		assertThat(html("/stats/album/" + LibraryFixture.id("Blue"))).doesNotContain("playlist-places");
		assertThat(html("/stats/artist/" + LibraryFixture.id("Joni"))).doesNotContain("playlist-places");
	}

	@Test
	void aPeriodNarrowsTheFiguresAndTheShare() throws Exception {
		String page = html("/stats/album/" + LibraryFixture.id("Blue") + "?period=2025");

		assertThat(page).contains("id=\"subject-plays\">1<").contains("id=\"subject-play-share\">100.0%<");
	}

	@Test
	void anAlbumWithoutCoverShowsItsInitial() throws Exception {
		String page = html("/stats/album/" + LibraryFixture.id("Hejira"));

		assertThat(page).contains("cover-none").contains(">H</span>").doesNotContain("<img");
	}

	@Test
	void theStatsTopListsLinkToTheDetailPagesWithCovers() throws Exception {
		String page = html("/stats?period=all");

		assertThat(page).contains("href=\"/stats/track/" + LibraryFixture.id("River"))
			.contains("href=\"/stats/album/" + LibraryFixture.id("Blue"))
			.contains("href=\"/stats/artist/" + LibraryFixture.id("Joni"))
			.contains("src=\"" + COVER + "\"");
	}

	@Test
	void anUnknownIdIsA404PageWithASentence() throws Exception {
		for (String kind : List.of("track", "album", "artist")) {
			this.mvc.perform(get("/stats/" + kind + "/nothingLikeThisId").with(Viewers.signedInAs("alice")))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("There is no " + kind + " with that id")))
				.andExpect(content().string(not(containsString("Exception"))));
		}
	}

	@Test
	void aStubFromAnImportedExportCountsUnderTheExportsNames() throws Exception {
		// given: a track known only from an export, played twice
		this.catalog
			.saveStubs(List.of(new TrackStub("stubTrack0000000000000", "Lost Song", "Lost Album", "Lost Band")));
		LibraryFixture.of(this.jdbc, this.alice)
			.played("stubTrack0000000000000", Instant.parse("2026-01-01T10:00:00Z"),
					Instant.parse("2026-01-02T10:00:00Z"));
		String albumId = this.jdbc.sql("select album_id from catalog_tracks where track_id = 'stubTrack0000000000000'")
			.query(String.class)
			.single();
		String artistId = this.jdbc
			.sql("select artist_id from catalog_track_artists where track_id = 'stubTrack0000000000000'")
			.query(String.class)
			.single();
		assertThat(albumId).startsWith("stub:");

		// when
		String stats = html("/stats?period=all");
		String album = html("/stats/album/" + albumId);
		String artist = html("/stats/artist/" + artistId);

		// then
		assertThat(stats).contains(">Lost Album</a>").contains(">Lost Band</a>");
		assertThat(album).contains("id=\"subject-name\">Lost Album<")
			.contains("id=\"subject-plays\">2<")
			.contains(">Lost Song</a>");
		assertThat(artist).contains("id=\"subject-name\">Lost Band<").contains("id=\"subject-plays\">2<");
	}

	/** A push as the playlist module records it: the playlist holds these tracks. */
	private void pushed(AccountId account, String slug, String... tracks) {
		this.jdbc
			.sql("""
					insert into playlist_mappings (account_id, slug, name, spotify_playlist_id, pushed_track_ids, status, pushed_at)
					values (:account, :slug, :slug, :playlist, :tracks, 'active', now())
					""")
			.param("account", account.value())
			.param("slug", slug)
			.param("playlist", slug + "-id")
			.param("tracks", tracks)
			.update();
	}

	private static String row(String page, String slug) {
		int start = page.indexOf("id=\"place-" + slug + "\"");
		assertThat(start).as("the row of " + slug).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private String html(String url) throws Exception {
		return this.mvc.perform(get(url).with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
