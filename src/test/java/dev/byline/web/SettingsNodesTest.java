package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.config.Config;
import dev.byline.settings.SettingsService;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings on two nodes sharing one PostgreSQL: saved on one, in force on the other as soon as its change follower
 * reads the change (the test reads it at once with {@code catchUp} instead of waiting for the NOTIFY), with no page
 * cached before the save served after it.
 */
class SettingsNodesTest {

    static final Pattern TEASER = Pattern.compile("<article class=\"(teaser|lead-story)\"");

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));
    static Byline nodeA;
    static Byline nodeB;

    @BeforeAll
    static void start() {
        Config config = TestDatabases.POSTGRES.config(dirA).withDemo(true);
        nodeA = Byline.start(config, clock);
        nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), true, config.zone(), config.siteName(), config.smtp()), clock);
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void aTitleSavedOnOneNodeShowsOnTheOthersNextPage() {
        var onB = new Http(nodeB.baseUrl());
        String before = onB.get("/").body();
        assertTrue(before.contains("<title>Byline Test</title>") && before.contains("<html lang=\"en\" dir=\"ltr\">"));
        assertEquals(10, teasers(before));
        assertEquals(200, onB.get("/section/world/").statusCode());
        assertTrue(nodeB.services().pageCache().get("/").isPresent(), "node B has the home page cached");
        assertTrue(nodeB.services().pageCache().get("/section/world/").isPresent());

        SettingsService settingsOnA = nodeA.services().settings();
        settingsOnA.save(Actor.commandLine(), settingsOnA.form(Actor.commandLine()).with("site_title", "صدای بندر")
                .with("language", "fa").with("per_page", "4"));
        nodeB.catchUp();

        assertEquals("صدای بندر", nodeB.services().settings().current().siteTitle(), "node B read the new settings");
        assertTrue(nodeB.services().pageCache().get("/").isEmpty(), "and dropped its pages");
        assertTrue(nodeB.services().pageCache().get("/section/world/").isEmpty());
        String after = onB.get("/").body();
        assertTrue(after.contains("<title>صدای بندر</title>"), "node B's next page shows the title saved on node A");
        assertTrue(after.contains("<html lang=\"fa\" dir=\"rtl\">"));
        assertEquals(4, teasers(after));
        assertEquals(4, teasers(onB.get("/section/world/").body()));
        assertTrue(new Http(nodeA.baseUrl()).get("/").body().contains("<title>صدای بندر</title>"));
    }

    @Test
    void aSettingNoPageShowsReachesTheOtherNodeAndLeavesItsPages() {
        var onB = new Http(nodeB.baseUrl());
        onB.get("/tag/taliban/");
        assertTrue(nodeB.services().pageCache().get("/tag/taliban/").isPresent());
        SettingsService settingsOnA = nodeA.services().settings();
        settingsOnA.save(Actor.commandLine(), settingsOnA.form(Actor.commandLine())
                .with("session_idle_hours", "3").with("two_factor_required", "on"));
        nodeB.catchUp();
        var onNodeB = nodeB.services().settings().current();
        assertEquals(3, onNodeB.sessionIdleHours());
        assertTrue(onNodeB.twoFactorRequired());
        assertTrue(nodeB.services().pageCache().get("/tag/taliban/").isPresent(), "no page shows them: kept");
        assertFalse(nodeA.services().settings().current().sessionIdleHours() != 3);
    }

    static int teasers(String page) {
        return (int) TEASER.matcher(page).results().count();
    }
}
