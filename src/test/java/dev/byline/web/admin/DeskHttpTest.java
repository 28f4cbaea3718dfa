package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleStatus;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The desk over HTTP on both databases: the editor form per role (a contributor submits but cannot publish or
 * schedule; an author cannot open or save another's article), bad input kept with a message at its field (bad and
 * clashing slugs, a date that is none, a figure without alt text), a save over a newer version (409, both
 * versions shown, nothing lost), and the dashboard telling editors what waits for review.
 */
class DeskHttpTest {

    static final AdminSites SITES = new AdminSites();
    private static final Pattern ARTICLE_ID = Pattern.compile("/admin/articles/(\\d+)$");

    @AfterAll
    static void stop() {
        SITES.close();
    }

    static long section(Byline site) {
        List<Section> sections = site.services().taxonomy().sections();
        return sections.isEmpty()
                ? site.services().taxonomy().saveSection(new Section(0, "", "News", "", null, 0)).id()
                : sections.getFirst().id();
    }

    static Map<String, String> form(long sectionId, User author, String title, String action) {
        var form = new LinkedHashMap<String, String>();
        form.put("id", "0");
        form.put("version", "0");
        form.put("kind", "article");
        form.put("title", title);
        form.put("slug", "");
        form.put("dek", "A short standfirst.");
        form.put("body", "The river rose two metres overnight.\n\n## What next\n\nSandbags stay.");
        form.put("excerpt", "");
        form.put("sectionId", String.valueOf(sectionId));
        form.put("tags", "Floods, Weather");
        form.put("author1", String.valueOf(author.authorId()));
        form.put("featuredMediaId", "");
        form.put("seoTitle", "");
        form.put("seoDescription", "");
        form.put("publishedAt", "");
        form.put("action", action);
        return form;
    }

    static long created(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.body());
        Matcher matcher = ARTICLE_ID.matcher(response.headers().firstValue("Location").orElseThrow());
        assertTrue(matcher.find(), response.headers().firstValue("Location").orElseThrow());
        return Long.parseLong(matcher.group(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aContributorSubmitsForReviewButCannotPublishOrSchedule(TestDatabases database) {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User contributor = staff.add(Role.CONTRIBUTOR);
        AdminBrowser browser = staff.signIn(contributor);

        HttpResponse<String> blank = browser.get("/admin/articles/new");
        assertEquals(200, blank.statusCode());
        assertTrue(blank.body().contains("value=\"submit\""), "a Submit for review button");
        assertFalse(blank.body().contains("value=\"publish\""), "no Publish button for a contributor");

        for (String action : List.of("publish", "schedule")) {
            var form = form(section, contributor, "Tried to " + action, action);
            form.put("publishedAt", "2099-01-01T10:00");
            HttpResponse<String> refused = browser.post("/admin/articles/new", form);
            assertEquals(403, refused.statusCode(), action + ": " + refused.body());
            assertTrue(refused.body().contains("submit it for review"), refused.body());
        }
        long id = created(browser.post("/admin/articles/new", form(section, contributor, "Flood defences hold",
                "submit")));
        Article saved = site.services().articles().find(id).orElseThrow();
        assertEquals(ArticleStatus.PENDING, saved.status());
        assertEquals(List.of(contributor.authorId()), saved.authorIds());
        assertEquals(403, browser.post("/admin/articles/" + id, edit(browser, id, "publish")).statusCode());
        assertEquals(ArticleStatus.PENDING, site.services().articles().find(id).orElseThrow().status(),
                "a contributor's publish changed nothing");

        // the editor is told on the dashboard, with a link to what waits
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        HttpResponse<String> home = editor.get("/admin/");
        assertEquals(200, home.statusCode(), home.headers().map().toString());
        String dashboard = home.body();
        assertTrue(dashboard.contains("href=\"/admin/articles?status=pending\""), dashboard);
        assertTrue(Pattern.compile("\\d+ articles? waits? for your review").matcher(dashboard).find(), dashboard);
        HttpResponse<String> published = editor.post("/admin/articles/" + id, edit(editor, id, "publish"));
        assertEquals(302, published.statusCode(), published.body());
        assertEquals(ArticleStatus.PUBLISHED, site.services().articles().find(id).orElseThrow().status());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAuthorCannotOpenOrSaveAnothersArticle(TestDatabases database) {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User owner = staff.add(Role.AUTHOR);
        AdminBrowser ownerBrowser = staff.signIn(owner);
        long id = created(ownerBrowser.post("/admin/articles/new", form(section, owner, "Mine alone", "draft")));

        User other = staff.add(Role.AUTHOR);
        AdminBrowser otherBrowser = staff.signIn(other);
        assertEquals(403, otherBrowser.get("/admin/articles/" + id).statusCode());
        var form = form(section, other, "Taken over", "draft");
        form.put("id", String.valueOf(id));
        form.put("version", "1");
        assertEquals(403, otherBrowser.post("/admin/articles/" + id, form).statusCode());
        var revisions = otherBrowser.get("/admin/revisions/" + id);
        assertEquals(403, revisions.statusCode(), revisions.body());
        assertEquals("Mine alone", site.services().articles().find(id).orElseThrow().title());
        // and the list shows the author only their own
        String list = otherBrowser.get("/admin/articles").body();
        assertFalse(list.contains("Mine alone"), list);
        assertTrue(ownerBrowser.get("/admin/articles").body().contains("Mine alone"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void badInputIsRefusedAtItsFieldWithEverythingTypedKept(TestDatabases database) {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR);
        AdminBrowser browser = staff.signIn(author);
        long first = created(browser.post("/admin/articles/new", form(section, author, "Taken slug", "draft")));
        String takenSlug = site.services().articles().find(first).orElseThrow().slug();

        record Case(String field, String value, String action, String message) {
        }
        for (Case bad : List.of(
                new Case("slug", "Not A Slug!", "draft", "lower-case letters, digits and hyphens"),
                new Case("slug", takenSlug, "draft", "already uses the slug"),
                new Case("publishedAt", "2026-02-30 25:99", "schedule", "is not a date and time"),
                new Case("publishedAt", "", "schedule", "Pick the date and time"),
                new Case("publishedAt", "2099-02-31 09:30", "schedule", "is not a date and time"),
                new Case("publishedAt", "+999999999-01-01T00:00", "schedule", "is not a date and time"),
                new Case("body", "Intro.\n\n![](/media/2026/11/photo.jpg \"The river\")\n", "submit", "has no alt text"),
                new Case("body", "Pasted\u0000text", "draft", "control character"),
                new Case("body", "Long. ".repeat(90_000), "draft", "Keep the text under 500,000 characters"),
                new Case("tags", "Floods, Weather, bad\u0000tag", "draft", "control character"),
                new Case("tags", "Floods, Weather, " + "x".repeat(81), "draft", "Keep each tag under 80"),
                new Case("title", "", "draft", "needs a headline"))) {
            var form = form(section, author, "Kept headline ✓", bad.action());
            form.put("dek", "Kept dek <b>with markup</b>");
            form.put(bad.field(), bad.value());
            HttpResponse<String> refused = browser.post("/admin/articles/new", form);
            assertEquals(422, refused.statusCode(), bad + ": " + refused.body());
            String html = refused.body();
            assertTrue(html.contains("id=\"" + bad.field() + "-error\""), bad + ": a message at the field");
            assertTrue(html.contains(bad.message()), bad + ": " + html);
            assertTrue(html.contains("Kept dek &lt;b&gt;with markup&lt;/b&gt;"), bad + ": the dek kept, escaped");
            if (!bad.field().equals("title")) {
                assertTrue(html.contains("value=\"Kept headline ✓\""), bad + ": the headline kept");
            }
            assertTrue(html.contains("Floods, Weather"), bad + ": the tags kept");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSaveOverANewerVersionShowsBothAndLosesNothing(TestDatabases database) {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User editor = staff.add(Role.EDITOR);
        AdminBrowser first = staff.signIn(editor);
        long id = created(first.post("/admin/articles/new", form(section, editor, "Budget talks", "draft")));
        Map<String, String> mine = edit(first, id, "draft"); // opened at version 1

        AdminBrowser second = staff.signedIn(Role.EDITOR);
        Map<String, String> theirs = edit(second, id, "draft");
        theirs.put("body", "Their new paragraph about the budget.");
        assertEquals(302, second.post("/admin/articles/" + id, theirs).statusCode());

        mine.put("body", "My own paragraph, typed while they saved.");
        mine.put("title", "Budget talks stall");
        HttpResponse<String> conflict = first.post("/admin/articles/" + id, mine);
        assertEquals(409, conflict.statusCode(), conflict.body());
        String html = conflict.body();
        assertTrue(html.contains("Their new paragraph about the budget."), "theirs shown");
        assertTrue(html.contains("My own paragraph, typed while they saved."), "mine kept");
        assertTrue(html.contains("value=\"Budget talks stall\""), "my headline kept in the form");
        Article stored = site.services().articles().find(id).orElseThrow();
        assertEquals("Their new paragraph about the budget.", stored.bodyMarkdown(), "nothing overwritten");
        assertTrue(html.contains("name=\"version\" value=\"" + stored.version() + "\""), "the form now holds theirs");

        // saving again, knowingly, replaces theirs with mine
        Map<String, String> again = formValues(html);
        again.put("action", "draft");
        assertEquals(302, first.post("/admin/articles/" + id, again).statusCode());
        assertEquals("My own paragraph, typed while they saved.",
                site.services().articles().find(id).orElseThrow().bodyMarkdown());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void pagesAreEditorsAndTheListFindsByStatusTitleAndSection(TestDatabases database) {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR);
        AdminBrowser authorBrowser = staff.signIn(author);
        assertEquals(403, authorBrowser.get("/admin/pages").statusCode());
        assertEquals(403, authorBrowser.get("/admin/pages/new").statusCode());

        created(authorBrowser.post("/admin/articles/new", form(section, author, "Harbour reopens", "publish")));
        created(authorBrowser.post("/admin/articles/new", form(section, author, "Harbour plan drafted", "draft")));
        String drafts = authorBrowser.get("/admin/articles?status=draft&q=harbour").body();
        assertTrue(drafts.contains("Harbour plan drafted"), drafts);
        assertFalse(drafts.contains("Harbour reopens"), drafts);
        String byTitle = authorBrowser.get("/admin/articles?q=REOPENS&section=" + section).body();
        assertTrue(byTitle.contains("Harbour reopens") && !byTitle.contains("Harbour plan drafted"), byTitle);
        // the search index (issue 11): any case typed, the last word also as the start of a word (of the title, the
        // text or a byline: "P" alone would match "Person", the author's name); % and _ typed are no wildcards
        String mixed = authorBrowser.get("/admin/articles?q=hArBoUr+Pl").body();
        assertTrue(mixed.contains("Harbour plan drafted") && !mixed.contains("Harbour reopens"), mixed);
        String wildcard = authorBrowser.get("/admin/articles?q=Harb%25+reop").body();
        assertFalse(wildcard.contains("Harbour reopens"), "a typed % is no wildcard: 'harb' is not a word here");
        HttpResponse<String> badDate = authorBrowser.get("/admin/articles?from=yesterday");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("is not a date"), badDate.body());
        assertTrue(badDate.body().contains("value=\"yesterday\""), "the filter kept");
    }

    /** The editor's form for article {@code id} as this browser sees it, to send with {@code action}. */
    static Map<String, String> edit(AdminBrowser browser, long id, String action) {
        HttpResponse<String> page = browser.get("/admin/articles/" + id);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> values = formValues(page.body());
        values.put("action", action);
        return values;
    }

    private static final Pattern INPUT = Pattern.compile("<input id=\"([^\"]+)\" name=\"([^\"]+)\" type=\"[^\"]+\""
            + "[^>]*?value=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea id=\"([^\"]+)\" name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>",
            Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select id=\"([^\"]+)\" name=\"([^\"]+)\"(.*?)</select>",
            Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected");

    /** The fields of the editor form in {@code html}, as a browser would send them back. */
    static Map<String, String> formValues(String html) {
        String form = html.substring(html.indexOf("<form method=\"post\" action=\"/admin/"), html.indexOf("</form>",
                html.indexOf("id=\"editor\"")));
        var values = new LinkedHashMap<String, String>();
        Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            values.put(hidden.group(1), unescape(hidden.group(2)));
        }
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            values.put(input.group(2), unescape(input.group(3)));
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            values.put(textarea.group(2), unescape(textarea.group(3)));
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(3));
            values.put(select.group(2), selected.find() ? selected.group(1) : "");
        }
        return values;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

}
