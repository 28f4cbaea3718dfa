package dev.byline.web.admin;

import static dev.byline.web.admin.DeskHttpTest.created;
import static dev.byline.web.admin.DeskHttpTest.edit;
import static dev.byline.web.admin.DeskHttpTest.form;
import static dev.byline.web.admin.DeskHttpTest.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.ArticleStatus;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
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
 * The desk's other paths over HTTP: bulk actions (each refusal reported), revisions (list, diff, restore), a
 * correction on a published article, autosave and presence, the preview (the public page's template, unsaved),
 * and paste conversion.
 */
class DeskFlowsHttpTest {

    static final AdminSites SITES = new AdminSites();
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void bulkActionsGoThroughTheDeskAndReportEachRefusal(TestDatabases database) {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR);
        AdminBrowser authorBrowser = staff.signIn(author);
        long a = created(authorBrowser.post("/admin/articles/new", form(section, author, "Bulk one", "draft")));
        long b = created(authorBrowser.post("/admin/articles/new", form(section, author, "Bulk two", "submit")));
        long c = created(authorBrowser.post("/admin/articles/new", form(section, author, "Bulk three", "draft")));
        authorBrowser.get("/admin/articles");
        HttpResponse<String> trashed = authorBrowser.postPairs("/admin/articles/bulk", multi("trash", c));
        assertEquals(200, trashed.statusCode(), trashed.body());
        assertTrue(trashed.body().contains("Moved to the trash: 1 of 1."), trashed.body());
        assertEquals(ArticleStatus.TRASH, site.services().articles().find(c).orElseThrow().status());

        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        editor.get("/admin/articles");
        HttpResponse<String> published = editor.postPairs("/admin/articles/bulk?status=pending",
                multi("publish", a, b, c));
        assertEquals(200, published.statusCode(), published.body());
        String report = published.body();
        assertTrue(report.contains("Published: 2 of 3."), report);
        assertTrue(report.contains("“Bulk three”: it is in the trash: restore it first."), report);
        assertEquals(ArticleStatus.PUBLISHED, site.services().articles().find(a).orElseThrow().status());
        assertEquals(ArticleStatus.PUBLISHED, site.services().articles().find(b).orElseThrow().status());
        // the list shows each row at its version; one changed after the list was shown is refused, not published
        long d = created(authorBrowser.post("/admin/articles/new", form(section, author, "Bulk four", "submit")));
        long shownAt = site.services().articles().find(d).orElseThrow().version();
        assertTrue(editor.get("/admin/articles?status=pending").body()
                .contains("name=\"ids\" value=\"" + d + ":" + shownAt + "\""));
        Map<String, String> rewrite = edit(authorBrowser, d, "submit");
        rewrite.put("body", "Rewritten after the editor loaded the list.");
        assertEquals(302, authorBrowser.post("/admin/articles/" + d, rewrite).statusCode());
        HttpResponse<String> stale = editor.postPairs("/admin/articles/bulk?status=pending",
                List.of(Map.entry("action", "publish"), Map.entry("ids", d + ":" + shownAt)));
        assertTrue(stale.body().contains("Published: 0 of 1."), stale.body());
        assertTrue(stale.body().contains("“Bulk four”: it was changed after this list was shown"), stale.body());
        assertEquals(ArticleStatus.PENDING, site.services().articles().find(d).orElseThrow().status());
        HttpResponse<String> restored = editor.postPairs("/admin/articles/bulk", multi("restore", c));
        assertTrue(restored.body().contains("Restored: 1 of 1."), restored.body());
        assertEquals(ArticleStatus.DRAFT, site.services().articles().find(c).orElseThrow().status());
        // the counts per status
        String list = editor.get("/admin/articles").body();
        assertTrue(Pattern.compile("Trash <span class=\"count\">\\(\\d+\\)").matcher(list).find(), list);
    }

    /**
     * From the trash, for good: the editor's button and the trash list's bulk action; the address of a story that
     * was public still answers 410 to readers; an author may not delete another's article for good.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anArticleInTheTrashIsDeletedForGoodFromItsPageOrInBulk(TestDatabases database) throws Exception {
        Byline site = SITES.site(database);
        long section = section(site);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR);
        AdminBrowser authorBrowser = staff.signIn(author);
        long kept = created(authorBrowser.post("/admin/articles/new", form(section, author, "Kept a while", "publish")));
        long other = created(authorBrowser.post("/admin/articles/new", form(section, author, "Other trashed", "draft")));
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\">View on the site").matcher(
                editor.get("/admin/articles/" + kept).body());
        assertTrue(link.find());
        String publicPath = link.group(1);
        var reader = new dev.byline.support.Http(site.baseUrl());
        assertEquals(200, reader.get(publicPath).statusCode());
        editor.get("/admin/articles");
        editor.postPairs("/admin/articles/bulk", multi("trash", kept, other));

        String page = editor.get("/admin/articles/" + kept).body();
        assertTrue(page.contains("action=\"/admin/articles/" + kept + "/delete\""), page);
        assertFalse(authorBrowser.get("/admin/articles/" + other).body().isEmpty());
        User someoneElse = staff.add(Role.AUTHOR);
        AdminBrowser stranger = staff.signIn(someoneElse);
        stranger.get("/admin/articles");
        assertEquals(403, stranger.post("/admin/articles/" + other + "/delete", Map.of()).statusCode());

        HttpResponse<String> deleted = editor.post("/admin/articles/" + kept + "/delete", Map.of());
        assertEquals(302, deleted.statusCode(), deleted.body());
        assertTrue(editor.follow(deleted).body().contains("“Kept a while” is deleted for good."));
        assertTrue(site.services().articles().find(kept).isEmpty());
        assertEquals(410, reader.get(publicPath).statusCode(), "readers are told it is gone: " + publicPath);

        assertTrue(editor.get("/admin/articles?status=trash").body().contains("<option value=\"delete\">Delete for good"));
        assertFalse(editor.get("/admin/articles").body().contains("<option value=\"delete\">"),
                "offered only on the trash's list");
        HttpResponse<String> bulk = editor.postPairs("/admin/articles/bulk?status=trash", multi("delete", other));
        assertTrue(bulk.body().contains("Deleted for good: 1 of 1."), bulk.body());
        assertTrue(site.services().articles().find(other).isEmpty());
        HttpResponse<String> notTrash = editor.postPairs("/admin/articles/bulk", multi("delete",
                created(editor.post("/admin/articles/new", form(section, author, "Not in the trash", "draft")))));
        assertTrue(notTrash.body().contains("Only an article in the trash can be deleted for good"), notTrash.body());
    }

    @Test
    void revisionsListDiffAndRestore() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        long section = section(site);
        var staff = new Staff(site);
        User editor = staff.add(Role.EDITOR);
        AdminBrowser browser = staff.signIn(editor);
        var first = form(section, editor, "Rates rise", "draft");
        first.put("body", "The bank raised rates.\n\nMarkets fell.");
        long id = created(browser.post("/admin/articles/new", first));
        Map<String, String> second = edit(browser, id, "draft");
        second.put("body", "The central bank raised rates.\n\nMarkets fell.");
        assertEquals(302, browser.post("/admin/articles/" + id, second).statusCode());

        String list = browser.get("/admin/revisions/" + id).body();
        assertTrue(list.contains(editor.email()) || list.contains(editor.displayName()), list);
        Matcher ids = Pattern.compile("<option value=\"(\\d+)\"").matcher(list);
        assertTrue(ids.find());
        long newer = Long.parseLong(ids.group(1));
        assertTrue(ids.find());
        long older = Long.parseLong(ids.group(1));
        // each line links to what that revision changed; the first, to what changed since it
        assertTrue(list.contains("href=\"/admin/revisions/" + id + "?from=" + older + "&amp;to=" + newer + "\""), list);
        assertTrue(list.split("\\?from=" + older + "&amp;to=" + newer, -1).length == 3,
                "both the newest and the first link to the diff between them: " + list);
        assertFalse(list.contains("?from=" + older + "&amp;to=" + older), "no line compares a revision with itself");
        HttpResponse<String> diff = browser.get("/admin/revisions/" + id + "?from=" + older + "&to=" + newer);
        assertEquals(200, diff.statusCode(), diff.body());
        assertTrue(diff.body().contains("<ins>central </ins>") || diff.body().contains("<ins>central</ins>"),
                diff.body());

        long version = site.services().articles().find(id).orElseThrow().version();
        HttpResponse<String> restored = browser.post("/admin/articles/" + id + "/revisions/restore",
                Map.of("revision", String.valueOf(older), "version", String.valueOf(version)));
        assertEquals(302, restored.statusCode(), restored.body());
        assertEquals("The bank raised rates.\n\nMarkets fell.",
                site.services().articles().find(id).orElseThrow().bodyMarkdown());
        assertEquals(400, browser.get("/admin/revisions/" + id + "?from=x&to=1").statusCode());
    }

    @Test
    void editorsAddACorrectionToAPublishedArticle() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        long section = section(site);
        var staff = new Staff(site);
        User editor = staff.add(Role.EDITOR);
        AdminBrowser browser = staff.signIn(editor);
        long id = created(browser.post("/admin/articles/new", form(section, editor, "Mayor elected", "publish")));
        String page = browser.get("/admin/articles/" + id).body();
        assertTrue(page.contains("Corrections and updates"), page);
        HttpResponse<String> empty = browser.post("/admin/articles/" + id + "/notes",
                Map.of("noteKind", "correction", "noteText", " ", "placement", "top"));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("id=\"noteText-error\""), empty.body());
        HttpResponse<String> added = browser.post("/admin/articles/" + id + "/notes", Map.of("noteKind",
                "correction", "noteText", "An earlier version misspelled the mayor's name.", "placement", "foot"));
        assertEquals(302, added.statusCode(), added.body());
        assertEquals(1, site.services().articles().notes(id).size());
        assertTrue(browser.get("/admin/articles/" + id).body().contains("misspelled the mayor"));

        AdminBrowser author = staff.signedIn(Role.AUTHOR);
        assertEquals(403, author.post("/admin/articles/" + id + "/notes", Map.of("noteKind", "update",
                "noteText", "Not mine to add.", "placement", "foot")).statusCode());
    }

    @Test
    void autosavePresencePreviewAndPaste() throws Exception {
        Byline site = SITES.site(TestDatabases.SQLITE);
        long section = section(site);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR);
        AdminBrowser browser = staff.signIn(author);
        browser.get("/admin/articles/new");

        var typed = form(section, author, "Autosaved headline", "draft");
        typed.remove("action");
        HttpResponse<String> first = browser.post("/admin/articles/autosave", typed);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode saved = JSON.readTree(first.body());
        long id = saved.get("articleId").asLong();
        assertEquals(ArticleStatus.DRAFT, site.services().articles().find(id).orElseThrow().status());
        typed.put("id", String.valueOf(id));
        typed.put("version", saved.get("version").asText());
        typed.put("body", "Typed on after the first autosave.");
        assertEquals(200, browser.post("/admin/articles/autosave", typed).statusCode());
        typed.put("title", "Broken\u0000paste");
        HttpResponse<String> control = browser.post("/admin/articles/autosave", typed);
        assertEquals(422, control.statusCode(), control.body());
        assertTrue(control.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(control.body().contains("control character"), control.body());
        typed.put("title", "Autosaved headline");
        assertFalse(site.services().articles().find(id).orElseThrow().bodyMarkdown().contains("Typed on"),
                "an autosave of an existing article leaves the live one alone");
        String reopened = browser.get("/admin/articles/" + id).body();
        assertTrue(reopened.contains("You have an autosave of"), "the editor offers the newer autosave");
        assertTrue(reopened.contains("href=\"/admin/revisions/" + id + "?from="), reopened);

        // a second editor in the same article sees the first
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        editor.get("/admin/articles/" + id);
        browser.get("/admin/articles/" + id);
        HttpResponse<String> here = browser.post("/admin/articles/" + id + "/here", Map.of());
        assertEquals(200, here.statusCode(), here.body());
        assertEquals(1, JSON.readTree(here.body()).get("others").size(), here.body());
        assertTrue(browser.get("/admin/articles/" + id).body().contains("Also editing this now"));

        var preview = new LinkedHashMap<>(typed);
        preview.put("body", "## Preview heading\n\nPreviewed **body**.");
        preview.put("title", "Not saved headline");
        HttpResponse<String> shown = browser.post("/admin/articles/preview", preview);
        assertEquals(200, shown.statusCode(), shown.body());
        assertTrue(shown.body().contains("Not saved headline"), shown.body());
        assertTrue(shown.body().contains("<strong>body</strong>"), shown.body());
        assertTrue(shown.headers().firstValue("Content-Security-Policy").orElseThrow()
                .contains("frame-ancestors 'self'"));
        assertEquals("Autosaved headline", site.services().articles().find(id).orElseThrow().title());

        HttpResponse<String> pasted = browser.postJson("/admin/articles/paste",
                "{\"html\":\"<p>A <b>bold</b> claim<script>x()</script></p>\"}");
        assertEquals(200, pasted.statusCode(), pasted.body());
        assertEquals("A **bold** claim", JSON.readTree(pasted.body()).get("markdown").asText());
        assertEquals(403, browser.postJsonWithoutToken("/admin/articles/paste", "{\"html\":\"<p>x</p>\"}")
                .statusCode());
    }

    private static java.util.List<Map.Entry<String, String>> multi(String action, long... ids) {
        var form = new java.util.ArrayList<Map.Entry<String, String>>();
        form.add(Map.entry("action", action));
        for (long id : ids) {
            form.add(Map.entry("ids", String.valueOf(id)));
        }
        return form;
    }
}
