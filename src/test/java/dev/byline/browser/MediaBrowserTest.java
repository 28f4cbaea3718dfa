package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.media.TestImages;
import dev.byline.support.Staff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An author in a real browser (headless Chromium) uses the media library with its script, under the admin's
 * strict Content-Security-Policy: two files chosen at once (one refused, with the server's reason at its line)
 * and one dropped on the page, each uploaded on its own with a progress bar; the grid and the list; an image's
 * alt text and caption saved. Every page is photographed at a phone's and a desktop's width, and nothing on them
 * is wider than the window.
 */
class MediaBrowserTest extends AdminBrowserTest {

    MediaBrowserTest() {
        super("");
    }

    @Test
    void anAuthorUploadsByChoosingAndByDroppingWithProgressThenDescribesAnImage() throws Exception {
        User author = new Staff(byline).add(Role.AUTHOR, "Amina Rahimi", "amina@newsroom.test");
        Path photo = dir.resolve("harbour.jpg");
        Files.write(photo, TestImages.phoneJpeg(1600, 1000, 1));
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Not a picture.");

        signIn(author);
        browser.findElement(By.linkText("Media")).click();
        waitFor(driver -> driver.findElement(By.tagName("h1")).getText().equals("Media"));
        assertTrue(browser.findElement(By.cssSelector("[data-drop-zone]")).isDisplayed(),
                "the script ran under the CSP and offers the drop zone");

        // two files chosen at once: each uploaded on its own, one stored, one refused with the server's words
        browser.findElement(By.id("files")).sendKeys(photo.toAbsolutePath() + "\n" + notes.toAbsolutePath());
        browser.findElement(By.cssSelector("form[data-media-upload] button[type=submit]")).click();
        waitFor(driver -> driver.findElements(By.cssSelector(".upload-list .is-stored, .upload-list .is-refused"))
                .size() == 2);
        List<WebElement> rows = browser.findElements(By.cssSelector(".upload-list li"));
        assertEquals("harbour.jpg", rows.get(0).findElement(By.className("upload-name")).getText());
        assertTrue(rows.get(0).getAttribute("class").contains("is-stored"));
        assertEquals("100", rows.get(0).findElement(By.tagName("progress")).getAttribute("value"));
        assertEquals("Uploaded. Add alt text and a caption",
                rows.get(0).findElement(By.className("upload-message")).getText());
        assertEquals("“notes.txt” is not a JPEG, PNG, GIF or WebP image.",
                rows.get(1).findElement(By.className("upload-message")).getText());

        // one file dropped on the page, as a person drags it from their desktop
        String png = Base64.getEncoder().encodeToString(TestImages.encode(TestImages.quarters(640, 400), "png"));
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "chart.png", {type: "image/png"}));
                const zone = document.querySelector("[data-drop-zone]");
                zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
                """, png);
        waitFor(driver -> driver.findElements(By.cssSelector(".upload-list .is-stored")).size() == 2);
        shoot("media-upload");

        browser.findElement(By.linkText("Show the new images in the library")).click();
        waitFor(driver -> driver.findElements(By.cssSelector(".media-tile")).size() == 2);
        assertEquals(List.of("chart.png", "harbour.jpg"), browser.findElements(By.className("media-name")).stream()
                .map(WebElement::getText).toList(), "newest first");
        shoot("media-grid");
        browser.findElement(By.linkText("Show as a list")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector("table.media-table")).isEmpty());
        shoot("media-list");

        browser.findElement(By.linkText("harbour.jpg")).click();
        waitFor(driver -> driver.findElement(By.tagName("h1")).getText().equals("harbour.jpg"));
        browser.findElement(By.id("alt")).sendKeys("Fishing boats in the harbour at dawn");
        browser.findElement(By.id("caption")).sendKeys("The fleet returns after the storm.");
        browser.findElement(By.id("credit")).sendKeys("Photo: Amina Rahimi");
        browser.findElement(By.cssSelector("form.media-details button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.cssSelector(".flash")).getText()
                .startsWith("The image's details are saved"));
        assertEquals("Fishing boats in the harbour at dawn",
                browser.findElement(By.cssSelector(".media-preview img")).getAttribute("alt"));
        assertFalse(browser.findElements(By.cssSelector("form[action$='/delete'] button.danger")).isEmpty(),
                "unused: it may be deleted");
        shoot("media-item");
    }

    /** The page at a desktop's and a phone's width; at neither may anything stick out sideways. */
}
