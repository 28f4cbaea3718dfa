package dev.byline.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by Debian's chromedriver: nothing is downloaded. */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver open(int width, int height) {
        var chromium = new File("/usr/bin/chromium");
        var driver = new File("/usr/bin/chromedriver");
        if (!chromium.canExecute() || !driver.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (./byline test installs them)");
        }
        try {
            var profile = Files.createTempDirectory("byline-chromium");
            var options = new ChromeOptions()
                    .setBinary(chromium)
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--no-first-run",
                            "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
            var browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
