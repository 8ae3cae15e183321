package dev.spotifytracker.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out in a real browser, and the layout around every page: navigation,
 * error pages.
 */
class SignInBrowserTest extends BrowserTestBase {

	@Test
	void aUserSignsInSeesTheirNameAndSignsOut() {
		sim.addUser("alice", "Alice Liddell");

		signIn("alice");

		assertThat(browser.text(By.cssSelector(".sign-out .who"))).isEqualTo("Alice Liddell");
		assertThat(browser.find(By.cssSelector("nav[aria-label=Main] a[aria-current=page]")).getText())
			.isEqualTo("Overview");
		browser.screenshot("overview-empty").assertNoConsoleErrors();

		browser.open(url("/settings"));
		assertThat(browser.find(By.cssSelector("nav[aria-label=Main] a[aria-current=page]")).getText())
			.isEqualTo("Settings");
		browser.screenshot("settings").assertNoConsoleErrors();

		browser.open(url("/no-such-page"));
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
		browser.screenshot("not-found").ignoreConsoleErrors("status of 404").assertNoConsoleErrors();

		signOut();
		assertThat(browser.text(By.cssSelector("[role=status]"))).contains("signed out");
		browser.open(url("/settings"));
		assertThat(browser.currentPath()).isEqualTo("/login");
		browser.assertNoConsoleErrors();
	}

}
