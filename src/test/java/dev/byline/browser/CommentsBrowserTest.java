package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.support.Browser;
import dev.byline.support.DemoSiteTest;
import dev.byline.support.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The discussion in real browsers (headless Chromium): a guest posts a comment and sees it awaiting moderation, a
 * moderator approves it in the admin, and a new visitor then sees it and opens the reply form under it.
 */
class CommentsBrowserTest extends DemoSiteTest {

    final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    ChromeDriver browser() {
        ChromeDriver browser = Browser.open(1280, 900);
        browsers.add(browser);
        return browser;
    }

    @Test
    void aGuestsCommentWaitsIsApprovedInTheAdminAndIsThenSeenByEveryone() {
        String article = byline.baseUrl() + ReaderBrowserTest.SEED_PATH;
        String text = "Interesting that India and China sat at the same table for this.";

        ChromeDriver guest = browser();
        guest.get(article);
        assertTrue(guest.findElement(By.id("reply-title")).getText().startsWith("Leave a Reply"));
        String pageToken = guest.findElement(By.id("form_token")).getDomAttribute("value");
        clock.advance(Duration.ofSeconds(5)); // the page's token is dated at its period's start; the reader's is now
        guest.findElement(By.id("comment")).click();
        // the script fetched a token of the reader's own when they started writing
        wait(guest).until(driver -> !pageToken.equals(driver.findElement(By.id("form_token")).getDomProperty("value")));
        guest.findElement(By.id("comment")).sendKeys(text);
        guest.findElement(By.id("author")).sendKeys("Nadia Petrova");
        guest.findElement(By.id("email")).sendKeys("nadia@example.org");
        clock.advance(Duration.ofSeconds(30)); // a person takes a while to write
        guest.findElement(By.id("submit")).click();
        wait(guest).until(driver -> driver.getCurrentUrl().contains("#comment-"));
        String anchor = guest.getCurrentUrl().substring(guest.getCurrentUrl().indexOf("#comment-") + 1);
        var own = guest.findElement(By.id(anchor));
        assertTrue(own.getText().contains("Your comment is awaiting moderation."), own.getText());
        assertTrue(own.getText().contains(text));

        ChromeDriver visitor = browser();
        visitor.get(article);
        assertFalse(visitor.getPageSource().contains(text), "no one else sees it yet");

        User editor = new Staff(byline).add(Role.EDITOR);
        ChromeDriver moderator = browser();
        moderator.get(byline.baseUrl() + "/admin/login");
        moderator.findElement(By.id("email")).sendKeys(editor.email());
        moderator.findElement(By.id("password")).sendKeys(Staff.PASSWORD);
        moderator.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        wait(moderator).until(driver -> driver.getCurrentUrl().endsWith("/admin/"));
        var nav = moderator.findElement(By.cssSelector("a[href='/admin/comments']"));
        assertEquals("Comments (1 waiting)", nav.getText());
        nav.click();
        wait(moderator).until(driver -> driver.getCurrentUrl().contains("/admin/comments"));
        var item = moderator.findElement(By.id("c-" + anchor.substring("comment-".length())));
        assertTrue(item.getText().contains("First comment from this name and email."));
        item.findElement(By.cssSelector("button[data-key='approve']")).click();
        wait(moderator).until(driver -> driver.getPageSource().contains("1 comment approved."));

        ChromeDriver newcomer = browser();
        newcomer.get(article);
        var shown = newcomer.findElement(By.id(anchor));
        assertTrue(shown.getText().contains(text));
        assertFalse(shown.getText().contains("awaiting moderation"));
        assertEquals("1 Comment", newcomer.findElement(By.cssSelector(".comment-count")).getText());
        // Reply moves the form under the comment
        shown.findElement(By.cssSelector(".comment-reply-link")).click();
        wait(newcomer).until(driver -> !driver.findElements(By.cssSelector("#" + anchor + " #respond")).isEmpty());
        assertTrue(newcomer.findElement(By.id("reply-title")).getText().startsWith("Leave a Reply to Nadia Petrova"));
        assertEquals(anchor.substring("comment-".length()),
                newcomer.findElement(By.id("comment_parent")).getDomProperty("value"));
    }

    static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
