package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.settings.SettingsForm;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /admin/settings over real HTTP: only administrators open or send it (a 403 page for the others), every wrong
 * field says what is wrong and keeps what was typed, a save shows a flash and reaches the public site at once, a
 * form from before someone else's save is refused, and a form without this browser's CSRF token changes nothing.
 * The settings go back to how they began after each test.
 */
class SettingsPageHttpTest {

    static final String PASSWORD = "violet kettle harbour 42";
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @TempDir
    static Path dir;
    static Byline byline;
    static SettingsForm initial;

    @BeforeAll
    static void start() {
        byline = Byline.start(TestConfigs.forTests(dir), new MutableClock(Instant.parse("2026-03-02T09:00:00Z")));
        for (String role : List.of("administrator", "editor", "author", "contributor")) {
            byline.services().accounts().service().add(Actor.commandLine(),
                    new NewUser(role + "@example.org", "A " + role, role), PASSWORD);
        }
        initial = byline.services().settings().form(Actor.commandLine());
    }

    @AfterEach
    void putBack() {
        var settings = byline.services().settings();
        settings.save(Actor.commandLine(), new SettingsForm(initial.values(),
                settings.form(Actor.commandLine()).version()));
    }

    @AfterAll
    static void stop() {
        byline.close();
    }

    static AdminBrowser signedIn(String role) {
        var browser = new AdminBrowser(byline.baseUrl());
        assertEquals(302, browser.login(role + "@example.org", PASSWORD).statusCode(), role);
        return browser;
    }

    /** The settings form as the page has it, with some fields changed. */
    static Map<String, String> formFrom(String page, Map<String, String> changes) {
        var form = new LinkedHashMap<String, String>();
        initial.values().forEach((name, value) -> form.put(name, currentValue(page, name, value)));
        var version = VERSION.matcher(page);
        assertTrue(version.find(), "the form carries its version");
        form.put("version", version.group(1));
        form.putAll(changes);
        form.values().removeIf(String::isEmpty); // as a browser sends an unticked box: not at all
        return form;
    }

    /** A field's value on the page: an input's value, a select's selected option, a box ticked or not. */
    private static String currentValue(String page, String name, String fallback) {
        var input = Pattern.compile("<input id=\"" + name + "\" name=\"" + name
                + "\" type=\"[a-z]+\"[^>]*?value=\"([^\"]*)\"").matcher(page);
        if (input.find()) {
            return input.group(1);
        }
        var select = Pattern.compile("<select id=\"" + name + "\".*?<option value=\"([^\"]*)\" selected>",
                Pattern.DOTALL).matcher(page);
        if (select.find()) {
            return select.group(1);
        }
        if (page.contains("type=\"checkbox\" id=\"" + name + "\"")) {
            return Pattern.compile("id=\"" + name + "\" name=\"" + name + "\" value=\"on\" checked").matcher(page)
                    .find() ? "on" : "";
        }
        return fallback;
    }

    @Test
    void onlyAdministratorsOpenOrSendTheSettings() {
        for (String role : List.of("editor", "author", "contributor")) {
            var browser = signedIn(role);
            assertFalse(browser.get("/admin/").body().contains("href=\"/admin/settings\""), role + ": no link to it");
            var page = browser.get("/admin/settings");
            assertEquals(403, page.statusCode(), role);
            assertTrue(page.body().contains("Your role (" + role + ") may not change the site's settings."),
                    page.body());
            var post = browser.post("/admin/settings", Map.of("site_title", "Taken over", "version", "0"));
            assertEquals(403, post.statusCode(), role + " cannot send it either");
            var demo = browser.post("/admin/settings/demo", Map.of());
            assertEquals(403, demo.statusCode());
            assertTrue(demo.body().contains("may not remove the demo content"), demo.body());
        }
        assertEquals("Byline Test", byline.services().settings().current().siteTitle(), "nothing changed");

        var visitor = new AdminBrowser(byline.baseUrl()).get("/admin/settings");
        assertEquals(302, visitor.statusCode());
        assertEquals("/admin/login?next=%2Fadmin%2Fsettings", visitor.headers().firstValue("Location").orElseThrow());

        var admin = signedIn("administrator");
        assertTrue(admin.get("/admin/").body().contains("href=\"/admin/settings\""));
        var page = admin.get("/admin/settings");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("value=\"Byline Test\""));
        assertTrue(page.body().contains("<option value=\"UTC\" selected>UTC</option>"));
        assertTrue(page.body().contains("<option value=\"MMMM d, yyyy\" selected>November 28, 2026</option>"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void wrongFieldsSayWhatIsWrongAndKeepWhatWasTyped() {
        var admin = signedIn("administrator");
        String page = admin.get("/admin/settings").body();
        var refused = admin.post("/admin/settings", formFrom(page, Map.of("site_title", "The <Harbour> Times",
                "per_page", "0", "timezone", "Mars/Olympus", "language", "english", "activity_retention_days", "3")));

        assertEquals(422, refused.statusCode());
        String body = refused.body();
        assertTrue(body.contains("Nothing was saved. Please correct what is marked below."));
        assertTrue(body.contains(
                "<p class=\"field-error\" id=\"per_page-error\">Enter a whole number from 1 to 100.</p>"), body);
        assertTrue(body.contains("id=\"timezone-error\">“Mars/Olympus” is not a time zone."));
        assertTrue(body.contains("id=\"language-error\">“english” is not a language tag Byline knows."));
        assertTrue(body.contains("id=\"activity_retention_days-error\">Enter a whole number from 7 to 3650."));
        assertTrue(body.contains("value=\"The &lt;Harbour> Times\""), "the title typed is kept, escaped");
        assertTrue(body.contains("value=\"english\""), "and the wrong language, to correct it");
        assertTrue(body.contains("aria-invalid=\"true\" aria-describedby=\"per_page-error\"")
                || body.contains("aria-describedby=\"per_page-error\""));
        assertEquals("Byline Test", byline.services().settings().current().siteTitle(), "nothing saved");
    }

    @Test
    void aSaveShowsAFlashAndThePublicSiteShowsItAtOnce() {
        var site = new Http(byline.baseUrl());
        assertTrue(site.get("/").body().contains("<title>Byline Test</title>"));
        var admin = signedIn("administrator");
        String page = admin.get("/admin/settings").body();
        var saved = admin.post("/admin/settings", formFrom(page, Map.of("site_title", "صدای بندر",
                "tagline", "خبرهای ساحل", "language", "fa", "per_page", "4", "two_factor_required", "")));
        assertEquals(302, saved.statusCode(), saved.body());
        assertEquals("/admin/settings", saved.headers().firstValue("Location").orElseThrow());

        String after = admin.get("/admin/settings").body();
        assertTrue(after.contains("<p class=\"flash\" role=\"status\">Settings saved: Site title, Tagline, Language, "
                + "Articles per page.</p>"), after);
        assertTrue(after.contains("value=\"صدای بندر\""));
        assertTrue(after.contains("صدای بندر admin</title>"), "the admin's chrome has the new title too");
        String home = site.get("/").body();
        assertTrue(home.contains("<html lang=\"fa\" dir=\"rtl\">") && home.contains("<title>صدای بندر</title>"));

        var again = admin.post("/admin/settings", formFrom(after, Map.of()));
        assertEquals(302, again.statusCode());
        assertTrue(admin.get("/admin/settings").body().contains("Nothing changed."));
        var log = byline.services().accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter(Activity.SETTINGS_CHANGED, 0, null, null, 1, 50)).entries();
        assertEquals(4, log.size());
        assertTrue(log.stream().allMatch(entry -> entry.actor().equals("administrator@example.org")));
    }

    @Test
    void aFormFromBeforeSomeoneElseSavedIsSentBackWithWhatWasTyped() {
        var first = signedIn("administrator");
        var second = signedIn("administrator");
        String firstPage = first.get("/admin/settings").body();
        String secondPage = second.get("/admin/settings").body();
        assertEquals(302, first.post("/admin/settings", formFrom(firstPage, Map.of("site_title", "First")))
                .statusCode());

        var late = second.post("/admin/settings", formFrom(secondPage, Map.of("per_page", "7")));
        assertEquals(409, late.statusCode());
        assertTrue(late.body().contains("Someone saved the settings after you opened this page"), late.body());
        assertTrue(late.body().contains("value=\"7\""), "what they typed is kept");
        assertEquals("First", byline.services().settings().current().siteTitle(), "their old title did not return");

        var resent = second.post("/admin/settings", formFrom(late.body(), Map.of()));
        assertEquals(302, resent.statusCode(), "sent again from the page that said so, it saves");
        assertEquals(7, byline.services().settings().current().perPage());
    }

    @Test
    void withoutThisBrowsersTokenNothingChanges() {
        var admin = signedIn("administrator");
        String page = admin.get("/admin/settings").body();
        Map<String, String> form = formFrom(page, Map.of("site_title", "Forged"));
        String otherBrowsersToken = signedIn("administrator").tokenFrom("/admin/settings").orElseThrow();
        for (String token : List.of("", "forged", otherBrowsersToken)) {
            var fields = new LinkedHashMap<>(form);
            fields.put("csrf", token);
            var refused = admin.postRaw("/admin/settings", fields, Map.of());
            assertEquals(403, refused.statusCode(), token);
            assertTrue(refused.body().contains("reload the page"), refused.body());
        }
        var fields = new LinkedHashMap<>(form);
        fields.put("csrf", admin.tokenFrom("/admin/settings").orElseThrow());
        assertEquals(403, admin.postRaw("/admin/settings", fields, Map.of("Origin", "https://evil.example"))
                .statusCode(), "another site's page, even with the token");
        var demo = admin.postRaw("/admin/settings/demo", Map.of(), Map.of());
        assertEquals(403, demo.statusCode());
        assertEquals("Byline Test", byline.services().settings().current().siteTitle());
    }

    @Test
    void aLogoUploadedWithTheFormBecomesTheLogo() {
        var admin = signedIn("administrator");
        String page = admin.get("/admin/settings").body();
        Map<String, String> form = formFrom(page, Map.of());
        form.put("csrf", admin.tokenFrom("/admin/settings").orElseThrow());

        var notAnImage = multipart(admin, form, "notes.txt", "not an image at all".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, notAnImage.statusCode());
        assertTrue(notAnImage.body().contains("id=\"logo_file-error\">"), notAnImage.body());
        assertEquals(Optional.empty(), byline.services().settings().current().logo());

        var saved = multipart(admin, form, "logo.png", png());
        assertEquals(302, saved.statusCode(), saved.body());
        long logo = byline.services().settings().current().logo().orElseThrow();
        String after = admin.get("/admin/settings").body();
        assertTrue(after.contains("alt=\"The logo now: image " + logo + "\""));
        assertTrue(new Http(byline.baseUrl()).get("/").body().contains("alt=\"Byline Test\""),
                "the public masthead shows it, named by the title");
    }

    /** Sends {@code form} as a browser sends the settings form: multipart, with a file in {@code logo_file}. */
    static HttpResponse<String> multipart(AdminBrowser browser, Map<String, String> form, String fileName,
                                          byte[] file) {
        String boundary = "----byline-test-boundary";
        var body = new ByteArrayOutputStream();
        form.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"logo_file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(byline.baseUrl() + "/admin/settings"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "byline_session=" + browser.cookie("byline_session").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] png() {
        var image = new java.awt.image.BufferedImage(300, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var bytes = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
