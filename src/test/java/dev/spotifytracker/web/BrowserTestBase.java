package dev.spotifytracker.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against the Spotify simulator (the JVM's shared one, emptied before each
 * test), driven by a headless Chromium. The port is chosen up front because the
 * simulator's {@code /authorize} sends the browser back to the redirect URI, which must
 * name it.
 */
@IntegrationTest
abstract class BrowserTestBase {

	static final SpotifySimulator sim = TestSpotify.simulator();

	static final int port = freePort();

	static Browser browser;

	@DynamicPropertySource
	static void pointTheServiceAtTheSimulator(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> port);
		registry.add("tracker.spotify.redirect-uri", () -> url("/callback"));
		registry.add("tracker.spotify.api-base-url", sim::baseUrl);
		registry.add("tracker.spotify.accounts-base-url", sim::baseUrl);
		registry.add("tracker.spotify.client-id", sim::clientId);
		registry.add("tracker.spotify.client-secret", sim::clientSecret);
	}

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	static String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/**
	 * Signs in through the real flow: our sign-in page, the simulator's consent (given at
	 * once for the user signed in there), our callback, the overview.
	 */
	static void signIn(String spotifyUserId) {
		sim.signInAs(spotifyUserId);
		browser.open(url("/login"));
		browser.click(By.id("sign-in"));
		browser
			.await((driver) -> "/".equals(browser.currentPath()) && !driver.findElements(By.id("sign-out")).isEmpty());
	}

	static void signOut() {
		browser.click(By.id("sign-out"));
		browser.await((driver) -> "/login".equals(browser.currentPath()));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
