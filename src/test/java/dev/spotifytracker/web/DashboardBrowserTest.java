package dev.spotifytracker.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.playlist.PlaylistService;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimLikedTrack;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard end to end in a real browser against the Spotify simulator: sign in, sync
 * the library and watch it happen, see the counts change, filter the logs, exclude a
 * track, change a playlist's limit and see the preview follow, push it and find it on
 * "Spotify", sign out. No page may log a console error; each is saved as a screenshot.
 */
class DashboardBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	PlaylistService playlists;

	@Test
	void aUserSyncsTheirLibraryAndPublishesASmartPlaylist() {
		SimulatedUser alice = sim.addUser("alice", "Alice")
			.generateLibrary(LibrarySpec.seed(11).albums(6).albumSizes(5, 9).likedTracks(40).plays(0));

		// sign in: an empty library
		signIn("alice");
		assertThat(count("saved-albums")).isEqualTo("0");
		browser.screenshot("overview-before-sync").assertNoConsoleErrors();

		// sync the library and watch the run until its progress bar is full
		browser.open(url("/jobs"));
		browser.click(By.id("start-library"));
		WebElement run = browser.await((driver) -> driver.findElement(By.cssSelector("#live-run .live-run")));
		String runId = run.getAttribute("id").substring("run-".length());
		browser.await(
				(driver) -> !"running".equals(driver.findElement(By.id("run-" + runId)).getAttribute("data-status")));
		assertThat(browser.text(By.id("run-status-" + runId))).isEqualTo("succeeded");
		WebElement progress = browser.find(By.id("progress-" + runId));
		assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
		assertThat(browser.findAll(By.cssSelector("#run-log-" + runId + " li"))).hasSizeGreaterThan(1);
		browser.await((driver) -> !driver.findElements(By.cssSelector("#runs tbody tr")).isEmpty());
		browser.screenshot("jobs").assertNoConsoleErrors();

		// the overview counts what Spotify holds
		browser.open(url("/"));
		assertThat(count("saved-albums")).isEqualTo(String.valueOf(alice.savedAlbums().size()));
		assertThat(count("liked")).isEqualTo(String.valueOf(alice.likedTracks().size()));
		assertThat(browser.text(By.cssSelector("tr[data-job=library] .status"))).isEqualTo("succeeded");
		browser.screenshot("overview").assertNoConsoleErrors();

		// the logs: only the library's lines that mention liked tracks
		browser.open(url("/logs"));
		new Select(browser.find(By.id("filter-job"))).selectByValue("library");
		browser.type(By.id("filter-text"), "liked");
		browser.click(By.id("filter"));
		browser.await((driver) -> driver.getCurrentUrl().contains("text=liked"));
		List<WebElement> lines = browser.findAll(By.cssSelector("#log-table tbody tr"));
		assertThat(lines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.getText().toLowerCase()).contains("liked").contains("library #"));
		browser.screenshot("logs").assertNoConsoleErrors();
		new Select(browser.find(By.id("filter-level"))).selectByValue("ERROR");
		browser.click(By.id("filter"));
		browser.await((driver) -> !driver.findElements(By.id("no-lines")).isEmpty());
		browser.assertNoConsoleErrors();

		// the library: find a liked track and exclude it from the smart playlists
		SimTrack excluded = alice.likedTracks().get(0).track();
		browser.open(url("/library"));
		browser.type(By.id("q"), excluded.name()).click(By.id("search"));
		browser.await((driver) -> !driver.findElements(By.id("exclusion-" + excluded.id())).isEmpty());
		browser.screenshot("library").assertNoConsoleErrors();
		browser.click(By.id("exclusion-" + excluded.id()));
		browser
			.await((driver) -> driver.findElement(By.id("exclusion-" + excluded.id())).getText().startsWith("Include"));
		var account = this.accounts.findBySpotifyUserId("alice").orElseThrow().id();
		assertThat(this.playlists.excludedTrackIds(account)).containsExactly(excluded.id());
		browser.open(url("/library/tracks/" + excluded.id()));
		assertThat(browser.text(By.tagName("h1"))).isEqualTo(excluded.name());
		browser.screenshot("track").assertNoConsoleErrors();

		// the playlists: a smaller limit, the preview follows; the push reaches Spotify
		browser.open(url("/playlists"));
		int matching = alice.savedAlbums().stream().mapToInt((saved) -> saved.album().tracks().size()).sum();
		browser.await((driver) -> !previewCount().isEmpty());
		assertThat(Integer.parseInt(previewCount())).isGreaterThan(5);
		browser.type(By.id("never-played-limit"), "5").click(By.id("never-played-save"));
		browser.await((driver) -> previewCount().equals("5"));
		assertThat(browser.text(By.id("never-played-message"))).startsWith("Saved");
		browser.click(By.id("never-played-push"));
		browser.await((driver) -> !driver.findElements(By.id("never-played-message")).isEmpty()
				&& browser.text(By.id("never-played-message")).contains("pushed"));
		String link = browser.find(By.id("never-played-link")).getAttribute("href");
		SimPlaylist pushed = alice.playlist(link.substring(link.lastIndexOf('/') + 1));
		assertThat(pushed.trackUris()).hasSize(5).doesNotContain(excluded.uri()).isSubsetOf(libraryUris(alice));
		assertThat(matching).isPositive();
		browser.screenshot("playlists").assertNoConsoleErrors();

		browser.open(url("/settings"));
		browser.screenshot("settings").assertNoConsoleErrors();

		signOut();
		browser.open(url("/"));
		assertThat(browser.currentPath()).isEqualTo("/login");
		browser.assertNoConsoleErrors();
		sim.assertNoViolations();
	}

	private static String count(String name) {
		return browser.text(By.cssSelector("#account-alice dd[data-count=" + name + "]"));
	}

	private static String previewCount() {
		return browser.findAll(By.id("never-played-count")).stream().findFirst().map(WebElement::getText).orElse("");
	}

	private static Set<String> libraryUris(SimulatedUser user) {
		Set<String> uris = user.savedAlbums()
			.stream()
			.flatMap((saved) -> saved.album().tracks().stream())
			.map(SimTrack::uri)
			.collect(Collectors.toSet());
		user.likedTracks().stream().map(SimLikedTrack::track).map(SimTrack::uri).forEach(uris::add);
		return uris;
	}

}
