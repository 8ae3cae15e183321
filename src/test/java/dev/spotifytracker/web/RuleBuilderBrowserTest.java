package dev.spotifytracker.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimLikedTrack;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule builder in a real browser: a two-condition rule built with the form (htmx
 * sends every change and the preview follows), saved, pushed from the playlists page, and
 * found on the simulator holding exactly the tracks the rule selects.
 */
class RuleBuilderBrowserTest extends BrowserTestBase {

	@Test
	void aTwoConditionRuleBuiltOnThePageIsSavedAndPushedToSpotify() {
		// given: a synced library of saved albums and liked tracks, some liked outside
		// them
		SimulatedUser alice = sim.addUser("alice", "Alice")
			.generateLibrary(LibrarySpec.seed(23)
				.albums(4)
				.albumSizes(3, 6)
				.likedTracks(14)
				.likedOutsideSavedAlbums(0.4)
				.unavailableFraction(0)
				.unknownAvailabilityFraction(0)
				.plays(0));
		signIn("alice");
		syncTheLibrary();
		Set<String> inSavedAlbums = alice.savedAlbums()
			.stream()
			.flatMap((saved) -> saved.album().tracks().stream())
			.map(SimTrack::id)
			.collect(Collectors.toSet());
		Set<String> liked = alice.likedTracks()
			.stream()
			.map(SimLikedTrack::track)
			.map(SimTrack::id)
			.collect(Collectors.toSet());
		Set<String> all = new HashSet<>(inSavedAlbums);
		all.addAll(liked);
		// without a sort, a rule's tracks are in track id order
		List<String> expected = liked.stream().filter(inSavedAlbums::contains).sorted().toList();
		assertThat(expected).isNotEmpty().hasSizeLessThan(liked.size());

		// when: a new rule starts with "plays at least 0", which every library track
		// passes
		browser.open(url("/playlists/rules/new"));
		browser.await((driver) -> previewCount().equals(String.valueOf(all.size())));
		browser.type(By.id("rule-name"), "Liked from my albums");

		// first condition: liked is true
		choose("n-0-field", "liked");
		browser.await((driver) -> !driver.findElements(By.cssSelector("select#n-0-value")).isEmpty());
		choose("n-0-op", "eq");
		choose("n-0-value", "true");
		browser.await((driver) -> previewCount().equals(String.valueOf(liked.size())));

		// second condition: in a saved album is true
		browser.click(By.id("add-condition"));
		browser.await((driver) -> !driver.findElements(By.id("n-1-field")).isEmpty());
		choose("n-1-field", "inSavedAlbum");
		browser.await((driver) -> !driver.findElements(By.cssSelector("select#n-1-value")).isEmpty());
		choose("n-1-op", "eq");
		choose("n-1-value", "true");
		browser.await((driver) -> previewCount().equals(String.valueOf(expected.size())));
		// a change made while the previous one is on its way replaces it (hx-sync): htmx
		// logs the aborted request
		browser.ignoreConsoleErrors("htmx:(sendAbort|afterRequest)").screenshot("rule-builder").assertNoConsoleErrors();

		browser.click(By.id("save-rule"));
		browser.await((driver) -> "/playlists".equals(browser.currentPath())
				&& !driver.findElements(By.id("push-liked-from-my-albums")).isEmpty());
		browser.click(By.id("push-liked-from-my-albums"));
		browser.await((driver) -> browser.text(By.id("rule-liked-from-my-albums")).contains("Created and pushed"));
		browser.screenshot("rule-pushed").assertNoConsoleErrors();

		// then: the simulator's playlist holds the rule's tracks, in order
		SimPlaylist pushed = alice.playlists()
			.stream()
			.filter((playlist) -> playlist.name().equals("Liked from my albums"))
			.findFirst()
			.orElseThrow();
		assertThat(pushed.trackUris())
			.containsExactlyElementsOf(expected.stream().map((id) -> "spotify:track:" + id).toList());
		sim.assertNoViolations();

		// and: a pasted rule the grammar refuses (400) shows its fault and path on the
		// page
		browser.open(url("/playlists/rules/new"));
		browser.click(By.cssSelector("details.json-box > summary"));
		browser.driver().findElement(By.id("rule-json")).clear();
		browser.type(By.id("rule-json"),
				"{\"name\": \"Bad\", \"conditions\": [{\"field\": \"plays\", \"op\": \"near\"}]}");
		browser.click(By.id("load-json"));
		browser.await((driver) -> browser.text(By.id("json-error")).contains("(at conditions[0].op)"));
		// the browser logs every 400 it receives; the page shows it as it should
		browser.ignoreConsoleErrors("status of 400").assertNoConsoleErrors();
		signOut();
	}

	private static void syncTheLibrary() {
		browser.open(url("/jobs"));
		browser.click(By.id("start-library"));
		WebElement run = browser.await((driver) -> driver.findElement(By.cssSelector("#live-run .live-run")));
		String runId = run.getAttribute("id").substring("run-".length());
		browser.await(
				(driver) -> !"running".equals(driver.findElement(By.id("run-" + runId)).getAttribute("data-status")));
		assertThat(browser.text(By.id("run-status-" + runId))).isEqualTo("succeeded");
	}

	/**
	 * Picks an option; the change goes to the server and the builder comes back, so the
	 * element is found again each time.
	 */
	private static void choose(String selectId, String value) {
		browser.await((driver) -> {
			Select select = new Select(driver.findElement(By.id(selectId)));
			if (!value.equals(select.getFirstSelectedOption().getAttribute("value"))) {
				select.selectByValue(value);
			}
			return value
				.equals(new Select(driver.findElement(By.id(selectId))).getFirstSelectedOption().getAttribute("value"));
		});
	}

	private static String previewCount() {
		return browser.findAll(By.cssSelector("#preview-count strong"))
			.stream()
			.findFirst()
			.map(WebElement::getText)
			.orElse("")
			.replace(",", "");
	}

}
