package dev.byline.web.admin;

import static dev.byline.web.admin.PeopleHttpTest.assertForbidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.people.Author;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /admin/sections, /admin/tags, /admin/menus and /admin/front-page over HTTP, on both databases: who may open
 * them and act there (the services refuse the others too: SectionServiceTest and the rest), bad input refused at
 * its field with what was typed kept, a change made from an old page refused with 409, and what readers see at
 * once on the public site: old addresses answering 301, the menus in the header and footer, the front page's picks.
 */
class StructureHttpTest {

    static final AdminSites SITES = new AdminSites();
    static final AtomicInteger COUNTER = new AtomicInteger();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyEditorsAndAdministratorsOpenThePagesAndAct(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        Section section = site.services().taxonomy().saveSection(new Section(0, "", "Roles " + n(), "", null, 0));
        Tag tag = site.services().taxonomy().tag("Roles tag " + n());
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            AdminBrowser browser = staff.signedIn(role);
            HttpResponse<String> home = browser.get("/admin/");
            assertEquals(200, home.statusCode(), "the dashboard");
            String dashboard = home.body();
            for (String page : List.of("/admin/sections", "/admin/tags", "/admin/menus", "/admin/front-page")) {
                assertFalse(dashboard.contains("href=\"" + page + "\""), role + ": no " + page + " in the nav");
                assertForbidden(browser.get(page), role);
            }
            assertForbidden(browser.get("/admin/sections/" + section.id()), role);
            assertForbidden(browser.get("/admin/tags/" + tag.id()), role);
            assertForbidden(browser.post("/admin/sections", Map.of("name", "Sneaky", "slug", "", "parentId", "",
                    "description", "")), role);
            assertForbidden(browser.post("/admin/sections/" + section.id(), Map.of("name", "Renamed", "slug",
                    "renamed", "parentId", "", "description", "")), role);
            assertForbidden(browser.post("/admin/sections/" + section.id() + "/delete", Map.of()), role);
            assertForbidden(browser.post("/admin/tags/" + tag.id() + "/delete", Map.of()), role);
            assertForbidden(browser.post("/admin/menus/footer/items", Map.of("version", "0", "kind", "link", "url",
                    "/x/", "label", "X")), role);
            assertForbidden(browser.post("/admin/front-page/lead/clear", Map.of("version", "0")), role);
        }
        assertEquals(section, site.services().taxonomy().findSection(section.id()).orElseThrow());
        assertEquals(tag, site.services().taxonomy().findTag(tag.id()).orElseThrow());

        for (Role role : List.of(Role.EDITOR, Role.ADMINISTRATOR)) {
            AdminBrowser browser = staff.signedIn(role);
            HttpResponse<String> home = browser.get("/admin/");
            assertEquals(200, home.statusCode(), "the dashboard");
            String dashboard = home.body();
            for (String page : List.of("/admin/sections", "/admin/tags", "/admin/menus", "/admin/front-page")) {
                assertTrue(dashboard.contains("href=\"" + page + "\""), role + ": " + page + " in the nav");
                HttpResponse<String> response = browser.get(page);
                assertEquals(200, response.statusCode(), role + " " + page);
                assertTrue(response.body().contains("aria-current=\"page\""), "the nav marks " + page);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sectionsAreCreatedRenamedMovedAndDeletedOnlyWhenEmpty(TestDatabases database) {
        Byline site = SITES.site(database);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        var reader = new Http(site.baseUrl());
        int n = n();
        editor.get("/admin/sections");

        HttpResponse<String> empty = editor.post("/admin/sections", Map.of("name", " ", "slug", "Not A Slug!",
                "parentId", "", "description", "Kept <b>as typed</b>"));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("<p class=\"field-error\" id=\"name-error\">A section needs a name.</p>"));
        assertTrue(empty.body().contains("id=\"slug-error\">Use lower-case letters, digits and hyphens"));
        assertTrue(empty.body().contains("value=\"Not A Slug!\""), "the slug as typed");
        assertTrue(empty.body().contains("Kept &lt;b"), "the description as typed");
        HttpResponse<String> lost = editor.post("/admin/sections", Map.of("name", "Lost", "slug", "", "parentId",
                "nine", "description", ""));
        assertEquals(422, lost.statusCode());
        assertTrue(lost.body().contains("Choose the parent section from the list."));

        HttpResponse<String> created = editor.post("/admin/sections", Map.of("name", "City " + n, "slug", "",
                "parentId", "", "description", ""));
        assertEquals(302, created.statusCode());
        assertTrue(editor.follow(created).body().contains("Section “City " + n + "” created, at /section/city-" + n
                + "/."));
        Section city = site.services().taxonomy().findSectionBySlug("city-" + n).orElseThrow();
        Section borough = site.services().taxonomy().saveSection(new Section(0, "", "Borough " + n, "", city.id(), 0));
        Article story = publish(site, "Bridge " + n + " reopens", city);
        assertEquals(200, reader.get("/section/city-" + n + "/").statusCode());

        // renamed with a new slug: the old address answers 301 to the new one, page numbers kept
        editor.get("/admin/sections/" + city.id());
        HttpResponse<String> renamed = editor.post("/admin/sections/" + city.id(), Map.of("name", "Metro " + n,
                "slug", "metro-" + n, "parentId", "", "description", "The city desk."));
        assertEquals(302, renamed.statusCode());
        assertTrue(editor.follow(renamed).body().contains("its old address /section/city-" + n
                + "/ now leads to /section/metro-" + n + "/."));
        HttpResponse<String> old = reader.get("/section/city-" + n + "/");
        assertEquals(301, old.statusCode());
        assertEquals("/section/metro-" + n + "/", old.headers().firstValue("Location").orElseThrow());
        assertEquals("/section/metro-" + n + "/?page=2", reader.get("/section/city-" + n + "/?page=2").headers()
                .firstValue("Location").orElseThrow());
        assertTrue(reader.get("/section/metro-" + n + "/").body().contains("Bridge " + n + " reopens"));

        // under its own subsection: refused at the field, what was typed kept
        HttpResponse<String> cycle = editor.post("/admin/sections/" + city.id(), Map.of("name", "Metro " + n
                + " (typed)", "slug", "metro-" + n, "parentId", String.valueOf(borough.id()), "description", ""));
        assertEquals(422, cycle.statusCode());
        assertTrue(cycle.body().contains("id=\"parentId-error\">A section cannot sit inside one of its own "
                + "subsections.</p>"), cycle.body());
        assertTrue(cycle.body().contains("value=\"Metro " + n + " (typed)\""));
        HttpResponse<String> clash = editor.post("/admin/sections/" + borough.id(), Map.of("name", "Borough",
                "slug", "metro-" + n, "parentId", String.valueOf(city.id()), "description", ""));
        assertEquals(422, clash.statusCode());
        assertTrue(clash.body().contains("Another section already uses the slug “metro-" + n + "”."));

        // not empty: refused, saying what is in it
        editor.get("/admin/sections");
        HttpResponse<String> full = editor.post("/admin/sections/" + city.id() + "/delete", Map.of());
        assertEquals(422, full.statusCode());
        assertTrue(full.body().contains("“Metro " + n + "” still holds 1 section (Borough " + n + ") and 1 article "
                + "(1 published)."), full.body());
        HttpResponse<String> gone = editor.post("/admin/sections/" + borough.id() + "/delete", Map.of());
        assertEquals(302, gone.statusCode());
        assertTrue(site.services().taxonomy().findSection(borough.id()).isEmpty());
        assertEquals(404, editor.get("/admin/sections/" + borough.id()).statusCode());
        assertEquals(404, editor.get("/admin/sections/x").statusCode());
        assertTrue(site.services().articles().find(story.id()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sectionsMoveUpAndDownWithoutScript(TestDatabases database) {
        Byline site = SITES.site(database);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        int n = n();
        Section parent = site.services().taxonomy().saveSection(new Section(0, "", "Parent " + n, "", null, 0));
        Section first = site.services().taxonomy().saveSection(new Section(0, "", "First " + n, "", parent.id(), 0));
        Section second = site.services().taxonomy().saveSection(new Section(0, "", "Second " + n, "", parent.id(), 1));
        String page = editor.get("/admin/sections").body();
        assertTrue(page.indexOf("First " + n) < page.indexOf("Second " + n));
        assertFalse(page.contains("action=\"/admin/sections/" + first.id() + "/up\""), "the first has no Up");
        HttpResponse<String> up = editor.post("/admin/sections/" + second.id() + "/up", Map.of());
        assertEquals(302, up.statusCode());
        assertEquals("/admin/sections#section-" + second.id(), up.headers().firstValue("Location").orElseThrow());
        page = editor.get("/admin/sections").body();
        assertTrue(page.indexOf("Second " + n) < page.indexOf("First " + n));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void tagsAreListedRenamedMergedAndDeleted(TestDatabases database) {
        Byline site = SITES.site(database);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        var reader = new Http(site.baseUrl());
        int n = n();
        Section section = site.services().taxonomy().saveSection(new Section(0, "", "Tags " + n, "", null, 0));
        publish(site, "Harvest " + n, section, "Wheat " + n, "Grain " + n);
        publish(site, "Prices " + n, section, "Wheat " + n);
        Tag wheat = site.services().taxonomy().findTagBySlug("wheat-" + n).orElseThrow();
        Tag grain = site.services().taxonomy().findTagBySlug("grain-" + n).orElseThrow();

        String list = editor.get("/admin/tags?q=wheat+" + n).body();
        assertTrue(list.contains("<a href=\"/admin/tags/" + wheat.id() + "\">Wheat " + n + "</a>"), list);
        assertTrue(list.contains("<td data-label=\"Articles\">2</td>"));
        assertFalse(list.contains("Grain " + n));

        editor.get("/admin/tags/" + wheat.id());
        HttpResponse<String> bad = editor.post("/admin/tags/" + wheat.id(), Map.of("name", "", "slug", "grain-" + n,
                "description", ""));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"name-error\">A tag needs a name.</p>"));
        HttpResponse<String> renamed = editor.post("/admin/tags/" + wheat.id(), Map.of("name", "Wheat harvest " + n,
                "slug", "wheat-harvest-" + n, "description", ""));
        assertEquals(302, renamed.statusCode());
        HttpResponse<String> old = reader.get("/tag/wheat-" + n + "/");
        assertEquals(301, old.statusCode());
        assertEquals("/tag/wheat-harvest-" + n + "/", old.headers().firstValue("Location").orElseThrow());

        editor.get("/admin/tags/" + grain.id());
        HttpResponse<String> nowhere = editor.post("/admin/tags/" + grain.id() + "/merge", Map.of("into",
                "Nothing like it " + n));
        assertEquals(422, nowhere.statusCode());
        assertTrue(nowhere.body().contains("id=\"into-error\">There is no tag “Nothing like it " + n + "”.</p>"));
        assertTrue(nowhere.body().contains("value=\"Nothing like it " + n + "\""));
        HttpResponse<String> merged = editor.post("/admin/tags/" + grain.id() + "/merge", Map.of("into",
                "wheat-harvest-" + n));
        assertEquals(302, merged.statusCode());
        assertEquals("/admin/tags/" + wheat.id(), merged.headers().firstValue("Location").orElseThrow());
        assertEquals("/tag/wheat-harvest-" + n + "/", reader.get("/tag/grain-" + n + "/").headers()
                .firstValue("Location").orElseThrow());
        assertEquals(404, editor.get("/admin/tags/" + grain.id()).statusCode());

        HttpResponse<String> deleted = editor.post("/admin/tags/" + wheat.id() + "/delete", Map.of());
        assertEquals(302, deleted.statusCode());
        assertEquals(404, reader.get("/tag/wheat-harvest-" + n + "/").statusCode());
        assertEquals(404, reader.get("/tag/grain-" + n + "/").statusCode(), "its old slugs went with it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theMenusAreEditedWithoutScriptAndShownOnEveryPage(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        var reader = new Http(site.baseUrl());
        int n = n();
        Section section = site.services().taxonomy().saveSection(new Section(0, "", "Menus " + n, "", null, 0));
        publish(site, "Menu story " + n, section);

        String menus = editor.get("/admin/menus").body();
        long footer = version(menus, "/admin/menus/footer/items");
        HttpResponse<String> bad = editor.post("/admin/menus/footer/items", Map.of("version", String.valueOf(footer),
                "kind", "link", "url", "javascript:alert(1)", "label", "Click <me>", "parentId", ""));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"footer-url-error\">Use a path on this site such as /about/"), bad.body());
        assertTrue(bad.body().contains("value=\"javascript:alert(1)\""), "the address as typed");
        assertTrue(bad.body().contains("value=\"Click &lt;me>\""), "the label as typed");
        assertTrue(bad.body().contains("<input type=\"radio\" name=\"kind\" value=\"link\" checked>"));

        HttpResponse<String> added = editor.post("/admin/menus/footer/items", Map.of("version", String.valueOf(footer),
                "kind", "link", "url", "/about-" + n + "/", "label", "About " + n, "parentId", ""));
        assertEquals(302, added.statusCode());
        assertEquals("/admin/menus#footer", added.headers().firstValue("Location").orElseThrow());
        String home = reader.get("/").body();
        assertTrue(home.contains("<nav class=\"footer-menu\" aria-label=\"Footer\">"), home);
        assertTrue(home.contains("<a href=\"/about-" + n + "/\">About " + n + "</a>"));
        assertTrue(reader.get("/section/menus-" + n + "/").body().contains("About " + n), "on every page");

        // a second editor with the page open from before: refused, what they typed kept, the menu as it is now
        HttpResponse<String> stale = editor.post("/admin/menus/footer/items", Map.of("version", String.valueOf(footer),
                "kind", "link", "url", "/contact-" + n + "/", "label", "Contact " + n, "parentId", ""));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("Someone changed the footer menu after you opened this page"));
        assertTrue(stale.body().contains("value=\"/contact-" + n + "/\""));
        assertTrue(stale.body().contains("About " + n), "the menu as it is now");
        assertFalse(reader.get("/").body().contains("Contact " + n));

        // the header: the top-level sections until made the newsroom's own; then an item nested under another
        menus = editor.get("/admin/menus").body();
        assertTrue(reader.get("/").body().contains("<a href=\"/section/menus-" + n + "/\">Menus " + n + "</a>"));
        long header = version(menus, "/admin/menus/header/items");
        assertEquals(302, editor.post("/admin/menus/header/items", Map.of("version", String.valueOf(header), "kind",
                "link", "url", "https://example.org/", "label", "Sister paper " + n, "parentId", "")).statusCode());
        menus = editor.get("/admin/menus").body();
        Matcher item = Pattern.compile("action=\"/admin/menus/header/items/(\\d+)/nest\"").matcher(menus);
        String last = null;
        while (item.find()) {
            last = item.group(1);
        }
        assertEquals(302, editor.post("/admin/menus/header/items/" + last + "/nest", Map.of("version",
                String.valueOf(version(menus, "/admin/menus/header/items")))).statusCode());
        home = reader.get("/").body();
        assertTrue(home.contains("<ul class=\"subsections\">"), home);
        assertTrue(home.contains("<li><a href=\"https://example.org/\">Sister paper " + n + "</a></li>"));
        HttpResponse<String> unknown = editor.post("/admin/menus/header/items/99999/remove", Map.of("version",
                String.valueOf(version(editor.get("/admin/menus").body(), "/admin/menus/header/items"))));
        assertEquals(404, unknown.statusCode());
        assertEquals(404, editor.post("/admin/menus/sidebar/items", Map.of("version", "0")).statusCode());
        assertEquals(400, editor.post("/admin/menus/footer/items", Map.of("kind", "link")).statusCode());

        // back to the default
        menus = editor.get("/admin/menus").body();
        assertEquals(302, editor.post("/admin/menus/header/reset", Map.of("version",
                String.valueOf(version(menus, "/admin/menus/header/items")))).statusCode());
        assertFalse(reader.get("/").body().contains("Sister paper " + n));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPublishedPageGoesInAMenuAndLeavesItWhenTrashed(TestDatabases database) {
        Byline site = SITES.site(database);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        var reader = new Http(site.baseUrl());
        int n = n();
        Author author = site.services().authors().save(new Author(0, "", "Page Writer " + n, "", null));
        Article page = site.services().articles().save(new ArticleDraft(0, "Corrections policy " + n, "", "", "How we "
                + "correct.", "", null, ArticleStatus.PUBLISHED, null, List.of(author.id()), List.of(), null, 0, "", "",
                dev.byline.article.Kind.PAGE));
        String menus = editor.get("/admin/menus").body();
        assertTrue(menus.contains("<input type=\"radio\" name=\"kind\" value=\"page\">"), "pages can be chosen");
        assertTrue(menus.contains("<option value=\"" + page.id() + "\">Corrections policy " + n + "</option>"));
        HttpResponse<String> added = editor.post("/admin/menus/footer/items", Map.of("version",
                String.valueOf(version(menus, "/admin/menus/footer/items")), "kind", "page", "articleId",
                String.valueOf(page.id()), "url", "", "label", "", "parentId", ""));
        assertEquals(302, added.statusCode());
        String link = "<a href=\"/" + page.slug() + "/\">Corrections policy " + n + "</a>";
        assertTrue(reader.get("/").body().contains(link), "in the footer of every page");
        assertTrue(reader.get("/" + page.slug() + "/").body().contains("<a href=\"/" + page.slug()
                + "/\" aria-current=\"page\">Corrections policy " + n + "</a>"), "marked on the page itself");

        site.services().desk().trash(Actor.commandLine(), page.id(), page.version());
        assertFalse(reader.get("/").body().contains(link), "gone from the footer at once");
        assertTrue(editor.get("/admin/menus").body().contains("Page: Corrections policy " + n
                + " (not published) (readers do not see it)"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void editorsPickTheLeadAndPinStoriesAndUnpublishedOnesLeave(TestDatabases database) {
        Byline site = SITES.site(database);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        var reader = new Http(site.baseUrl());
        int n = n();
        Section section = site.services().taxonomy().saveSection(new Section(0, "", "Front " + n, "", null, 0));
        Article older = publish(site, "Older front story " + n, section);
        Article pinned = publish(site, "Pinned front story " + n, section);
        for (int i = 0; i < 12; i++) {
            publish(site, "Filler " + n + "-" + i, section);
        }
        assertFalse(reader.get("/").body().contains("Older front story " + n), "too old for the first page");

        String desk = editor.get("/admin/front-page?q=front+story+" + n).body();
        assertTrue(desk.contains("Older front story " + n) && desk.contains("Pinned front story " + n), desk);
        long version = version(desk, "/admin/front-page/pin");
        HttpResponse<String> pin = editor.post("/admin/front-page/pin", Map.of("version", String.valueOf(version),
                "articleId", String.valueOf(pinned.id()), "q", "front story " + n));
        assertEquals(302, pin.statusCode());
        assertEquals("/admin/front-page?q=front+story+" + n, pin.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> lead = editor.post("/admin/front-page/lead", Map.of("version", String.valueOf(version + 1),
                "articleId", String.valueOf(older.id())));
        assertEquals(302, lead.statusCode());
        String home = reader.get("/").body();
        assertTrue(home.indexOf("Older front story " + n) < home.indexOf("id=\"pinned-heading\""), "the lead first");
        assertTrue(home.indexOf("Pinned front story " + n) > home.indexOf("id=\"pinned-heading\""));
        assertTrue(home.indexOf("Pinned front story " + n) < home.indexOf("id=\"latest-heading\""));

        HttpResponse<String> stale = editor.post("/admin/front-page/lead/clear", Map.of("version",
                String.valueOf(version)));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("Someone changed the front page after you opened this page"));
        HttpResponse<String> nonsense = editor.post("/admin/front-page/pin", Map.of("version",
                String.valueOf(version + 2), "articleId", "not a number"));
        assertEquals(422, nonsense.statusCode());
        assertTrue(nonsense.body().contains("Choose a story from the list."));
        HttpResponse<String> unknown = editor.post("/admin/front-page/pin", Map.of("version",
                String.valueOf(version + 2), "articleId", "999999"));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("Only a published story can go on the front page"));

        // unpublished: off the front page at once
        Article current = site.services().articles().find(pinned.id()).orElseThrow();
        site.services().articles().save(new ArticleDraft(current.id(), current.title(), current.dek(),
                current.slug(), current.bodyMarkdown(), current.excerpt(), null, ArticleStatus.DRAFT,
                current.sectionId(), current.authorIds(), List.of(), null, current.version()));
        home = reader.get("/").body();
        assertFalse(home.contains("Pinned front story " + n));
        assertFalse(editor.get("/admin/front-page").body().contains("Pinned front story " + n));
    }

    /** The version a form for {@code action} carries. */
    private static long version(String page, String action) {
        Matcher matcher = Pattern.compile("action=\"" + Pattern.quote(action) + "\"[^>]*>\\s*<input type=\"hidden\" "
                + "name=\"csrf\" value=\"[^\"]*\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\"")
                .matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no form for " + action + " in " + page);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static Article publish(Byline site, String title, Section section, String... tags) {
        List<Author> authors = site.services().authors().all();
        Author author = authors.isEmpty() ? site.services().authors().save(new Author(0, "", "Desk Writer", "", null))
                : authors.getFirst();
        return site.services().articles().save(new ArticleDraft(0, title, "", "", "Text of " + title + ".", "", null,
                ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(tags), null));
    }

    private static int n() {
        return COUNTER.incrementAndGet();
    }
}
