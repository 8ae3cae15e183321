package dev.spotifytracker.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import page in a real browser: a file chosen with the file button is uploaded by
 * htmx, and the import's progress bar is polled until it reaches its end with the
 * summary.
 */
class ImportBrowserTest extends BrowserTestBase {

	private static final int ROWS = 300;

	@TempDir
	Path folder;

	@Test
	void aFileUploadedOnTheImportPageIsFollowedToTheEndOfItsProgressBar() throws IOException {
		// given
		sim.addUser("alice", "Alice");
		signIn("alice");
		Path export = exportOf(ROWS);
		browser.open(url("/import"));
		assertThat(browser.scriptsLoaded()).isTrue();
		assertThat(browser.find(By.id("privacy-link")).getAttribute("href"))
			.isEqualTo("https://www.spotify.com/account/privacy/");

		// when
		browser.find(By.id("import-file")).sendKeys(export.toString());
		browser.click(By.id("import-submit"));

		// then
		browser.await((driver) -> "succeeded".equals(driver.findElement(By.id("import-status")).getText()));
		WebElement progress = browser.find(By.id("import-progress"));
		assertThat(progress.getAttribute("max")).isEqualTo(String.valueOf(ROWS));
		assertThat(progress.getAttribute("value")).isEqualTo(String.valueOf(ROWS));
		assertThat(browser.text(By.id("import-result")))
			.startsWith("Streaming_History_Audio_2025.json: 300 rows read: 300 plays added");
		browser.screenshot("import").assertNoConsoleErrors();

		// the past imports list it after a reload
		browser.open(url("/import"));
		assertThat(browser.findAll(By.cssSelector("#past-imports > li"))).hasSize(1);
		signOut();
	}

	private Path exportOf(int rows) throws IOException {
		List<String> entries = new ArrayList<>();
		Instant start = Instant.parse("2025-01-01T08:00:00Z");
		for (int i = 0; i < rows; i++) {
			String id = ("Track" + (i % 7) + "x".repeat(22)).substring(0, 22);
			entries.add(("{\"ts\":\"%s\",\"ms_played\":200000,\"master_metadata_track_name\":\"Track %d\","
					+ "\"master_metadata_album_artist_name\":\"Joni\",\"master_metadata_album_album_name\":\"Blue\","
					+ "\"spotify_track_uri\":\"spotify:track:%s\",\"reason_start\":\"trackdone\","
					+ "\"reason_end\":\"trackdone\",\"shuffle\":false,\"skipped\":false,\"offline\":false,"
					+ "\"incognito_mode\":false}")
				.formatted(start.plusSeconds(240L * i), i % 7, id));
		}
		Path file = this.folder.resolve("Streaming_History_Audio_2025.json");
		Files.writeString(file, "[" + String.join(",\n", entries) + "]", StandardCharsets.UTF_8);
		return file;
	}

}
