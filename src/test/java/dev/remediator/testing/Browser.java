package dev.remediator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through its chromedriver: a fresh profile each time, nothing fetched from the
 * network by the browser itself (no sync, updates or background requests).
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height) {
        try {
            profile = Files.createTempDirectory("remediator-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A desktop-sized window, 1280 px wide. */
    public static Browser start() {
        return start(1280, 900);
    }

    public static Browser start(int width, int height) {
        return new Browser(width, height);
    }

    /** The element once the page shows it: a click that submits a form returns before the next page is there. */
    public org.openqa.selenium.WebElement await(org.openqa.selenium.By locator) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver.findElement(locator), java.util.Objects::nonNull);
    }

    public String text() {
        return driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
    }

    /** The whole page (not only the window) as a PNG. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            Dimension window = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 4000)));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
