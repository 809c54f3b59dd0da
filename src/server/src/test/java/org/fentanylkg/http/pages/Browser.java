package org.fentanylkg.http.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through /usr/bin/chromedriver given explicitly (so Selenium Manager never
 * downloads anything), with a fresh profile; screenshots go to {@code ${project.build.directory}/screenshots}.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    public static Browser start() {
        try {
            Path profile = Files.createTempDirectory("fkg-chromium-");
            Path downloads = Files.createTempDirectory("fkg-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,1600", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() { return driver; }

    public Path downloads() { return downloads; }

    public WebDriverWait waiting() { return new WebDriverWait(driver, Duration.ofSeconds(20)); }

    /** Saves a screenshot of the current page as {@code target-*}/screenshots/{name}.png; returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = buildDirectory().resolve("screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build directory (target-*): the parent of the test classes' folder. */
    static Path buildDirectory() {
        try {
            return Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
        deleteQuietly(downloads);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans up
        }
    }
}
