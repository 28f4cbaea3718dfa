package dev.byline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Kind;
import dev.byline.article.NoteKind;
import dev.byline.article.Placement;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.Submission;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Axe;
import dev.byline.support.Browser;
import dev.byline.support.DemoSiteTest;
import dev.byline.support.NuValidator;
import dev.byline.support.Staff;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin meets the public site's accessibility bar (issue 8): every page of the desk, and the public page types
 * the desk added, on the demo site with an editor signed in, is
 * <ul>
 *   <li>valid HTML: the Nu Html Checker finds no error and no warning in the HTML as served;</li>
 *   <li>axe-clean: axe-core, in Chromium, finds no violation of any impact at a phone's width (390 px) nor at a
 *       desktop's (1280 px);</li>
 *   <li>readable at 390 px: nothing is wider than the window.</li>
 * </ul>
 * The refused editor (422, with field messages) and the conflict page (409) are reached by submitting the form in
 * the browser, as an editor would. Each page is photographed at both widths into target/screenshots/a11y-*.png.
 */
class AdminAccessibilityTest extends DemoSiteTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final int PHONE = 390;
    static final int DESKTOP = 1280;

    static NuValidator html;
    static ChromeDriver browser;
    static AdminBrowser http;
    static User editor;
    /** Each page's name → its address, found once the content is made. */
    static final Map<String, String> PATHS = new LinkedHashMap<>();

    record Target(String name, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> pages() {
        return Stream.of(
                new Target("dashboard", 200),
                new Target("articles", 200),
                new Target("articles-trash", 200),
                new Target("articles-refused-filter", 400),
                new Target("pages", 200),
                new Target("article-new", 200),
                new Target("page-new", 200),
                new Target("article-editor", 200),
                new Target("page-editor", 200),
                new Target("revisions", 200),
                new Target("revision-diff", 200),
                new Target("media-grid", 200),
                new Target("media-list", 200),
                new Target("media-item", 200),
                new Target("sections", 200),
                new Target("section", 200),
                new Target("tags", 200),
                new Target("tag", 200),
                new Target("menus", 200),
                new Target("front-page", 200),
                new Target("people", 200),
                new Target("profile", 200),
                new Target("api-keys", 200),
                new Target("activity", 200),
                new Target("webhooks", 200),
                new Target("webhook", 200),
                new Target("settings", 200),
                new Target("comments-pending", 200),
                new Target("comments-approved", 200),
                new Target("comments-article", 200),
                new Target("comment", 200),
                new Target("comment-privacy", 200),
                new Target("public-page", 200),
                new Target("public-article-with-notes", 200),
                new Target("public-trashed-article", 410));
    }

    @BeforeAll
    static void content() {
        var desk = byline.services().desk();
        User admin = new Staff(byline).add(Role.ADMINISTRATOR, "Ada Okafor", "ada@newsroom.test");
        editor = admin; // every admin page, People and Settings too
        var actor = Staff.actor(admin);
        browser = Browser.open(DESKTOP, 900);
        browser.get(byline.baseUrl() + "/admin/login");
        browser.findElement(By.id("email")).sendKeys(admin.email());
        browser.findElement(By.id("password")).sendKeys(Staff.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().endsWith("/admin/"));
        // the same session over plain HTTP, for the HTML exactly as served
        http = new AdminBrowser(byline.baseUrl());
        browser.manage().getCookies().forEach(cookie -> http.setCookie(cookie.getName(), cookie.getValue()));

        Article any = byline.services().articles().findBySlug("girls-schooling-ban-enters-its-fifth-year")
                .orElseThrow();

        Article story = desk.save(actor, new ArticleDraft(0, "Harbour reopens after the storm",
                "Ferries run again from Monday.", "", "The harbour reopened on Friday.\n\n## What changes\n\nMore.",
                "", any.featuredMediaId(), ArticleStatus.PUBLISHED, any.sectionId(), any.authorIds(),
                List.of("Weather"), null));
        story = desk.save(actor, new ArticleDraft(story.id(), story.title(), "Ferries run again from Tuesday.", story.slug(),
                "The harbour reopened on Saturday.\n\n## What changes\n\nMore, and a timetable.", "",
                story.featuredMediaId(), ArticleStatus.PUBLISHED, story.sectionId(), story.authorIds(),
                List.of("Weather"), null, story.version()));
        desk.addNote(actor, story.id(), NoteKind.CORRECTION, "An earlier version gave Friday; it was Saturday.",
                Placement.TOP);
        desk.addNote(actor, story.id(), NoteKind.UPDATE, "The timetable is now online.", Placement.FOOT);

        // a discussion under the story: an approved comment, a reply held for moderation, one marked as spam
        var comments = byline.services().comments();
        var moderation = byline.services().moderation();
        java.time.Instant formShown = clock.instant().minusSeconds(120);
        Comment approved = comments.post(new Submission(story.id(), 0, "Mina Rahimi", "mina@example.org",
                "https://mina.example.org/", "The timetable helps.\n\nThank you, <em>desk</em>.", false,
                "198.51.100.7", "Firefox", "", comments.tokens().issue(story.id(), formShown), null)).comment();
        moderation.act(actor, approved.id(), approved.version(), CommentModeration.Action.APPROVE);
        Comment held = comments.post(new Submission(story.id(), approved.id(), "Omar Haidari", "omar@example.org",
                "", "Does the Tuesday ferry run at night?", false, "198.51.100.8", "Firefox", "",
                comments.tokens().issue(story.id(), formShown), null)).comment();
        Comment spam = comments.post(new Submission(story.id(), 0, "Cheap pills", "pills@example.org", "",
                "Buy now https://a.example https://b.example https://c.example", false, "198.51.100.9", "Bot", "",
                comments.tokens().issue(story.id(), formShown), null)).comment();
        moderation.act(actor, spam.id(), spam.version(), CommentModeration.Action.SPAM);

        Article page = desk.save(actor, new ArticleDraft(0, "About the desk", "Who we are.", "about-the-desk",
                "We report.\n\n## Write to us\n\n[The desk](mailto:desk@example.org).", "", null,
                ArticleStatus.PUBLISHED, null, any.authorIds(), List.of(), null, 0, "", "", Kind.PAGE));

        Article gone = desk.save(actor, new ArticleDraft(0, "Minister denies the leak", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, any.sectionId(), any.authorIds(), List.of(), null));
        String gonePath = viewOnTheSite("/admin/articles/" + gone.id());
        desk.trash(actor, gone.id(), byline.services().articles().find(gone.id()).orElseThrow().version());


        String storyEditor = "/admin/articles/" + story.id();
        PATHS.put("dashboard", "/admin/");
        PATHS.put("articles", "/admin/articles");
        PATHS.put("articles-trash", "/admin/articles?status=trash");
        PATHS.put("articles-refused-filter", "/admin/articles?q=harbour&from=yesterday&to=2025-13-45");
        PATHS.put("pages", "/admin/pages");
        PATHS.put("article-new", "/admin/articles/new");
        PATHS.put("page-new", "/admin/pages/new");
        PATHS.put("article-editor", storyEditor);
        PATHS.put("page-editor", "/admin/articles/" + page.id());
        PATHS.put("revisions", "/admin/revisions/" + story.id());
        // the first revision against the last: the body and the dek changed in between
        Matcher ids = Pattern.compile("\\?from=(\\d+)&amp;to=(\\d+)").matcher(http.get("/admin/revisions/" + story.id()).body());
        long from = Long.MAX_VALUE;
        long to = 0;
        while (ids.find()) {
            from = Math.min(from, Long.parseLong(ids.group(1)));
            to = Math.max(to, Long.parseLong(ids.group(2)));
        }
        PATHS.put("revision-diff", "/admin/revisions/" + story.id() + "?from=" + from + "&to=" + to);
        String media = http.get("/admin/media").body();
        PATHS.put("media-grid", "/admin/media");
        PATHS.put("media-list", "/admin/media?view=list");
        PATHS.put("media-item", first(media, "href=\"(/admin/media/\\d+)\""));
        PATHS.put("sections", "/admin/sections");
        PATHS.put("section", first(http.get("/admin/sections").body(), "href=\"(/admin/sections/\\d+)\""));
        PATHS.put("tags", "/admin/tags");
        PATHS.put("tag", first(http.get("/admin/tags").body(), "href=\"(/admin/tags/\\d+)\""));
        PATHS.put("menus", "/admin/menus");
        PATHS.put("front-page", "/admin/front-page");
        PATHS.put("people", "/admin/people");
        PATHS.put("profile", "/admin/profile");
        byline.services().accounts().apiKeys().make(actor, dev.byline.account.ApiKey.Kind.APPLICATION_PASSWORD,
                "Mobile app", dev.byline.account.ApiKey.Scope.READ);
        PATHS.put("api-keys", "/admin/profile/keys");
        PATHS.put("activity", "/admin/activity");
        var hooks = byline.services().webhooks();
        var hook = hooks.add(actor, "https://example.org/hooks/byline", List.of("article.published",
                "comment.created"));
        hooks.sendTest(actor, hook.id());
        PATHS.put("webhooks", "/admin/webhooks");
        PATHS.put("webhook", "/admin/webhooks/" + hook.id());
        PATHS.put("settings", "/admin/settings");
        PATHS.put("comments-pending", "/admin/comments");
        PATHS.put("comments-approved", "/admin/comments?status=approved");
        PATHS.put("comments-article", "/admin/comments?article=" + story.id() + "&status=approved");
        PATHS.put("comment", "/admin/comments/" + held.id());
        PATHS.put("comment-privacy", "/admin/comments/privacy");
        PATHS.put("public-page", "/about-the-desk/");
        PATHS.put("public-article-with-notes", viewOnTheSite(storyEditor));
        PATHS.put("public-trashed-article", gonePath);

        html = new NuValidator();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void isValidAxeCleanAndFitsAPhone(Target target) throws Exception {
        String path = PATHS.get(target.name());
        HttpResponse<String> served = http.get(path);
        assertEquals(target.status(), served.statusCode(), path);
        browser.get(byline.baseUrl() + path);
        check(target.name(), served.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("submitted")
    void aRefusedOrConflictingSaveShowsAnAccessiblePage(String name) throws Exception {
        var desk = byline.services().desk();
        if (name.equals("comment-refused")) {
            commentRefused();
            return;
        }
        if (name.equals("api-key-made")) {
            apiKeyMade();
            return;
        }
        String path;
        if (name.equals("editor-refused")) {
            path = "/admin/articles/new";
            browser.get(byline.baseUrl() + path);
            browser.findElement(By.id("slug")).sendKeys("Not a slug!");
        } else {
            Article story = byline.services().articles().findBySlug("harbour-reopens-after-the-storm").orElseThrow();
            path = "/admin/articles/" + story.id();
            browser.get(byline.baseUrl() + path);
            // someone else saves after this browser opened the article
            desk.save(Staff.actor(editor), new ArticleDraft(story.id(), story.title(), "Their dek, saved first.",
                    story.slug(), story.bodyMarkdown(), story.excerpt(), story.featuredMediaId(), story.status(),
                    story.sectionId(), story.authorIds(), List.of("Weather"), null, story.version()));
            var dek = browser.findElement(By.id("dek"));
            dek.clear();
            dek.sendKeys("My dek, saved second.");
        }
        // the form as the browser would send it, sent once over HTTP for the HTML as served, then for real
        String action = browser.findElement(By.cssSelector(".editor-actions button[name=action]"))
                .getAttribute("value");
        String form = (String) browser.executeScript("var data = new FormData(document.getElementById('editor'));"
                + "data.append('action', arguments[0]); return new URLSearchParams(data).toString();", action);
        HttpResponse<String> served = http.postPairs(path, pairs(form));
        int expected = name.equals("editor-refused") ? 422 : 409;
        assertEquals(expected, served.statusCode(), served.body());
        browser.findElement(By.cssSelector(".editor-actions button[name=action]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElements(By.cssSelector(
                name.equals("editor-refused") ? ".form-error" : ".conflict")).isEmpty());
        check(name, served.body());
    }

    static Stream<String> submitted() {
        return Stream.of("editor-refused", "editor-conflict", "comment-refused", "api-key-made");
    }

    /** A key just made: the page showing its secret once, as the browser gets it from the form. */
    private static void apiKeyMade() throws Exception {
        HttpResponse<String> served = http.post("/admin/profile/keys", Map.of("label", "Served over HTTP", "kind",
                "personal-token", "scope", "read"));
        assertEquals(201, served.statusCode());
        browser.get(byline.baseUrl() + "/admin/profile/keys");
        browser.findElement(By.id("label")).sendKeys("Newsletter script");
        browser.findElement(By.cssSelector("form[action='/admin/profile/keys'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElements(By.id("secret"))
                .isEmpty());
        check("api-key-made", served.body());
    }

    /** A reader's comment refused (an address that is none): the article comes back with a message at the field. */
    private static void commentRefused() throws Exception {
        String article = PATHS.get("public-article-with-notes");
        var reader = new AdminBrowser(byline.baseUrl());
        String page = reader.get(article).body();
        var form = new LinkedHashMap<String, String>();
        form.put("comment_post_ID", first(page, "name=\"comment_post_ID\" value=\"(\\d+)\""));
        form.put("form_token", first(page, "id=\"form_token\" value=\"([^\"]+)\""));
        form.put("author", "Lena");
        form.put("email", "lena at example");
        form.put("comment", "When does the first ferry leave?");
        HttpResponse<String> served = reader.postRaw(article, form, Map.of());
        assertEquals(422, served.statusCode(), served.body());
        assertTrue(served.body().contains("Please enter a valid email address"), served.body());

        var signedIn = browser.manage().getCookies();
        browser.manage().deleteAllCookies(); // a reader, not the signed-in administrator
        try {
            browser.get(byline.baseUrl() + article);
            browser.findElement(By.id("author")).sendKeys("Lena");
            browser.findElement(By.id("email")).sendKeys("lena at example");
            browser.findElement(By.id("comment")).sendKeys("When does the first ferry leave?");
            browser.findElement(By.cssSelector("#commentform [type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElements(
                    By.cssSelector("#commentform .field-error")).isEmpty());
            // the form posts to the article's #respond: the page that comes back opens at the form, not the headline
            assertTrue(browser.getCurrentUrl().endsWith("#respond"), browser.getCurrentUrl());
            assertTrue((Boolean) browser.executeScript("var box = document.getElementById('respond')"
                    + ".getBoundingClientRect(); return box.top < window.innerHeight && box.bottom > 0;"),
                    "the form is in view");
            check("comment-refused", served.body());
        } finally {
            browser.get(byline.baseUrl() + "/admin/login");
            signedIn.forEach(cookie -> browser.manage().addCookie(cookie));
        }
    }

    /** The checkers are awake: each sees what is wrong with a page made wrong on purpose. */
    @Test
    void theCheckersSeeWhatIsWrong() {
        String broken = "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main>"
                + "<h1>Broken</h1><p><div>a block in a paragraph</div></p><input id=\"q\" type=\"date\" value=\"soon\">"
                + "<img src=\"x.png\"></main></body></html>";
        List<String> found = html.check(broken);
        assertTrue(found.stream().anyMatch(message -> message.contains("“soon”")), String.join("\n", found));
        assertTrue(found.stream().anyMatch(message -> message.contains("alt")), String.join("\n", found));
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode(broken, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        List<String> violations = Axe.violations(browser);
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(" label: ")), violations.toString());
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(" image-alt: ")), violations.toString());
    }

    /** The HTML as served is valid; the page open in the browser is axe-clean and fits at both widths. */
    private static void check(String name, String served) throws Exception {
        List<String> problems = new ArrayList<>();
        html.check(served).forEach(message -> problems.add("HTML " + message));
        Files.createDirectories(SHOTS);
        for (int width : List.of(PHONE, DESKTOP)) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
            long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
            long content = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            if (content > viewport) {
                problems.add(width + " px: the page is " + content + " px wide");
            }
            Axe.violations(browser).forEach(violation -> problems.add(width + " px: axe " + violation));
            Files.write(SHOTS.resolve("a11y-" + name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        assertTrue(problems.isEmpty(), name + " (axe " + Axe.version() + "):\n  " + String.join("\n  ", problems));
    }

    /** Where readers find the article the editor at {@code editorPath} edits. */
    private static String viewOnTheSite(String editorPath) {
        return first(http.get(editorPath).body(), "<a href=\"(/[^\"]+/)\">View on the site</a>");
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "no " + regex);
        return matcher.group(1);
    }

    private static List<Map.Entry<String, String>> pairs(String query) {
        var pairs = new ArrayList<Map.Entry<String, String>>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            pairs.add(Map.entry(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
        }
        return pairs;
    }
}
