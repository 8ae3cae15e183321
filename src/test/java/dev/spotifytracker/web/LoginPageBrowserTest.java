package dev.spotifytracker.web;

import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser-test harness on the one page that needs no Spotify: the sign-in page loads
 * htmx and our script from our own origin under the Content-Security-Policy, without a
 * console error.
 */
@IntegrationTest
class LoginPageBrowserTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theSignInPageLoadsItsScriptsWithoutConsoleErrors() {
		browser.open("http://127.0.0.1:" + this.port + "/login");

		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
		browser.await((driver) -> browser.scriptsLoaded());
		assertThat(browser.scriptsLoaded()).isTrue();
		browser.screenshot("login").assertNoConsoleErrors();
	}

	@Test
	void aPageWithoutASessionLeadsToTheSignInPage() {
		browser.open("http://127.0.0.1:" + this.port + "/logs");

		assertThat(browser.currentPath()).isEqualTo("/login");
		browser.assertNoConsoleErrors();
	}

}
