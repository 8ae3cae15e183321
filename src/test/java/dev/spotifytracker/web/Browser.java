package dev.spotifytracker.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Chromium for the dashboard's browser tests: started from the binaries
 * {@link Chromium} found (Selenium Manager is never asked to download one), kept off the
 * network, with its console collected so a test fails on any console error, and a
 * screenshot of each page saved under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Dimension DESKTOP = new Dimension(1280, 1000);

	private static final Dimension PHONE = new Dimension(390, 844);

	private final ChromeDriver driver;

	private final Path profile;

	private final List<String> consoleErrors = new ArrayList<>();

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() {
		return start(Map.of());
	}

	/**
	 * @param environment extra environment of the browser process, e.g. {@code TZ}
	 */
	static Browser start(Map<String, String> environment) {
		Chromium chromium = Chromium.require();
		// both paths given: Selenium skips Selenium Manager, which could only try to
		// download
		System.setProperty("webdriver.chrome.driver", chromium.driver().toString());
		System.setProperty("SE_OFFLINE", "true");
		Path profile = temporaryProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.binary().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
				"--disable-features=Translate,MediaRouter,OptimizationHints", "--user-data-dir=" + profile,
				"--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(), "--lang=en-GB");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromium.driver().toFile())
			.usingAnyFreePort()
			.withEnvironment(environment)
			.withLogOutput(java.io.OutputStream.nullOutputStream())
			.build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	WebDriver driver() {
		return this.driver;
	}

	Browser open(String url) {
		this.driver.get(url);
		collectConsole();
		return this;
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	String text(By by) {
		return find(by).getText();
	}

	Browser click(By by) {
		await((driver) -> driver.findElement(by).isEnabled() && driver.findElement(by).isDisplayed());
		find(by).click();
		return this;
	}

	Browser type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/**
	 * Waits until the condition holds (polling; never a fixed sleep). An element htmx
	 * swapped out while the condition read it just means: not yet.
	 */
	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT, Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	String currentPath() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/**
	 * Saves the page as {@code target/screenshots/<name>.png} (desktop width) and
	 * {@code <name>-phone.png}.
	 */
	Browser screenshot(String name) {
		save(name);
		this.driver.manage().window().setSize(PHONE);
		save(name + "-phone");
		this.driver.manage().window().setSize(DESKTOP);
		return this;
	}

	private void save(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fails when the browser logged an error (a script error, a resource that failed to
	 * load, a Content-Security-Policy violation) since the last check.
	 */
	Browser assertNoConsoleErrors() {
		collectConsole();
		List<String> errors = List.copyOf(this.consoleErrors);
		this.consoleErrors.clear();
		assertThat(errors).as("console errors on " + this.driver.getCurrentUrl()).isEmpty();
		return this;
	}

	/**
	 * Forgets the console errors seen so far that match the pattern: expected ones, such
	 * as the 404 of a page that is meant to be missing.
	 */
	Browser ignoreConsoleErrors(String regex) {
		collectConsole();
		this.consoleErrors.removeIf((error) -> error.matches("(?s).*" + regex + ".*"));
		return this;
	}

	/**
	 * Runs axe-core (the {@code axe.min.js} Deque ships in its Selenium jar) on the page
	 * and fails on any serious or critical finding, naming the rule and the elements.
	 */
	Browser assertNoSeriousAccessibilityFindings() {
		assertThat(seriousAccessibilityFindings())
			.as("serious accessibility findings on " + this.driver.getCurrentUrl())
			.isEmpty();
		return this;
	}

	/**
	 * The page's serious and critical axe-core findings, each as impact, rule, help and
	 * the elements.
	 */
	List<String> seriousAccessibilityFindings() {
		// injected through WebDriver, which the page's CSP does not govern
		if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
			script(axeSource());
		}
		Object found = this.driver.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				window.axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
				  done(results.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.impact + ' ' + v.id + ': ' + v.help + ' at '
				        + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
				    }));
				}, function (error) { done(['axe failed: ' + error]); });
				""");
		return ((List<?>) found).stream().map(String::valueOf).toList();
	}

	/**
	 * Fails when the page is wider than the window, so a phone would scroll sideways (a
	 * table may still scroll inside its own box).
	 */
	Browser assertNoSidewaysScroll() {
		assertThat(sidewaysOverflow()).as("page wider than the window on " + this.driver.getCurrentUrl())
			.isLessThanOrEqualTo(0);
		return this;
	}

	/**
	 * How many CSS pixels the page is wider than the window (0 or less: it fits).
	 */
	long sidewaysOverflow() {
		return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
			.longValue();
	}

	/**
	 * Sets the window to a phone's width (375 CSS pixels) or back to the desktop's.
	 */
	Browser phone(boolean phone) {
		this.driver.manage().window().setSize(phone ? new Dimension(375, 812) : DESKTOP);
		return this;
	}

	private static String axeSource() {
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			assertThat(in).as("axe.min.js on the test class path").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether htmx loaded and our own script ran (the CSP allows only scripts from our
	 * origin).
	 */
	boolean scriptsLoaded() {
		return Boolean.TRUE
			.equals(script("return typeof window.htmx === 'object' && document.cookie.indexOf('tz=') >= 0;"));
	}

	private void collectConsole() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				this.consoleErrors.add(entry.getMessage());
			}
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private static Path temporaryProfile() {
		try {
			return Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
