package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.support.Staff;
import dev.byline.taxonomy.Section;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Autosave in a real browser: it keeps running after the preview was opened (the preview submits the form into
 * its frame; once that stopped autosave for good, and what was typed before it counted as saved), and a save
 * pressed while the first autosave of a new article is on its way saves the draft that autosave made, not a
 * second one.
 */
class EditorAutosaveBrowserTest extends AdminBrowserTest {

    EditorAutosaveBrowserTest() {
        super("");
    }

    @Test
    void autosaveKeepsRunningAfterThePreview() {
        var staff = new Staff(byline);
        User reporter = staff.add(Role.AUTHOR, "Rita Mensah", "rita@newsroom.test");
        byline.services().taxonomy().saveSection(new Section(0, "", "City", "", null, 1));
        signIn(reporter);

        browser.get(byline.baseUrl() + "/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys("Previewed story");
        new Select(browser.findElement(By.id("sectionId"))).selectByVisibleText("City");
        browser.findElement(By.id("preview-button")).click();
        browser.findElement(By.id("body")).sendKeys("An hour of typing that must not be lost if the tab crashes.");
        new WebDriverWait(browser, Duration.ofSeconds(25)).until(driver ->
                driver.findElement(By.id("autosave-status")).getText().startsWith("Autosaved"));
        assertTrue(byline.services().articles().findBySlug("previewed-story").isPresent(),
                "the autosave after the preview created the draft");
    }

    @Test
    void aSavePressedWhileTheFirstAutosaveIsOnItsWayMakesOneArticle() {
        var staff = new Staff(byline);
        User reporter = staff.add(Role.AUTHOR, "Rita Mensah", "rita@newsroom.test");
        byline.services().taxonomy().saveSection(new Section(0, "", "City", "", null, 1));
        signIn(reporter);

        browser.get(byline.baseUrl() + "/admin/articles/new");
        // the autosave's answer is held back two seconds in the page, as on a slow connection
        browser.executeScript("""
                const original = window.fetch;
                window.fetch = function (url, options) {
                  const answer = original(url, options);
                  if (!String(url).includes("autosave")) { return answer; }
                  window.autosaveSent = true;
                  return answer.then(r => new Promise(resolve => setTimeout(() => resolve(r), 2000)));
                };
                """);
        browser.findElement(By.id("title")).sendKeys("Ferry strike called off");
        new Select(browser.findElement(By.id("sectionId"))).selectByVisibleText("City");
        browser.findElement(By.id("body")).sendKeys("The unions agreed late on Sunday.");
        waitFor(driver -> Boolean.TRUE.equals(browser.executeScript("return window.autosaveSent === true")));
        browser.findElement(By.cssSelector("button[name=action][value=draft]")).click();
        flash("“Ferry strike called off” is saved as a draft.");
        var articles = byline.services().articles();
        assertTrue(articles.findBySlug("ferry-strike-called-off").isPresent());
        assertTrue(articles.findBySlug("ferry-strike-called-off-2").isEmpty(), "one article, not two");
        assertTrue(articles.findBySlug("ferry-strike-called-off").orElseThrow().bodyMarkdown()
                .startsWith("The unions agreed"), "the save reached the draft the autosave made");
    }
}
