package dev.byline.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.change.Change;
import dev.byline.change.Keys;
import dev.byline.config.Config;
import dev.byline.db.Database;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.media.MediaService.Upload;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Saving the settings on SQLite and PostgreSQL, with the services wired as the site wires them: defaults from the
 * start-up configuration, what an administrator saves wins, each change logged, only administrators, a form from an
 * older version refused, two administrators at once.
 */
class SettingsServiceTest {

    static final String PASSWORD = "violet kettle harbour 42";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    Byline.Services wire(Config config) {
        Database database = Database.open(config);
        opened.add(database);
        return Byline.wire(config, database, clock);
    }

    static Actor person(Byline.Services services, String role) {
        var user = services.accounts().service().add(Actor.commandLine(),
                new NewUser(role + "@example.org", "A " + role, role), PASSWORD);
        return Actor.of(user, "192.0.2.7");
    }

    static List<Change> settingsChanges(Byline.Services services) {
        return services.changes().since(0, 1000).stream()
                .filter(change -> change.kind().equals(SettingsService.CHANGED)).toList();
    }

    static List<Activity> logged(Byline.Services services, String action) {
        return services.accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter(action, 0, null, null, 1, 50)).entries();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void savesWhatChangedLogsEachChangeAndWinsOverTheStartUpDefaults(TestDatabases db) {
        Config config = db.config(dir);
        var services = wire(config);
        var settings = services.settings();
        assertEquals(Settings.defaults("Byline Test", ZoneId.of("UTC")), settings.current(),
                "a fresh database: the start-up name and zone");
        Actor admin = person(services, "administrator");

        SettingsForm form = settings.form(admin);
        assertEquals("Byline Test", form.value("site_title"));
        assertEquals(0, form.version());
        var saved = settings.save(admin, form.with("site_title", "The Harbour Times").with("per_page", "20")
                .with("tagline", ""));

        assertEquals(List.of("Site title", "Articles per page"), saved.changed(), "the tagline did not change");
        assertEquals(1, saved.version());
        assertEquals("The Harbour Times", settings.current().siteTitle(), "in force at once");
        assertEquals(20, settings.current().perPage());
        Change change = settingsChanges(services).getLast();
        assertEquals(java.util.Set.of(Keys.ALL), change.keys(), "pages show the title: every page goes");

        List<Activity> entries = logged(services, Activity.SETTINGS_CHANGED);
        assertEquals(2, entries.size(), "one entry per changed setting");
        var details = entries.stream().collect(java.util.stream.Collectors.toMap(Activity::subject, Activity::detail));
        assertEquals(Map.of("Site title", "“Byline Test” → “The Harbour Times”", "Articles per page", "10 → 20"),
                details);
        assertTrue(entries.stream().allMatch(entry -> entry.actor().equals("administrator@example.org")
                && entry.ip().equals("192.0.2.7")));

        // another start with other flags: what was saved wins, what never was follows the flags
        Config restarted = new Config(config.host(), 0, config.dataDir(), config.dbUrl(), config.dbUser(),
                config.dbPassword(), config.baseUrl(), false, ZoneId.of("Asia/Kabul"), "Another Name", config.smtp());
        var again = wire(restarted).settings().current();
        assertEquals("The Harbour Times", again.siteTitle());
        assertEquals(20, again.perPage());
        assertEquals(ZoneId.of("Asia/Kabul"), again.zone(), "never saved: --timezone still decides");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyWrongFieldIsNamedAndNothingIsSaved(TestDatabases db) {
        var services = wire(db.config(dir));
        Actor admin = person(services, "administrator");
        var form = services.settings().form(admin);
        var invalid = assertThrows(Invalid.class, () -> services.settings().save(admin, form
                .with("site_title", "Kept?").with("per_page", "0").with("timezone", "Mars/Olympus")
                .with("language", "xx").with("logo", "999")));
        assertEquals(List.of("language", "logo", "per_page", "timezone"),
                invalid.fieldErrors().keySet().stream().sorted().toList());
        assertEquals("Enter a whole number from 1 to 100.", invalid.fieldErrors().get("per_page"));
        assertEquals("There is no image 999. Upload it first, or leave this empty for no logo.",
                invalid.fieldErrors().get("logo"));
        assertTrue(invalid.fieldErrors().get("timezone").startsWith("“Mars/Olympus” is not a time zone."));
        assertEquals("Byline Test", services.settings().current().siteTitle(), "nothing saved, not even the title");
        assertEquals(List.of(), settingsChanges(services));

        var idle = assertThrows(Invalid.class, () -> services.settings().save(admin, form
                .with("session_lifetime_days", "1").with("session_idle_hours", "25")));
        assertTrue(idle.fieldErrors().get("session_idle_hours").startsWith("A session cannot be idle for longer"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void savingWhatIsAlreadyThereWritesNothing(TestDatabases db) {
        var services = wire(db.config(dir));
        Actor admin = person(services, "administrator");
        var saved = services.settings().save(admin, services.settings().form(admin));
        assertTrue(saved.nothing());
        assertEquals(List.of(), settingsChanges(services));
        assertEquals(List.of(), logged(services, Activity.SETTINGS_CHANGED));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAdministratorsMayChangeTheSettings(TestDatabases db) {
        var services = wire(db.config(dir));
        var settings = services.settings();
        var form = SettingsForm.of(settings.current(), 0).with("site_title", "Taken over");
        for (String role : List.of("contributor", "author", "editor")) {
            Actor actor = person(services, role);
            var refused = assertThrows(Forbidden.class, () -> settings.save(actor, form), role);
            assertEquals("Your role (" + role + ") may not change the site's settings.", refused.getMessage());
            assertThrows(Forbidden.class, () -> settings.form(actor), role + " cannot read the form either");
        }
        var visitor = assertThrows(Forbidden.class, () -> settings.save(Actor.visitor("192.0.2.9"), form));
        assertEquals("Please sign in to change the site's settings.", visitor.getMessage());
        assertEquals("Byline Test", settings.current().siteTitle());
        assertEquals(List.of(), settingsChanges(services));

        assertEquals(List.of("Site title"), settings.save(person(services, "administrator"), form).changed());
        assertEquals(List.of("Articles per page"), settings.save(Actor.commandLine(),
                SettingsForm.of(settings.current(), 1).with("per_page", "5")).changed(), "the operator may too");
        assertEquals("command line", logged(services, Activity.SETTINGS_CHANGED).getFirst().actor());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aFormMadeBeforeSomeoneElseSavedIsRefusedWithoutUndoingTheirs(TestDatabases db) {
        var services = wire(db.config(dir));
        var settings = services.settings();
        Actor first = person(services, "administrator");
        Actor second = Actor.commandLine();
        SettingsForm opened = settings.form(first);
        SettingsForm openedToo = settings.form(first);

        settings.save(first, opened.with("site_title", "First's title"));
        var conflict = assertThrows(Conflict.class, () -> settings.save(second, openedToo.with("per_page", "7")));
        assertTrue(conflict.getMessage().contains("Someone saved the settings after you opened this page"));
        assertEquals("First's title", settings.current().siteTitle(), "the older form's title did not come back");
        assertEquals(10, settings.current().perPage());

        assertEquals(List.of("Articles per page"),
                settings.save(second, settings.form(second).with("per_page", "7")).changed(), "a fresh form saves");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoAdministratorsSavingTheSameVersionAtOnce(TestDatabases db) throws Exception {
        var services = wire(db.config(dir));
        var settings = services.settings();
        Actor ada = person(services, "administrator");
        Actor grace = Actor.commandLine();
        SettingsForm form = settings.form(ada);
        var barrier = new CyclicBarrier(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Object> byAda = pool.submit(() -> saveAfter(barrier, () -> settings.save(ada,
                    form.with("site_title", "Ada's").with("per_page", "11"))));
            Future<Object> byGrace = pool.submit(() -> saveAfter(barrier, () -> settings.save(grace,
                    form.with("site_title", "Grace's").with("tagline", "Grace's line"))));
            List<Object> outcomes = List.of(byAda.get(), byGrace.get());
            assertEquals(1, outcomes.stream().filter(SettingsService.Saved.class::isInstance).count(),
                    outcomes.toString());
            assertEquals(1, outcomes.stream().filter(Conflict.class::isInstance).count(), outcomes.toString());
            boolean adaWon = outcomes.getFirst() instanceof SettingsService.Saved;
            Settings now = settings.current();
            assertEquals(adaWon ? "Ada's" : "Grace's", now.siteTitle());
            assertEquals(adaWon ? 11 : 10, now.perPage());
            assertEquals(adaWon ? "" : "Grace's line", now.tagline(), "nothing of the loser's form");
            assertEquals(1, settingsChanges(services).size());
            assertTrue(logged(services, Activity.SETTINGS_CHANGED).stream().allMatch(entry -> entry.actor()
                    .equals(adaWon ? "administrator@example.org" : "command line")), "only the winner's entries");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSettingNoPageShowsDropsNoPageAndStillAppliesAtOnce(TestDatabases db) {
        var services = wire(db.config(dir));
        Actor admin = person(services, "administrator");
        services.pageCache().get("/probe", () -> dev.byline.web.support.CachedPage.of("text/plain",
                "x".getBytes(), java.util.Set.of("nav"), clock.instant()));
        var saved = services.settings().save(admin, services.settings().form(admin)
                .with("session_idle_hours", "2").with("two_factor_required", "on"));
        assertEquals(List.of("Require two-factor authentication for administrators and editors",
                "Sign out after this many hours without activity"), saved.changed());
        assertEquals(java.util.Set.of(), settingsChanges(services).getLast().keys());
        assertTrue(services.pageCache().get("/probe").isPresent(), "no page shows them: none dropped");
        assertEquals(2, services.settings().current().sessionIdleHours());
        assertTrue(services.settings().current().twoFactorRequired());
        var details = logged(services, Activity.SETTINGS_CHANGED).stream().map(Activity::detail).sorted().toList();
        assertEquals(List.of("12 hours → 2 hours", "off → on"), details);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLogoIsAnImageThatExistsAndPagesKnowIt(TestDatabases db) {
        var services = wire(db.config(dir));
        Actor admin = person(services, "administrator");
        var image = services.media().store(new Upload(logoPng(), "logo.jpg", "Our logo", "", ""));
        var saved = services.settings().save(admin, services.settings().form(admin)
                .with("logo", String.valueOf(image.id())));
        assertEquals(Optional.of(image.id()), saved.settings().logo());
        assertEquals("none → image " + image.id(), logged(services, Activity.SETTINGS_CHANGED).getFirst().detail());
        var removed = services.settings().save(admin, services.settings().form(admin).with("logo", ""));
        assertEquals(Optional.empty(), removed.settings().logo());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aStoredValueThatNoLongerReadsGivesWayToItsDefault(TestDatabases db) {
        Config config = db.config(dir);
        var services = wire(config);
        opened.getFirst().jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO settings (name, value, updated_at) VALUES ('per_page', 'lots', 0), "
                        + "('site_title', 'Kept', 0)"));
        var settings = wire(config).settings().current();
        assertEquals(10, settings.perPage(), "the default, not a failed start");
        assertEquals("Kept", settings.siteTitle());
        assertFalse(settings.twoFactorRequired());
    }

    /** A small PNG, as a newsroom's logo might be. */
    static byte[] logoPng() {
        var image = new java.awt.image.BufferedImage(600, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(155, 28, 28));
        graphics.fillRect(0, 0, 600, 200);
        graphics.dispose();
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object saveAfter(CyclicBarrier barrier, java.util.concurrent.Callable<Object> save)
            throws Exception {
        barrier.await();
        try {
            return save.call();
        } catch (Conflict conflict) {
            return conflict;
        }
    }
}
