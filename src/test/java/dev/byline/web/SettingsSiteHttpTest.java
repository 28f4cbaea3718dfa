package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.change.Keys;
import dev.byline.media.MediaService.Upload;
import dev.byline.settings.SettingsForm;
import dev.byline.settings.SettingsService;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import dev.byline.web.site.SiteUrls;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public site over HTTP after a save: the next page shows the new title, tagline, logo, language, dates and
 * page length at once, from the cache as much as before. After each test the settings go back to how they began.
 */
class SettingsSiteHttpTest {

    static final String SEED_SLUG = "russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan";

    @TempDir
    static Path dir;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));
    static Byline byline;
    static Http http;
    static SettingsService settings;
    /** The settings as the site began, to go back to. */
    static SettingsForm initial;

    @BeforeAll
    static void start() {
        byline = Byline.start(TestConfigs.forTests(dir).withDemo(true), clock);
        http = new Http(byline.baseUrl());
        settings = byline.services().settings();
        initial = settings.form(Actor.commandLine());
    }

    @AfterEach
    void putBack() {
        settings.save(Actor.commandLine(), new SettingsForm(initial.values(), form().version()));
    }

    @AfterAll
    static void stop() {
        byline.close();
    }

    SettingsForm form() {
        return settings.form(Actor.commandLine());
    }

    @Test
    void theNextPageShowsTheNewTitleLanguageDatesAndPageLength() {
        Article seed = byline.services().articles().findBySlug(SEED_SLUG).orElseThrow();
        String seedPath = new SiteUrls(ZoneId.of("UTC")).article(seed.slug(), seed.publishedAt());
        String home = http.get("/").body();
        assertTrue(home.contains("<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(home.contains("<a class=\"site-name\" href=\"/\">Byline Test</a>"));
        assertEquals(10, SettingsNodesTest.teasers(home));
        assertTrue(http.get(seedPath).body().contains("October 8, 2025"), "the date as the site wrote it so far");
        assertTrue(byline.services().pageCache().get("/").isPresent());

        settings.save(Actor.commandLine(), form().with("site_title", "Голос гавани").with("tagline", "Новости побережья")
                .with("language", "ru").with("date_format", "d MMMM yyyy").with("per_page", "5"));

        var page = http.get("/");
        assertEquals(200, page.statusCode());
        String after = page.body();
        assertTrue(after.contains("<html lang=\"ru\" dir=\"ltr\">"), "lang at once");
        assertTrue(after.contains("<title>Голос гавани</title>"));
        assertTrue(after.contains("<a class=\"site-name\" href=\"/\">Голос гавани</a>"), "the masthead");
        assertTrue(after.contains("<p class=\"tagline\">Новости побережья</p>"));
        assertTrue(after.contains("<meta name=\"description\" content=\"Новости побережья\">"),
                "the tagline describes the home page");
        assertTrue(after.contains("© 2026 Голос гавани"));
        assertEquals(5, SettingsNodesTest.teasers(after), "five to a page");
        assertTrue(after.contains("href=\"/?page=2\""));
        assertEquals(5, SettingsNodesTest.teasers(http.get("/section/world/").body()), "archives too");
        String article = http.get(seedPath).body();
        assertTrue(article.contains("8 октября 2025"), "the new date format, with Russian month names");
        assertTrue(article.contains("\"inLanguage\":\"ru\""), "structured data");
        assertTrue(article.contains("<title>" + seed.title() + " – Голос гавани</title>"));
        assertTrue(http.get("/no/such/page").body().contains("Голос гавани"), "error pages too");
        assertTrue(http.get("/api/v1/").body().contains("\"name\":\"Голос гавани\""), "and the API's index");
        assertTrue(byline.services().pageCache().get("/").isPresent(), "the new page is cached as before");
    }

    @Test
    void rightToLeftLanguagesTurnThePage() {
        settings.save(Actor.commandLine(), form().with("language", "ar"));
        assertTrue(http.get("/").body().contains("<html lang=\"ar\" dir=\"rtl\">"));
        settings.save(Actor.commandLine(), form().with("language", "en-GB"));
        assertTrue(http.get("/").body().contains("<html lang=\"en-GB\" dir=\"ltr\">"));
    }

    @Test
    void aNewTimeZoneMovesArticleAddressesAndTheOldOnesRedirect() {
        Article seed = byline.services().articles().findBySlug(SEED_SLUG).orElseThrow();
        int hour = seed.publishedAt().atZone(ZoneId.of("UTC")).getHour();
        // a zone in which the article's day is another one than in UTC
        ZoneId far = ZoneId.of(hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago");
        String utcPath = new SiteUrls(ZoneId.of("UTC")).article(seed.slug(), seed.publishedAt());
        String farPath = new SiteUrls(far).article(seed.slug(), seed.publishedAt());
        assertFalse(utcPath.equals(farPath), utcPath);
        assertEquals(200, http.get(utcPath).statusCode());
        assertTrue(http.get("/").body().contains("href=\"" + utcPath + "\""));

        settings.save(Actor.commandLine(), form().with("timezone", far.getId()));

        var old = http.get(utcPath);
        assertEquals(301, old.statusCode(), "the old address still finds the article");
        assertEquals(farPath, old.headers().firstValue("Location").orElseThrow());
        var moved = http.get(farPath);
        assertEquals(200, moved.statusCode());
        assertTrue(moved.body().contains("<link rel=\"canonical\" href=\"" + byline.baseUrl() + farPath + "\">"));
        assertTrue(http.get("/").body().contains("href=\"" + farPath + "\""), "lists link to the new address");
    }

    @Test
    void aLogoStandsInForTheTitleAndItsImageIsAKeyOfEveryPage() {
        var image = byline.services().media().store(new Upload(logoPng(),
                "logo.png", "", "", ""));
        http.get("/");
        settings.save(Actor.commandLine(), form().with("logo", String.valueOf(image.id())));
        String home = http.get("/").body();
        assertTrue(home.contains("<a class=\"site-name site-logo\" href=\"/\"><img src=\"" + image.urlAtLeast(400)
                + "\""), home.substring(home.indexOf("<header"), home.indexOf("</header>")));
        assertTrue(home.contains("alt=\"Byline Test\""), "the logo is named by the title it stands for");
        assertTrue(byline.services().pageCache().get("/").orElseThrow().keys().contains(Keys.media(image.id())),
                "a new file or alt text for the logo drops the pages showing it");
    }

    static byte[] logoPng() {
        var image = new java.awt.image.BufferedImage(600, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
