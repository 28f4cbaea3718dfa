package dev.byline.web.admin;

import static dev.byline.web.admin.DeskHttpTest.created;
import static dev.byline.web.admin.DeskHttpTest.form;
import static dev.byline.web.admin.DeskHttpTest.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A NUL (or another control character) typed or pasted anywhere: PostgreSQL refuses NUL in text outright, so each
 * place that once let one reach SQL answered 500 there. Now a search box or filter answers 400 and a form field
 * 422 with its message, on both databases.
 */
class ControlCharactersHttpTest {

    static final AdminSites SITES = new AdminSites();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aControlCharacterInASearchBoxOrAFieldIsRefusedWithAMessage(TestDatabases db) {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        User editor = staff.add(Role.EDITOR);
        AdminBrowser browser = staff.signIn(editor);
        long id = created(browser.post("/admin/articles/new", form(section(site), editor, "Nul story", "publish")));

        for (String path : List.of("/admin/media?q=%00", "/admin/media.json?q=a%00b", "/admin/tags?q=%00",
                "/admin/front-page?q=%00", "/admin/articles?q=%01", "/admin/comments?status=%00",
                "/admin/sections?q=%7F")) {
            HttpResponse<String> refused = browser.get(path);
            assertEquals(400, refused.statusCode(), path + ": " + refused.body());
            assertTrue(refused.body().contains("control character"), path + ": " + refused.body());
        }
        HttpResponse<String> reader = new Http(site.baseUrl()).get("/?q=%00");
        assertEquals(400, reader.statusCode(), "the public site too");
        assertTrue(reader.body().contains("control character"), reader.body());
        assertEquals(200, browser.get("/admin/media?q=r%C3%A9sum%C3%A9%20%E2%80%8F").statusCode(),
                "letters of any script and a right-to-left mark are not controls");

        HttpResponse<String> note = browser.post("/admin/articles/" + id + "/notes", Map.of("noteKind",
                "correction", "noteText", "An earlier\u0000 version", "placement", "foot"));
        assertEquals(422, note.statusCode(), note.body());
        assertTrue(note.body().contains("id=\"noteText-error\""), note.body());
        assertEquals(0, site.services().articles().notes(id).size());

        long tag = site.services().taxonomy().tags(site.services().articles().find(id).orElseThrow().tagIds())
                .getFirst().id();
        browser.get("/admin/tags/" + tag);
        HttpResponse<String> merge = browser.post("/admin/tags/" + tag + "/merge", Map.of("into", "a\u0000b"));
        assertEquals(422, merge.statusCode(), merge.body());
        assertTrue(merge.body().contains("id=\"into-error\">This has a control character in it"), merge.body());
    }
}
