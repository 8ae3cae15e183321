package dev.spotifytracker.web;

import java.time.Instant;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.support.LibraryFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stats page and the year recap in a real browser: the chart is drawn from the page's
 * numbers (Chart.js from its WebJar, under the CSP) with the table beside it, the period
 * picker changes the figures, and the recap prints without the site's navigation.
 */
class StatsBrowserTest extends BrowserTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theStatsPageDrawsItsChartThePickerChangesTheFiguresAndTheRecapPrints() {
		sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(3).albums(1).likedTracks(0).plays(0));
		signIn("alice");
		plays();

		browser.open(url("/stats?period=all"));
		assertThat(browser.text(By.id("summary-plays"))).isEqualTo("3");
		Long drawn = browser.await((driver) -> {
			Object sum = browser.script("""
					var chart = document.getElementById('series-chart').chart;
					return chart ? chart.data.datasets[0].data.reduce(function (a, b) { return a + b; }, 0) : null;
					""");
			return (sum instanceof Number number) ? number.longValue() : null;
		});
		assertThat(drawn).isEqualTo(3);
		assertThat(browser.find(By.id("series-chart")).getSize().getHeight()).isGreaterThan(100);
		assertThat(browser.findAll(By.cssSelector("#series-table tbody tr"))).isNotEmpty();
		assertThat(browser.findAll(By.cssSelector("#top-tracks tbody tr"))).hasSize(2);
		browser.screenshot("stats").assertNoConsoleErrors();

		new Select(browser.find(By.id("period"))).selectByValue("2025");
		browser.click(By.id("show-period"));
		browser.await((driver) -> driver.getCurrentUrl().contains("period=2025"));
		assertThat(browser.text(By.id("summary-plays"))).isEqualTo("1");
		assertThat(browser.findAll(By.cssSelector("#top-tracks tbody tr"))).hasSize(1);
		browser.assertNoConsoleErrors();

		// the year recap prints without the site's navigation
		browser.open(url("/stats/year/2026"));
		assertThat(browser.text(By.id("recap-plays"))).isEqualTo("2");
		assertThat(display(".site-header")).isNotEqualTo("none");

		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(display(".site-header")).isEqualTo("none");
			assertThat(display("#recap-card")).isNotEqualTo("none");
			assertThat(display("#recap-tracks")).isNotEqualTo("none");
		}
		finally {
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
		browser.assertNoConsoleErrors();
		signOut();
	}

	private void plays() {
		AccountId alice = new AccountId(
				this.jdbc.sql("select id from accounts where spotify_user_id = 'alice'").query(Long.class).single());
		LibraryFixture.of(this.jdbc, alice)
			.album("Blue", "Joni", null, "River", "Carey")
			.played("River", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:05:00Z"))
			.played("Carey", Instant.parse("2025-06-02T12:00:00Z"));
	}

	private String display(String selector) {
		return (String) browser.script("return getComputedStyle(document.querySelector(arguments[0])).display;",
				selector);
	}

}
