package org.herald.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (never a driver
 * Selenium Manager would download), with a fresh profile and no network of its own; and
 * the screenshots a reviewer looks at, under {@code target/console-screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final WebDriver driver;

    private final Path profile;

    private ConsoleBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test, saying why, where this machine has no Chromium or
     * chromedriver; fails it instead in CI ({@code CI=true}), which must run it.
     */
    static void assumeAvailable() {
        boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        String missing = "no " + CHROMIUM + " or " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; .ci/run installs them)";
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the console's browser tests, but there is " + missing);
        }
        Assumptions.assumeTrue(available, "Browser tests skipped: " + missing);
    }

    static ConsoleBrowser start() throws IOException {
        assumeAvailable();
        Path profile = Files.createTempDirectory("herald-console-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(driver, profile);
    }

    WebDriver driver() {
        return this.driver;
    }

    /** Saves the page as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /**
     * Saves the page as {@link #screenshot(String)} does, scrolled so that the element
     * {@code id} is at the top (what the screenshot is about may be below the fold).
     */
    Path screenshot(String name, String id) throws IOException {
        ((org.openqa.selenium.JavascriptExecutor) this.driver)
            .executeScript("document.getElementById(arguments[0]).scrollIntoView(true)", id);
        return screenshot(name);
    }

    @Override
    public void close() {
        this.driver.quit();
        try (var files = Files.walk(this.profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary profile left behind
        }
    }

}
