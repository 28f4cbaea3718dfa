package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.byline.Byline;
import dev.byline.support.Browser;
import dev.byline.support.MailServer;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newsroom's door, as people walk through it in a real browser (headless Chromium) against a real server with
 * a real SMTP server (GreenMail): the first administrator is created from the setup link printed at start, invites
 * an editor, the invitation mail arrives, the editor sets a password from its link, enrols an authenticator app,
 * signs out, and signs in again with a code the test computes from the key on the page, as the app would.
 */
class NewsroomDoorBrowserTest {

    static final String ADMIN_PASSWORD = "violet kettle harbour 42";
    static final String EDITOR_PASSWORD = "copper lantern orchard 7";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    MailServer mail;
    Byline byline;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (byline != null) {
            byline.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void firstAdministratorInvitesAnEditorWhoEnrolsTwoFactorAndSignsInWithACode() throws Exception {
        mail = MailServer.start();
        byline = Byline.start(TestConfigs.forTests(dir).withSmtp(mail.smtp()), clock);
        browser = Browser.open(1280, 900);
        String base = byline.baseUrl();

        // the administrator follows the setup link (the one start printed; a fresh one works the same)
        String setupToken = byline.services().accounts().service().setupLinkIfNoUsers().orElseThrow();
        browser.get(base + "/admin/setup/" + setupToken);
        type("name", "Ada Lovelace");
        type("email", "ada@example.org");
        type("password", ADMIN_PASSWORD);
        type("password2", ADMIN_PASSWORD);
        submit("Create the account");
        see("Welcome to Byline");

        // invites an editor
        browser.findElement(By.linkText("People")).click();
        type("email", "ed@example.org");
        type("name", "Ed Itor");
        new Select(browser.findElement(By.id("role"))).selectByValue("editor");
        submit("Send the invitation");
        see("ed@example.org");

        // the invitation arrives by mail; its link lets the editor set a password (in a browser of their own)
        List<MimeMessage> arrived = mail.await(1, Duration.ofSeconds(20));
        assertEquals("ed@example.org", arrived.getFirst().getAllRecipients()[0].toString());
        String invitation = MailServer.link(arrived.getFirst());
        assertTrue(invitation.startsWith(base + "/admin/invitation/"), invitation);
        browser.quit();
        browser = Browser.open(1280, 900);
        browser.get(invitation);
        type("password", EDITOR_PASSWORD);
        type("password2", EDITOR_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        arrive(base + "/admin/");
        see("Ed Itor");

        // enrols an authenticator app: the key on the page is what the QR code carries
        browser.get(base + "/admin/profile/two-factor");
        byte[] secret = new Base32().decode(browser.findElement(By.id("secret-key")).getText().replace(" ", ""));
        type("code", code(secret, clock.instant()));
        submit("Turn on");
        see("recovery code");

        // signs out, and in again: the password, then a code from the next time step
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        arrive(base + "/admin/login");
        clock.advance(Duration.ofSeconds(30));
        type("email", "ed@example.org");
        type("password", EDITOR_PASSWORD);
        submit("Sign in");
        arrive(base + "/admin/login/code");
        type("code", "000000".equals(code(secret, clock.instant())) ? "111111" : "000000");
        submit("Verify");
        see("That code is not right"); // a wrong code is refused
        type("code", code(secret, clock.instant()));
        submit("Verify");
        arrive(base + "/admin/");
        assertEquals(base + "/admin/", browser.getCurrentUrl());
        see("Hello, Ed Itor.");
    }

    /** Waits for the navigation a click started to land at an address starting with {@code url}. */
    private void arrive(String url) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> driver.getCurrentUrl().startsWith(url)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.readyState")));
    }

    /** Waits until the page says {@code words} (the page a click led to may still be loading). */
    private void see(String words) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> text().contains(words));
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private void submit(String label) {
        browser.findElement(By.xpath("//main//button[normalize-space()='" + label + "']")).click();
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** What an authenticator app shows at {@code now}: RFC 6238 with its defaults, computed independently of Byline. */
    private static String code(byte[] secret, Instant now) throws Exception {
        var generator = new TimeBasedOneTimePasswordGenerator();
        return String.format("%06d", generator.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), now));
    }
}
