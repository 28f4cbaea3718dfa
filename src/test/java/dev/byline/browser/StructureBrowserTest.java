package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.support.Staff;
import dev.byline.taxonomy.Section;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An editor in a real browser (headless Chromium) shapes the paper: creates a section and moves it up, makes the
 * header menu the newsroom's own with a link nested under a section, adds a footer link, picks the lead story and
 * pins another; then a reader sees all of it on the home page. Each admin page is photographed at a phone's and a
 * desktop's width into target/screenshots, and nothing on them is wider than the window.
 */
class StructureBrowserTest extends AdminBrowserTest {

    StructureBrowserTest() {
        super("structure-");
    }

    @Test
    void anEditorShapesTheSectionsMenusAndFrontPage() throws Exception {
        User editor = new Staff(byline).add(Role.EDITOR, "Noor Haddad", "noor@newsroom.test");
        var services = byline.services();
        Section world = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
        services.taxonomy().saveSection(new Section(0, "", "Politics", "", null, 1));
        for (String title : List.of("Harbour reopens after the storm", "Council approves the bridge budget",
                "Ferry timetable changes on Monday")) {
            services.articles().save(new ArticleDraft(0, title, "", "", title + ".", "", null,
                    ArticleStatus.PUBLISHED, world.id(), List.of(editor.authorId()), List.of(), null));
        }

        signIn(editor);

        // a section, moved above Politics with its Up button
        browser.get(byline.baseUrl() + "/admin/sections");
        browser.findElement(By.id("name")).sendKeys("Sport");
        browser.findElement(By.cssSelector("form[action='/admin/sections'] button")).click();
        flash("Section “Sport” created, at /section/sport/.");
        Section sport = services.taxonomy().findSectionBySlug("sport").orElseThrow();
        browser.findElement(By.cssSelector("form[action='/admin/sections/" + sport.id() + "/up'] button")).click();
        flash("“Sport” moved up.");
        assertEquals(List.of("World", "Sport", "Politics"), services.taxonomy().sections().stream()
                .filter(Section::isTopLevel).map(Section::name).toList());
        shoot("sections");

        // the header: made the newsroom's own, a link added and nested under the item above it (Politics)
        browser.get(byline.baseUrl() + "/admin/menus");
        shoot("menus-default");
        browser.findElement(By.cssSelector("form[action='/admin/menus/header/customise'] button")).click();
        flash("You can now change each item of the header menu.");
        browser.findElement(By.cssSelector("#header input[value='link']")).click();
        browser.findElement(By.id("header-url")).sendKeys("/elections/");
        browser.findElement(By.id("header-label")).sendKeys("Elections");
        browser.findElement(By.cssSelector("form[action='/admin/menus/header/items'] button")).click();
        flash("Added to the header menu.");
        browser.findElement(By.xpath("//li[.//span[@class='menu-label' and text()='Elections']]"
                + "//button[starts-with(normalize-space(.), 'Nest under')]")).click();
        flash("Nested in the header menu.");
        browser.findElement(By.cssSelector("#footer input[value='link']")).click();
        browser.findElement(By.id("footer-url")).sendKeys("mailto:desk@example.org");
        browser.findElement(By.id("footer-label")).sendKeys("Contact the desk");
        browser.findElement(By.cssSelector("form[action='/admin/menus/footer/items'] button")).click();
        flash("Added to the footer menu.");
        shoot("menus");

        // the front page: a lead and a pinned story, chosen from the newest
        browser.get(byline.baseUrl() + "/admin/front-page");
        browser.findElement(By.xpath("//li[a[text()='Harbour reopens after the storm']]//button[starts-with("
                + "normalize-space(.), 'Make it the lead')]")).click();
        flash("The lead story is chosen.");
        browser.findElement(By.xpath("//li[a[text()='Council approves the bridge budget']]//button[starts-with("
                + "normalize-space(.), 'Pin')]")).click();
        flash("Pinned above the latest.");
        shoot("front-page");

        // what a reader sees
        browser.manage().deleteAllCookies();
        browser.get(byline.baseUrl() + "/");
        assertEquals("Harbour reopens after the storm",
                browser.findElement(By.cssSelector(".lead-story .lead-title")).getText());
        assertEquals("Council approves the bridge budget",
                browser.findElement(By.cssSelector(".pinned .teaser-title")).getText());
        assertEquals(List.of("World", "Sport", "Politics"), browser.findElements(By.cssSelector(
                "nav.sections > ul > li > a")).stream().map(link -> link.getAttribute("textContent")).toList());
        assertEquals("Elections", browser.findElement(By.cssSelector("nav.sections .subsections a"))
                .getAttribute("textContent"));
        assertEquals("mailto:desk@example.org", browser.findElement(By.cssSelector(".footer-menu a"))
                .getAttribute("href"));
        shoot("home");
    }

    /** Waits for the page a click leads to, by its flash (any flash when {@code text} is empty). */

    /** The page at a desktop's and a phone's width; at neither may anything stick out sideways. */
}
