package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remove the demo content" on the settings page, over HTTP, on a site with the demo: an editor is refused, a
 * removal the newsroom's own content stands in the way of is refused and says why, keeping what is used removes
 * the rest, the public site drops the demo at once, and the removal is in the activity log.
 */
class DemoRemovalPageHttpTest {

    static final String PASSWORD = "violet kettle harbour 42";
    static final String NOTICE = "<aside class=\"demo-notice\"";

    @TempDir
    Path dir;
    Byline byline;

    @BeforeEach
    void start() {
        byline = Byline.start(TestConfigs.forTests(dir).withDemo(true),
                new MutableClock(Instant.parse("2026-01-15T12:00:00Z")));
        for (String role : List.of("administrator", "editor")) {
            byline.services().accounts().service().add(Actor.commandLine(),
                    new NewUser(role + "@example.org", "A " + role, role), PASSWORD);
        }
    }

    @AfterEach
    void stop() {
        byline.close();
    }

    AdminBrowser signedIn(String role) {
        var browser = new AdminBrowser(byline.baseUrl());
        assertEquals(302, browser.login(role + "@example.org", PASSWORD).statusCode());
        return browser;
    }

    @Test
    void anAdministratorRemovesTheDemoKeepingWhatTheNewsroomUses() {
        var site = new Http(byline.baseUrl());
        assertTrue(site.get("/").body().contains(NOTICE));
        var services = byline.services();
        var world = services.taxonomy().findSectionBySlug("world").orElseThrow();
        var anyDemo = services.articles().latest(1, 1).items().getFirst();
        services.articles().save(new ArticleDraft(0, "Harbour reopens after the storm", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), anyDemo.authorIds(), List.of(), null));

        var editor = signedIn("editor");
        var refused = editor.post("/admin/settings/demo", Map.of());
        assertEquals(403, refused.statusCode());
        assertTrue(services.demoRemoval().present(), "an editor removed nothing");

        var admin = signedIn("administrator");
        String page = admin.get("/admin/settings").body();
        assertTrue(page.contains("Remove the demo content</button>"));
        var inUse = admin.post("/admin/settings/demo", Map.of());
        assertEquals(409, inUse.statusCode());
        assertTrue(inUse.body().contains("Nothing was removed: your own content uses demo items."));
        assertTrue(inUse.body().contains("section “World” holds the article “Harbour reopens after the storm”"),
                inUse.body());
        assertTrue(inUse.body().contains("<input type=\"hidden\" name=\"keep_used\" value=\"on\">"));
        assertTrue(site.get("/").body().contains(NOTICE), "nothing removed yet");

        var removed = admin.post("/admin/settings/demo", Map.of("keep_used", "on"));
        assertEquals(302, removed.statusCode(), removed.body());
        String after = admin.get("/admin/settings").body();
        assertTrue(after.contains("<p class=\"flash\" role=\"status\">Removed the demo content: "), after);
        assertTrue(after.contains("There is no demo content on this site."));
        String home = site.get("/").body();
        assertFalse(home.contains(NOTICE), "the public site drops the demo at once");
        assertTrue(home.contains("Harbour reopens after the storm"), "the newsroom's own article stays");
        assertTrue(site.get("/section/world/").statusCode() == 200, "its section was kept as the newsroom's");

        var log = services.accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter(Activity.DEMO_REMOVED, 0, null, null, 1, 10)).entries();
        assertEquals(1, log.size());
        assertEquals("administrator@example.org", log.getFirst().actor());
        assertTrue(log.getFirst().detail().contains("kept as the newsroom's own because its content uses them"));

        assertEquals(302, admin.post("/admin/settings/demo", Map.of()).statusCode());
        assertTrue(admin.get("/admin/settings").body().contains("There is no demo content to remove."));
        assertEquals(1, services.accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter(Activity.DEMO_REMOVED, 0, null, null, 1, 10)).total(), "nothing to log twice");
    }
}
