package dev.spotifytracker.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium and its chromium-driver, never a browser downloaded at run time.
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} name others (a driver directory works too).
 * Missing on a developer's machine, the browser tests are skipped; missing on CI
 * ({@code CI=true}), they fail.
 *
 * @param binary the browser
 * @param driver its WebDriver server
 */
record Chromium(Path binary, Path driver) {

	static Optional<Chromium> find() {
		Path binary = Path.of(setting("CHROME_BIN", "/usr/bin/chromium"));
		Path driver = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
		if (Files.isDirectory(driver)) {
			driver = driver.resolve("chromedriver");
		}
		if (Files.isExecutable(binary) && Files.isExecutable(driver)) {
			return Optional.of(new Chromium(binary, driver));
		}
		return Optional.empty();
	}

	/**
	 * @return the installed Chromium; aborts the test (skipped) when there is none, or
	 * fails it on CI
	 */
	static Chromium require() {
		Optional<Chromium> found = find();
		if (found.isPresent()) {
			return found.get();
		}
		String missing = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver, "
				+ "or set CHROME_BIN and CHROMEDRIVER)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return Assertions.fail(missing + ": on CI the browser tests must run");
		}
		Assumptions.abort(missing + ": browser tests skipped");
		return null;
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
