package dev.spotifytracker.web;

import java.util.List;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimSavedAlbum;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playlists page in a real browser: change a limit and the preview follows, push and
 * the simulator holds the playlist.
 */
class PlaylistsBrowserTest extends BrowserTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewLimitChangesThePreviewAndAPushSendsThatList() {
		SimulatedUser alice = sim.addUser("alice", "Alice")
			.generateLibrary(LibrarySpec.seed(3).albums(2).albumSizes(4, 6).likedTracks(0).plays(0));
		signIn("alice");
		AccountId account = new AccountId(
				this.jdbc.sql("select id from accounts where spotify_user_id = 'alice'").query(Long.class).single());
		LibraryFixture library = LibraryFixture.of(this.jdbc, account);
		alice.savedAlbums().forEach(library::savedAlbum);
		int tracks = alice.savedAlbums().stream().mapToInt((saved) -> saved.album().tracks().size()).sum();

		browser.open(url("/playlists"));
		browser.await((driver) -> previewCount().equals(String.valueOf(tracks)));
		browser.screenshot("playlists").assertNoConsoleErrors();

		browser.type(By.id("never-played-limit"), "3").click(By.id("never-played-save"));
		browser.await((driver) -> !driver.findElements(By.id("never-played-message")).isEmpty());
		browser.await((driver) -> previewCount().equals("3"));
		assertThat(browser.text(By.id("never-played-message"))).startsWith("Saved");

		browser.click(By.id("never-played-push"));
		browser.await((driver) -> !driver.findElements(By.id("never-played-message")).isEmpty()
				&& browser.text(By.id("never-played-message")).contains("pushed"));
		String playlistUrl = browser.find(By.id("never-played-link")).getAttribute("href");
		SimPlaylist pushed = alice.playlist(playlistUrl.substring(playlistUrl.lastIndexOf('/') + 1));
		assertThat(pushed.trackUris()).hasSize(3).isSubsetOf(uris(alice.savedAlbums()));
		browser.screenshot("playlists-pushed").assertNoConsoleErrors();
		sim.assertNoViolations();
	}

	private static String previewCount() {
		return browser.findAll(By.id("never-played-count")).stream().findFirst().map((e) -> e.getText()).orElse("");
	}

	private static List<String> uris(List<SimSavedAlbum> albums) {
		return albums.stream().flatMap((saved) -> saved.album().tracks().stream()).map(SimTrack::uri).toList();
	}

}
