package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.Submission;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.NuValidator;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9's privacy over real HTTP on both databases: /admin/comments/privacy (administrators only; an editor gets
 * 403), the JSON export as a download, bad addresses (422, what was typed kept), an address with no comments,
 * CSRF, and an erasure dropping exactly the cached pages that showed the name; then avatars, initials until the
 * site turns Gravatar on, with the Content-Security-Policy following the setting.
 */
class CommentPrivacyHttpTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    static final AdminSites SITES = new AdminSites(CLOCK);
    static final AtomicInteger N = new AtomicInteger();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    record Story(Article article, String path) {
    }

    static Story story(Byline site, String title) {
        var services = site.services();
        CLOCK.advance(Duration.ofMinutes(1));
        Section section = services.taxonomy().saveSection(new Section(0, "", "Sec " + title, "", null, 0));
        var author = services.authors().save(new dev.byline.people.Author(0, "", "Writer " + title, "", null));
        Article article = services.articles().save(new ArticleDraft(0, title, "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(), null));
        return new Story(article, "/" + article.publishedAt().toString().substring(0, 10).replace('-', '/') + "/"
                + article.slug() + "/");
    }

    /** An approved comment from a reader. */
    static Comment approved(Byline site, Story story, String name, String email, String text) {
        var comments = site.services().comments();
        CLOCK.advance(Duration.ofSeconds(20));
        Comment comment = comments.post(new Submission(story.article().id(), 0, name, email, "", text, true,
                "198.51.100." + N.incrementAndGet(), "Firefox/140", "", comments.tokens().issue(story.article().id(),
                CLOCK.instant().minusSeconds(60)), null)).comment();
        return comment.approved() ? comment : site.services().moderation().act(Actor.commandLine(), comment.id(),
                comment.version(), CommentModeration.Action.APPROVE).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAdministratorsReachThePage(TestDatabases db) {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        Story story = story(site, "Editors cannot");
        Comment comment = approved(site, story, "Ingrid Solberg", "ingrid" + N.get() + "@example.org", "Hello.");
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        assertFalse(editor.get("/admin/comments").body().contains("/admin/comments/privacy"), "no link for editors");
        assertEquals(403, editor.get("/admin/comments/privacy").statusCode());
        assertEquals(403, editor.post("/admin/comments/privacy/export", Map.of("email", comment.authorEmail()))
                .statusCode());
        assertEquals(403, editor.post("/admin/comments/privacy/erase", Map.of("email", comment.authorEmail()))
                .statusCode());
        assertEquals("Ingrid Solberg", site.services().comments().find(comment.id()).orElseThrow().authorName());

        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        assertTrue(admin.get("/admin/comments").body().contains("href=\"/admin/comments/privacy\""));
        String page = admin.get("/admin/comments/privacy").body();
        assertTrue(page.contains("<h1>Commenters’ personal data</h1>"), page);
        assertTrue(page.contains("name=\"csrf\""));
        assertEquals(List.of(), new NuValidator().check(page), "valid HTML");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAdministratorDownloadsTheExportAndBadAddressesAreSentBack(TestDatabases db) throws Exception {
        Byline site = SITES.site(db);
        AdminBrowser admin = new Staff(site).signedIn(Role.ADMINISTRATOR);
        Story story = story(site, "Export over HTTP");
        String email = "export" + N.incrementAndGet() + "@example.org";
        Comment comment = approved(site, story, "Sara Lindqvist", email, "Lavrov said the same.");
        admin.get("/admin/comments/privacy");

        HttpResponse<String> empty = admin.post("/admin/comments/privacy/export", Map.of("email", ""));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Type the commenter’s email address."), empty.body());
        HttpResponse<String> malformed = admin.post("/admin/comments/privacy/export",
                Map.of("email", "sara at example"));
        assertEquals(422, malformed.statusCode());
        assertTrue(malformed.body().contains("That is not an email address"));
        assertTrue(malformed.body().contains("value=\"sara at example\""), "what was typed is kept");
        assertEquals(List.of(), new NuValidator().check(malformed.body()), "the refused page is valid HTML");
        HttpResponse<String> nobody = admin.post("/admin/comments/privacy/export",
                Map.of("email", "nobody@example.org"));
        assertEquals(200, nobody.statusCode());
        assertTrue(nobody.body().contains("No comments were found for nobody@example.org"));

        HttpResponse<String> download = admin.post("/admin/comments/privacy/export", Map.of("email",
                email.toUpperCase()));
        assertEquals(200, download.statusCode(), download.body());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; "));
        assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode json = new ObjectMapper().readTree(download.body());
        assertEquals(email, json.get("email").asText());
        JsonNode item = json.get("comments").get(0);
        assertEquals(comment.id(), item.get("id").asLong());
        assertEquals("Sara Lindqvist", item.get("name").asText());
        assertEquals(email, item.get("email").asText());
        assertEquals(comment.ip(), item.get("ip").asText());
        assertEquals("Firefox/140", item.get("userAgent").asText());
        assertEquals("Export over HTTP", item.get("articleTitle").asText());
        assertEquals(site.baseUrl() + story.path() + "#comment-" + comment.id(), item.get("articleUrl").asText());
        assertEquals("approved", item.get("status").asText());
        assertEquals("Lavrov said the same.", item.get("text").asText());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingDropsTheCachedPagesShowingTheNameAndKeepsTheOthers(TestDatabases db) {
        Byline site = SITES.site(db);
        AdminBrowser admin = new Staff(site).signedIn(Role.ADMINISTRATOR);
        Story shown = story(site, "Erased here");
        Story other = story(site, "Not here");
        String email = "erase" + N.incrementAndGet() + "@example.org";
        approved(site, shown, "Ingrid Solberg", email, "Please forget me.");
        approved(site, other, "Tomas Ruiz", "tomas" + N.get() + "@example.org", "I stay.");
        var reader = new Http(site.baseUrl());
        assertTrue(reader.get(shown.path()).body().contains("Ingrid Solberg"));
        assertTrue(reader.get(other.path()).body().contains("Tomas Ruiz"));
        var cache = site.services().pageCache();
        assertTrue(cache.get(shown.path()).isPresent() && cache.get(other.path()).isPresent());

        admin.get("/admin/comments/privacy");
        var forged = new LinkedHashMap<String, String>(Map.of("email", email, "csrf", "forged"));
        assertEquals(403, admin.postRaw("/admin/comments/privacy/erase", forged, Map.of()).statusCode());
        assertTrue(cache.get(shown.path()).isPresent(), "nothing happened");

        HttpResponse<String> erased = admin.post("/admin/comments/privacy/erase", Map.of("email", email));
        assertEquals(302, erased.statusCode(), erased.body());
        assertEquals("/admin/comments/privacy", erased.headers().firstValue("Location").orElseThrow());
        assertTrue(admin.follow(erased).body().contains("Erased: 1 comment anonymised, 0 comments deleted."));
        assertTrue(cache.get(shown.path()).isEmpty(), "the page showing the name is dropped");
        assertTrue(cache.get(other.path()).isPresent(), "the other article's page stays cached");
        String page = reader.get(shown.path()).body();
        assertFalse(page.contains("Ingrid Solberg"));
        assertTrue(page.contains("Anonymous") && page.contains("Please forget me."), "anonymised, the text kept");

        HttpResponse<String> again = admin.post("/admin/comments/privacy/erase", Map.of("email", email));
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("No comments were found for " + email));
        assertTrue(admin.get("/admin/activity?action=comments-erased").body().contains("1 anonymised, 0 deleted"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void avatarsAreInitialsUntilTheSiteTurnsGravatarOnAndThePolicyFollows(TestDatabases db) throws Exception {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        Actor admin = Staff.actor(staff.add(Role.ADMINISTRATOR));
        Story story = story(site, "Avatars");
        String email = "avatar" + N.incrementAndGet() + "@example.org";
        approved(site, story, "Leila Haddad", email, "A face or letters.");
        var reader = new Http(site.baseUrl());
        String gravatar = "https://www.gravatar.com/avatar/" + HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8))) + "?s=80&amp;d=identicon";
        try {
            HttpResponse<String> off = reader.get(story.path());
            assertFalse(off.body().contains("gravatar"), "no Gravatar address while the setting is off");
            assertTrue(off.body().contains("avatar-initials"));
            assertFalse(csp(off).contains("gravatar"), csp(off));
            assertFalse(csp(reader.get("/")).contains("gravatar"));
            assertTrue(site.services().pageCache().get(story.path()).isPresent());

            gravatar(site, admin, true);
            assertTrue(site.services().pageCache().get(story.path()).isEmpty(), "the setting dropped the page");
            HttpResponse<String> on = reader.get(story.path());
            assertTrue(on.body().contains("<img class=\"avatar avatar-comment\" src=\"" + gravatar
                    + "\" alt=\"\" width=\"40\" height=\"40\""), on.body());
            assertFalse(on.body().contains(email), "the email itself never enters the page");
            // errors only: the thread's comment markup (not the avatar) draws a warning about headings in <article>
            assertEquals(List.of(), new NuValidator().check(on.body()).stream()
                    .filter(message -> !message.startsWith("warning")).toList(), "the avatars are valid HTML");
            assertTrue(csp(on).contains("img-src 'self' data: https://www.gravatar.com;"), csp(on));
            HttpResponse<String> hit = reader.get(story.path());
            assertTrue(site.services().pageCache().get(story.path()).isPresent());
            assertTrue(csp(hit).contains("https://www.gravatar.com"), "a cached page carries the policy too");
        } finally {
            gravatar(site, admin, false);
        }
        HttpResponse<String> offAgain = reader.get(story.path());
        assertFalse(offAgain.body().contains("gravatar"));
        assertFalse(csp(offAgain).contains("gravatar"));
        assertFalse(csp(reader.get(story.path())).contains("gravatar"));
    }

    static void gravatar(Byline site, Actor admin, boolean on) {
        var settings = site.services().settings();
        settings.save(admin, settings.form(admin).with("show_avatars_gravatar", on ? "on" : ""));
        assertEquals(on, settings.current().comments().gravatar());
    }

    static String csp(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
