package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.ArticleStatus;
import dev.byline.media.TestImages;
import dev.byline.support.Staff;
import dev.byline.taxonomy.Section;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newsroom's day in a real browser (headless Chromium): a reporter (an author) signs in, writes an article
 * with a photo (a phone JPEG whose EXIF holds GPS), its alt text and caption, using the toolbar, and submits it for
 * review; an editor signs in, finds it among what waits for review and publishes it; a visitor reads it on the
 * public site with its caption, and the image served has no EXIF, GPS or other metadata left.
 *
 * <p>The photo is uploaded through the editor's figure dialog (POST /admin/media, the safe image pipeline every
 * upload goes through), described there with its alt text and caption, and inserted into the body.
 */
class NewsroomDeskBrowserTest extends AdminBrowserTest {

    NewsroomDeskBrowserTest() {
        super("desk-");
    }

    @Test
    void aReporterFilesAStoryWithAPhotoAnEditorPublishesItAReaderSeesItWithoutGps() throws Exception {
        var staff = new Staff(byline);
        User reporter = staff.add(Role.AUTHOR, "Rita Mensah", "rita@newsroom.test");
        User editor = staff.add(Role.EDITOR, "Omar Haddad", "omar@newsroom.test");
        Section city = byline.services().taxonomy().saveSection(new Section(0, "", "City", "", null, 1));
        byte[] phonePhoto = TestImages.phoneJpeg(1200, 800, 1);
        assertTrue(contains(phonePhoto, "SECRET-SOURCE-LOCATION") || contains(phonePhoto, "GPS")
                || contains(phonePhoto, "Exif"), "the photo as the phone wrote it carries EXIF with GPS");
        Path photoFile = dir.resolve("harbour.jpg");
        Files.write(photoFile, phonePhoto);

        // the reporter writes, uploads the photo through the figure dialog, uses the toolbar, submits for review
        signIn(reporter);
        browser.get(byline.baseUrl() + "/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys("Fishing boats return to the harbour");
        browser.findElement(By.id("dek")).sendKeys("The harbour reopened on Monday after the storm.");
        var body = browser.findElement(By.id("body"));
        body.sendKeys("The first boats came back at dawn.");
        browser.findElement(By.xpath("//div[@role='toolbar']/button[text()='Figure']")).click();
        var dialog = browser.findElement(By.cssSelector("dialog.figure-dialog"));
        dialog.findElement(By.id("figure-upload")).sendKeys(photoFile.toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> dialog.findElement(
                By.cssSelector(".figure-message")).getText().equals("Uploaded harbour.jpg. Now describe it."));
        dialog.findElement(By.cssSelector(".figure-insert")).click();
        assertEquals("Alt text is required: say what the image shows.",
                dialog.findElement(By.cssSelector(".figure-message")).getText(), "no figure without alt text");
        dialog.findElement(By.id("figure-alt")).sendKeys("Fishing boats moored along the harbour wall");
        dialog.findElement(By.id("figure-caption")).sendKeys("Boats back at the harbour wall on Monday.");
        dialog.findElement(By.cssSelector(".figure-insert")).click();
        String written = body.getDomProperty("value");
        assertTrue(written.matches("(?s)The first boats came back at dawn\\.\\n\\n!\\[Fishing boats moored along the harbour wall]"
                + "\\(/media/[^ )]+\\.jpg \"Boats back at the harbour wall on Monday\\.\"\\)\\n\\n"), written);
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "The catch was ");
        browser.findElement(By.xpath("//div[@role='toolbar']/button[text()='Bold']")).click();
        assertTrue(body.getDomProperty("value").endsWith("The catch was **bold text**"), body.getDomProperty("value"));
        assertTrue(browser.findElement(By.id("word-count")).getText().matches("\\d+ words · about 1 min read"));
        // pasted from a word processor: Markdown, not markup
        browser.executeScript("""
                arguments[0].selectionStart = arguments[0].selectionEnd = arguments[0].value.length;
                const data = new DataTransfer();
                data.setData('text/html', '<p class=MsoNormal> Fuel costs <b>doubled</b><o:p></o:p></p><script>x()</script>');
                data.setData('text/plain', 'Fuel costs doubled');
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                """, body);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> body.getDomProperty("value").contains("Fuel costs **doubled**"));
        assertFalse(body.getDomProperty("value").contains("x()"));
        // the preview, beside the form, by the public page's own template
        browser.findElement(By.id("preview-button")).click();
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe[name=byline-preview]")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(driver -> driver.findElement(By.tagName("h1")).getText()
                        .equals("Fishing boats return to the harbour"));
        assertEquals("Boats back at the harbour wall on Monday.",
                browser.findElement(By.cssSelector("figure figcaption")).getText());
        browser.switchTo().defaultContent();
        new Select(browser.findElement(By.id("sectionId"))).selectByVisibleText("City");
        browser.findElement(By.id("tags")).sendKeys("Harbour, Storm");
        shoot("editor");
        browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
        flash("“Fishing boats return to the harbour” is waiting for an editor's review.");
        browser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();

        // the editor finds it among what waits for review and publishes it
        signIn(editor);
        browser.findElement(By.linkText("1 article waits for your review.")).click();
        shoot("articles");
        browser.findElement(By.linkText("Fishing boats return to the harbour")).click();
        browser.findElement(By.cssSelector("button[name=action][value=publish]")).click();
        flash("“Fishing boats return to the harbour” is published.");
        var article = byline.services().articles().findBySlug("fishing-boats-return-to-the-harbour").orElseThrow();
        assertEquals(ArticleStatus.PUBLISHED, article.status());
        assertEquals(List.of(reporter.authorId()), article.authorIds());
        String publicUrl = browser.findElement(By.linkText("View on the site")).getDomAttribute("href");
        browser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();

        // a visitor reads it with the caption; the image served has no GPS
        browser.manage().deleteAllCookies();
        browser.get(byline.baseUrl() + publicUrl);
        assertEquals("Fishing boats return to the harbour", browser.findElement(By.tagName("h1")).getText());
        var figure = browser.findElement(By.cssSelector("article figure"));
        assertEquals("Boats back at the harbour wall on Monday.", figure.findElement(By.tagName("figcaption")).getText());
        var img = figure.findElement(By.tagName("img"));
        assertEquals("Fishing boats moored along the harbour wall", img.getDomAttribute("alt"));
        String src = (String) browser.executeScript("return arguments[0].currentSrc || arguments[0].src", img);
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(src)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertEquals(0xFF, served.body()[0] & 0xFF);
        assertEquals(0xD8, served.body()[1] & 0xFF);
        for (String secret : List.of("Exif", "SECRET-SOURCE-LOCATION", "SECRET-CAMERA", "XMP-SECRET")) {
            assertFalse(contains(served.body(), secret), src + " still holds " + secret);
        }
        shoot("public-article");
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

}
