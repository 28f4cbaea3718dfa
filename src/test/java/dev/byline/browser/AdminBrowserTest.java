package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.User;
import dev.byline.support.Browser;
import dev.byline.support.Staff;
import dev.byline.support.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the admin's browser tests share: a site of their own on SQLite for each test, headless Chromium signed in
 * through the login form, waits that read the page again when it changed under them, and screenshots at a phone's
 * and a desktop's width with nothing wider than the window.
 */
abstract class AdminBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    Byline byline;
    ChromeDriver browser;
    private final String shotPrefix;

    /** @param shotPrefix put before each screenshot's name ({@code desk-}), or empty */
    AdminBrowserTest(String shotPrefix) {
        this.shotPrefix = shotPrefix;
    }

    @BeforeEach
    void startSite() {
        byline = Byline.start(TestConfigs.forTests(dir));
    }

    @AfterEach
    void stopSite() {
        if (browser != null) {
            browser.quit();
        }
        byline.close();
    }

    /** Signs {@code user} in through the login form (the browser opened at 1280 × 900 first if need be). */
    void signIn(User user) {
        if (browser == null) {
            browser = Browser.open(1280, 900);
        }
        browser.get(byline.baseUrl() + "/admin/login");
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(Staff.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(driver -> driver.getCurrentUrl().endsWith("/admin/"));
    }

    /** Until {@code condition} holds, at most 15 s; an element gone stale or not there yet is looked for again. */
    void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(condition);
    }

    /** Until a flash message says {@code text} (empty: until there is one). */
    void flash(String text) {
        waitFor(driver -> driver.findElements(By.cssSelector(".flash")).stream()
                .anyMatch(flash -> text.isEmpty() || flash.getText().equals(text)));
    }

    /** The page at 1280 and at 390 px, whole, into target/screenshots; neither wider than the window. */
    void shoot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        for (int width : List.of(1280, 390)) {
            browser.manage().window().setSize(new Dimension(width, 900));
            long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            long clientWidth = (Long) browser.executeScript("return document.documentElement.clientWidth");
            assertTrue(scrollWidth <= clientWidth, name + " at " + width + " px is " + scrollWidth + " px wide");
            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 4000)));
            Files.write(SHOTS.resolve(shotPrefix + name + "-" + width + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
