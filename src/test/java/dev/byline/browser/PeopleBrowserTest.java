package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.media.TestImages;
import dev.byline.people.Author;
import dev.byline.support.Staff;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.SiteUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An administrator in a real browser (headless Chromium): signs in, disables a colleague (the browser asks first,
 * and a cancelled question disables nobody), uploads a picture and edits the profile, reads the activity log. The
 * pages are photographed at a phone's and a desktop's width into target/screenshots, and nothing on them is
 * wider than the window.
 */
class PeopleBrowserTest extends AdminBrowserTest {

    PeopleBrowserTest() {
        super("");
    }

    @Test
    void anAdministratorManagesPeopleAndTheirProfileInABrowser() throws Exception {
        var staff = new Staff(byline);
        User admin = staff.add(Role.ADMINISTRATOR, "Amina Rahimi", "amina@newsroom.test");
        User colleague = staff.add(Role.EDITOR, "Daniel Okafor", "daniel@newsroom.test");
        staff.add(Role.CONTRIBUTOR, "Lina Sato", "lina@newsroom.test");
        Author author = byline.services().authors().find(admin.authorId()).orElseThrow();
        Section section = byline.services().taxonomy().saveSection(new Section(0, "", "City", "", null, 1));
        var article = byline.services().articles().save(new ArticleDraft(0, "Harbour reopens after the storm", "", "",
                "The harbour reopened on Monday.", "", null, ArticleStatus.PUBLISHED, section.id(),
                List.of(author.id(), colleague.authorId()), List.of(), null));

        signIn(admin);
        browser.get(byline.baseUrl() + "/admin/people");
        assertEquals("People", browser.findElement(By.tagName("h1")).getText());

        // disabling asks first; cancelling disables nobody
        var disable = By.cssSelector("form[action='/admin/people/" + colleague.id() + "/disable'] button");
        browser.findElement(disable).click();
        var question = browser.switchTo().alert();
        assertTrue(question.getText().startsWith("Disable Daniel Okafor (daniel@newsroom.test)?"));
        question.dismiss();
        assertEquals(User.Status.ACTIVE, status(colleague));
        browser.findElement(disable).click();
        browser.switchTo().alert().accept();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("is disabled"));
        assertEquals(User.Status.DISABLED, status(colleague));

        // a failed invitation, to see the form with its messages
        browser.findElement(By.id("email")).sendKeys("kim at newsroom");
        browser.findElement(By.id("name")).sendKeys("Kim Lee");
        browser.executeScript("document.getElementById('email').type = 'text'"); // past the browser's own check
        browser.findElement(By.cssSelector("form[action='/admin/people/invite'] button")).click();
        // the page the click leads to, not the one still showing (read too early once under load: no such element)
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(driver -> driver.findElement(By.id("email-error")).getText().startsWith("Enter an email address"));
        shoot("people");

        // the profile: a picture and a bio, then the public author page
        browser.get(byline.baseUrl() + "/admin/profile");
        Path picture = dir.resolve("portrait.png");
        Files.write(picture, TestImages.encode(TestImages.quarters(300, 300), "png"));
        browser.findElement(By.id("avatar")).sendKeys(picture.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[action='/admin/profile/avatar'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector(".flash")).getText().equals("Your picture is saved."));
        browser.findElement(By.id("bio")).sendKeys("Covers the port, the harbour and the city council.");
        browser.findElement(By.id("links")).sendKeys("https://mastodon.example/@amina\nhttps://amina.example");
        browser.findElement(By.cssSelector("form[action='/admin/profile'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector(".flash")).getText().equals("Your profile is saved."));
        shoot("profile");

        browser.get(byline.baseUrl() + "/admin/activity");
        assertEquals("Activity", browser.findElement(By.tagName("h1")).getText());
        shoot("activity");

        browser.get(byline.baseUrl() + SiteUrls.author(author.slug()));
        assertEquals("Amina Rahimi", browser.findElement(By.tagName("h1")).getText());
        assertEquals("mastodon.example/@amina", browser.findElement(By.cssSelector(".author-links a")).getText());
        shoot("author-page");
        // the colleague has no picture: the article's byline shows initials, drawn with the style sheet's colours
        browser.get(byline.baseUrl() + new SiteUrls(java.time.ZoneId.of("UTC")).article(article.slug(),
                article.publishedAt()));
        var initials = browser.findElement(By.cssSelector(".byline svg.avatar-initials circle"));
        assertTrue(((String) browser.executeScript("return getComputedStyle(arguments[0]).fill", initials))
                .startsWith("rgb("), "filled by a tone class");
        shoot("article-byline");
    }

    private User.Status status(User user) {
        return byline.services().accounts().service().find(Actor.commandLine(), user.id()).orElseThrow().status();
    }

    /** The page at a desktop's and a phone's width; at neither may anything stick out sideways. */
}
