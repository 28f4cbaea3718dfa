package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.demo.DemoContent;
import dev.byline.support.Browser;
import dev.byline.support.DemoSiteTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader in a real browser (headless Chromium) opens the seed article and finds their way around. */
class ReaderBrowserTest extends DemoSiteTest {

    static final String SEED_PATH =
            "/2025/10/08/russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan/";

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readsTheSeedArticle() {
        browser = Browser.open(1280, 900);
        browser.get(byline.baseUrl() + SEED_PATH);

        assertEquals(DemoContent.SEED_TITLE + " – Byline Test", browser.getTitle());
        assertEquals(DemoContent.SEED_TITLE, browser.findElement(By.tagName("h1")).getText());
        List<String> sections = browser.findElements(By.cssSelector(".article-body h2")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Lavrov praises Taliban and rejects foreign bases",
                "Russia hosts Taliban delegation amid global tensions", "Taliban welcomes Moscow’s recognition",
                "Regional powers attend Russia-Taliban talks", "Afghanistan’s isolation continues",
                "Economic and security cooperation deepens", "Russia hosts Taliban delegation to expand influence",
                "Conclusion"), sections);
        List<String> captions = browser.findElements(By.cssSelector(".article-body figcaption")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Representatives pose for a photo prior for talks in Moscow",
                "Afghanistan Foreign Minister", "Russian and Afghanistan Foreign Ministers shake hands"), captions);
        assertEquals("By Muhammad Gulriaz", browser.findElement(By.cssSelector(".byline-names")).getText());
        assertTrue(browser.findElement(By.cssSelector(".byline .meta")).getText().startsWith("October 8, 2025"));

        // every figure's picture really loads once the reader scrolls to it
        for (WebElement image : browser.findElements(By.cssSelector(".article-body figure img"))) {
            browser.executeScript("arguments[0].scrollIntoView()", image);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        }

        // the tag leads to its archive, and the archive back to the article
        browser.findElement(By.linkText("Taliban")).click();
        assertEquals("Taliban", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.linkText(DemoContent.SEED_TITLE)).click();
        assertEquals(DemoContent.SEED_TITLE, browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void followsTheReadersDarkModePreference() {
        browser = Browser.open(1280, 900);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(byline.baseUrl() + SEED_PATH);
        assertEquals("rgb(21, 21, 21)", browser.executeScript(
                "return getComputedStyle(document.body).backgroundColor"));
        assertEquals("rgb(236, 235, 232)", browser.executeScript(
                "return getComputedStyle(document.querySelector('h1')).color"));
        java.nio.file.Path shot = browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        assertTrue(shot.toFile().length() > 10_000, "a screenshot of the dark page was taken");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {320, 390})
    void fitsAPhoneScreenAndSkipsToContent(int width) {
        browser = Browser.open(width, 844);
        browser.get(byline.baseUrl() + SEED_PATH);
        long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow, "no sideways scrolling on a phone");
        WebElement skip = browser.findElement(By.cssSelector(".skip-link"));
        assertEquals("#main", skip.getDomAttribute("href"));
        browser.get(byline.baseUrl() + "/");
        overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow, "home fits too");
        browser.findElement(By.cssSelector(".lead-title a")).click();
        assertEquals(DemoContent.SEED_TITLE, browser.findElement(By.tagName("h1")).getText());
    }
}
