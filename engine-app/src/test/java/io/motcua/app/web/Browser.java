package io.motcua.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium driven by Selenium against the application under test, with a fresh
 * profile in a temporary folder that {@link #close()} deletes.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private final WebDriverWait wait;

	public Browser(int port) {
		try {
			this.profile = Files.createTempDirectory("motcua-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1024",
				"--lang=vi", "--user-data-dir=" + this.profile);
		// The console, to find what the Content-Security-Policy refused
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.base = "http://localhost:" + port;
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(10));
	}

	public static boolean available() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			System.out.println("Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing (apt-get install -y chromium chromium-driver)");
		}
		return present;
	}

	public Browser open(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	public Browser login(String user) {
		open("/login");
		type("username", user);
		type("password", "demo");
		this.driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	public Browser logout() {
		this.driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
		this.wait.until(ExpectedConditions.urlContains("/login"));
		return this;
	}

	public Browser type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Sets a value without typing, for inputs whose typing depends on the locale (dates).
	 */
	public Browser setValue(String id, String value) {
		this.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
		return this;
	}

	public Browser check(String id) {
		WebElement box = this.driver.findElement(By.id(id));
		if (!box.isSelected()) {
			box.click();
		}
		return this;
	}

	public Browser select(String id, String value) {
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.id(id))).selectByValue(value);
		return this;
	}

	public Browser click(By by) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(by));
		element.click();
		return this;
	}

	public Browser clickId(String id) {
		return click(By.id(id));
	}

	public WebElement find(By by) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public List<WebElement> all(By by) {
		return this.driver.findElements(By.cssSelector("body")).isEmpty() ? List.of() : this.driver.findElements(by);
	}

	public String text(By by) {
		return find(by).getText();
	}

	public String page() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	public String title() {
		return this.driver.getTitle();
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * What the Content-Security-Policy refused (scripts, styles, handlers) on the pages
	 * opened since the last call, as the console reported it.
	 */
	public List<String> contentSecurityViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	/**
	 * Saves a full-page screenshot as {@code docs/screenshots/<name>.png} when the build
	 * refreshes the docs ({@code -Dmotcua.docs=true}); a plain test run leaves the
	 * working tree as it found it.
	 */
	public Browser screenshot(String name) {
		if (!Boolean.getBoolean("motcua.docs")) {
			return this;
		}
		Dimension original = this.driver.manage().window().getSize();
		try {
			long height = (Long) this.driver
				.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
			this.driver.manage()
				.window()
				.setSize(new Dimension(original.getWidth(), (int) Math.min(Math.max(height + 40, 800), 4000)));
			Path file = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Path target = screenshots().resolve(name + ".png");
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(original);
		}
		return this;
	}

	/** Phone width (390 px) for the next screenshot; {@link #desktop()} goes back. */
	public Browser phone() {
		this.driver.manage().window().setSize(new Dimension(390, 844));
		return this;
	}

	public Browser desktop() {
		this.driver.manage().window().setSize(new Dimension(1280, 1024));
		return this;
	}

	/** No horizontal scroll bar: the page fits the window's width. */
	public void assertFitsWidth() {
		long scroll = (Long) this.driver.executeScript("return document.documentElement.scrollWidth");
		long client = (Long) this.driver.executeScript("return document.documentElement.clientWidth");
		assertThat(scroll).as("page width at %d px", client).isLessThanOrEqualTo(client + 1);
	}

	private static Path screenshots() throws IOException {
		Path dir = Paths.get("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
			dir = dir.getParent();
		}
		Path target = ((dir != null) ? dir : Paths.get("").toAbsolutePath()).resolve("docs/screenshots");
		Files.createDirectories(target);
		return target;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// A leftover temporary folder is not worth failing a test for.
			}
		}
	}

}
