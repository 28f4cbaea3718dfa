package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Actor;
import dev.byline.support.Browser;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An editor sets up two-factor authentication in a real browser (headless Chromium): the QR code Chromium draws
 * from the page's inline SVG, under the admin's strict CSP, is photographed and read by ZXing; the code the test
 * computes from what it read turns the second factor on; the next sign-in asks for a code.
 */
class TwoFactorBrowserTest {

    static final String PASSWORD = "violet kettle harbour 42";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
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
    }

    @Test
    void scanTheCodeTurnItOnSignInWithTheApp() throws Exception {
        byline = Byline.start(TestConfigs.forTests(dir), clock);
        byline.services().accounts().service().add(Actor.commandLine(),
                new NewUser("ed@example.org", "Ed Itor", "editor"), PASSWORD);
        browser = Browser.open(1024, 1400);
        signIn();
        browser.get(byline.baseUrl() + "/admin/profile/two-factor");

        var qr = browser.findElement(By.cssSelector(".qr svg"));
        assertEquals("img", qr.getAttribute("role"));
        var photo = ImageIO.read(new ByteArrayInputStream(qr.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = photo.getRGB(0, 0, photo.getWidth(), photo.getHeight(), null, 0, photo.getWidth());
        String uri = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(photo.getWidth(), photo.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        String shownKey = browser.findElement(By.id("secret-key")).getText().replace(" ", "");
        assertTrue(uri.startsWith("otpauth://totp/Byline%20Test:ed%40example.org?secret=" + shownKey + "&"), uri);
        byte[] key = new Base32().decode(uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1"));

        browser.findElement(By.id("code")).sendKeys(code(key, clock.instant()));
        browser.findElement(By.cssSelector("form[action$='/setup'] button[type=submit]")).click();
        assertEquals("Two-factor authentication is on", browser.findElement(By.tagName("h1")).getText());
        assertEquals(10, browser.findElements(By.cssSelector(".recovery-codes li")).size());

        browser.findElement(By.cssSelector(".admin-who button")).click();
        signIn();
        // a click starts the navigation; wait for it to land rather than read the address half-way
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/admin/login/code"));
        clock.advance(Duration.ofSeconds(30));
        browser.findElement(By.id("code")).sendKeys(code(key, clock.instant()));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertEquals("Dashboard", browser.findElement(By.tagName("h1")).getText());
    }

    private void signIn() {
        browser.get(byline.baseUrl() + "/admin/login");
        browser.findElement(By.id("email")).sendKeys("ed@example.org");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** The authenticator app's code, computed from the key the test read off the screen. */
    private static String code(byte[] key, Instant at) throws Exception {
        return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
                .generateOneTimePasswordString(new SecretKeySpec(key, "HmacSHA1"), at, Locale.ROOT);
    }
}
