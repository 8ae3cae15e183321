package dev.spotifytracker.web;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.LibraryFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exclude menu of a playlist preview on a phone (375 CSS pixels): opened, it stays
 * inside the window and axe finds nothing serious; its album button keeps the album out
 * of the playlist, says so with an undo, and the preview loses the album's tracks.
 */
class ExclusionMenuBrowserTest extends BrowserTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOpenedExcludeMenuFitsAPhoneAndExcludesTheAlbum() {
		// given: two saved albums never played, one with long names
		sim.addUser("erin", "Erin");
		signIn("erin");
		AccountId erin = new AccountId(
				this.jdbc.sql("select id from accounts where spotify_user_id = 'erin'").query(Long.class).single());
		LibraryFixture.of(this.jdbc, erin)
			.album("An Album Title Long Enough to Wrap Twice on a Phone Screen", "An Artist With a Long Name Too",
					Instant.parse("2026-02-01T10:00:00Z"), "The First Song of the Album With a Very Long Title",
					"Second")
			.album("Other", "Somebody", Instant.parse("2026-01-01T10:00:00Z"), "Third");
		browser.phone(true);

		// when: the never-played preview's first track's menu is opened
		browser.open(url("/playlists"));
		browser.await((driver) -> !driver.findElements(By.id("never-played-count")).isEmpty());
		assertThat(browser.text(By.id("never-played-count"))).isEqualTo("3");
		browser.click(By.cssSelector("#never-played-preview details > summary"));
		WebElement menu = browser.find(By.cssSelector("#never-played-tracks li:first-child details.exclude-menu"));
		menu.findElement(By.tagName("summary")).click();
		browser.await((driver) -> menu.getAttribute("open") != null);

		// then: nothing sticks out sideways and axe is content
		assertThat(browser.sidewaysOverflow()).as("sideways overflow with the menu open").isLessThanOrEqualTo(0);
		assertThat(browser.seriousAccessibilityFindings()).isEmpty();
		browser.screenshot("exclude-menu-phone");

		// when: its album is kept out of this playlist
		menu.findElement(By.cssSelector("form.exclude-scope button[value^='album:']")).click();

		// then: a line says so with an undo, and the preview has only the other album
		browser.await((driver) -> !driver.findElements(By.cssSelector(".exclusion-done")).isEmpty());
		assertThat(browser.text(By.cssSelector(".exclusion-done"))).contains("Kept the album").contains("Undo");
		browser.open(url("/playlists"));
		browser.await((driver) -> !driver.findElements(By.id("never-played-count")).isEmpty());
		assertThat(browser.text(By.id("never-played-count"))).isEqualTo("1");
		browser.assertNoConsoleErrors();
		browser.phone(false);
		signOut();
	}

}
