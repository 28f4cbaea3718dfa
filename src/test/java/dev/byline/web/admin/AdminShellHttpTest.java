package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Actor;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's doors over real HTTP: the first administrator's setup link, sign-in and its answers, the session
 * cookie and its limits, CSRF on every POST, the throttle, sign-out, and the admin's headers. The clock is moved,
 * never waited for.
 */
class AdminShellHttpTest {

    static final String PASSWORD = "violet kettle harbour 42";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Byline byline;

    @BeforeEach
    void start() {
        byline = Byline.start(TestConfigs.forTests(dir), clock);
    }

    @AfterEach
    void stop() {
        byline.close();
    }

    dev.byline.support.AdminBrowser browser() {
        return new dev.byline.support.AdminBrowser(byline.baseUrl());
    }

    void addEditor() {
        byline.services().accounts().service().add(Actor.commandLine(),
                new NewUser("ed@example.org", "Ed Itor", "editor"), PASSWORD);
    }

    @Test
    void beforeTheFirstAdministratorOnlyTheSetupLinkOpensAndItWorksOnce() {
        var browser = browser();
        var refused = browser.get("/admin/login");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Byline is not set up yet"), refused.body());
        assertTrue(refused.body().contains("./byline user add"));

        assertEquals(404, browser.get("/admin/setup/forged-token-that-is-long-enough").statusCode());
        String token = byline.services().accounts().service().setupLinkIfNoUsers().orElseThrow();
        var form = browser.get("/admin/setup/" + token);
        assertEquals(200, form.statusCode());

        var weak = browser.post("/admin/setup/" + token, Map.of("name", "Ada Lovelace", "email", "ada@example.org",
                "password", "password1", "password2", "password1"));
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("value=\"ada@example.org\""), "what was typed is kept");
        assertFalse(weak.body().contains("password1"), "never the password");

        var created = browser.post("/admin/setup/" + token, Map.of("name", "Ada Lovelace", "email", "ada@example.org",
                "password", PASSWORD, "password2", PASSWORD));
        assertEquals(302, created.statusCode());
        var dashboard = browser.get("/admin/");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Welcome to Byline"), "the flash after the action");
        assertTrue(dashboard.body().contains("Hello, Ada Lovelace."));
        assertFalse(browser.get("/admin/").body().contains("Welcome to Byline"), "a flash shows once");

        var again = browser().get("/admin/setup/" + token);
        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("already set up"));
        assertEquals(Optional.empty(), byline.services().accounts().service().setupLinkIfNoUsers());
    }

    @Test
    void anExpiredSetupLinkIsRefused() {
        String token = byline.services().accounts().service().setupLinkIfNoUsers().orElseThrow();
        clock.advance(Duration.ofHours(25));
        var browser = browser();
        assertEquals(404, browser.get("/admin/setup/" + token).statusCode());
        var post = browser.post("/admin/setup/" + browser.tokenFrom("/admin/login").orElse(token), Map.of(
                "name", "Ada", "email", "ada@example.org", "password", PASSWORD, "password2", PASSWORD));
        assertTrue(post.statusCode() == 403 || post.statusCode() == 404 || post.statusCode() == 410, post.body());
        assertFalse(byline.services().accounts().service().hasUsers());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        addEditor();
        var wrongPassword = browser().login("ed@example.org", "not the password at all");
        var unknownEmail = browser().login("nobody@example.org", "not the password at all");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        assertEquals(message(wrongPassword.body()), message(unknownEmail.body()));
        assertTrue(wrongPassword.body().contains("value=\"ed@example.org\""), "the email typed is kept");
        assertFalse(wrongPassword.body().contains("not the password at all"));
    }

    @Test
    void signingInSetsAFreshHttpOnlySessionCookieAndSigningOutEndsItEverywhere() {
        addEditor();
        var browser = browser();
        var first = browser.login("ed@example.org", PASSWORD);
        assertEquals(302, first.statusCode());
        String cookie = setCookie(first, "byline_session").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http: a Secure cookie would never come back");
        String token = value(cookie);
        assertEquals(200, browser.get("/admin/").statusCode());

        var planted = browser();
        // a session id someone planted before sign-in is never the one used after it
        planted.setCookie("byline_session", "planted-by-someone-else");
        var second = planted.login("ed@example.org", PASSWORD);
        String fresh = value(setCookie(second, "byline_session").orElseThrow());
        assertNotEquals(token, fresh, "a new id at every sign-in");
        assertNotEquals("planted-by-someone-else", fresh);

        var replay = browser();
        replay.setCookie("byline_session", token);
        assertEquals(200, replay.get("/admin/").statusCode(), "the first session is still live");
        var out = replay.post("/admin/logout", Map.of());
        assertEquals(302, out.statusCode());
        assertTrue(setCookie(out, "byline_session").orElseThrow().contains("Max-Age=0"));
        var stolen = browser();
        stolen.setCookie("byline_session", token);
        var after = stolen.get("/admin/");
        assertEquals(302, after.statusCode(), "a signed-out session is dead on the server, not only in the browser");
        assertEquals("/admin/login?next=%2Fadmin%2F", after.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void sessionsEndWhenIdleAndAtTheirAbsoluteLimit() {
        addEditor();
        var idle = browser();
        idle.login("ed@example.org", PASSWORD);
        clock.advance(Duration.ofHours(11));
        assertEquals(200, idle.get("/admin/").statusCode(), "11 hours idle is within the 12-hour limit");
        clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertEquals(302, idle.get("/admin/").statusCode(), "12 hours without a request ends it");

        var busy = browser();
        busy.login("ed@example.org", PASSWORD);
        for (int hour = 0; hour < 14 * 24 - 6; hour += 6) {
            clock.advance(Duration.ofHours(6));
            assertEquals(200, busy.get("/admin/").statusCode(), "busy at hour " + hour);
        }
        clock.advance(Duration.ofHours(7));
        assertEquals(302, busy.get("/admin/").statusCode(), "14 days is the most a session lasts, however busy");
    }

    @Test
    void everyPostWithoutThisBrowsersTokenIsRefusedWithAPageThatSaysWhatToDo() {
        addEditor();
        var browser = browser();
        browser.login("ed@example.org", PASSWORD);
        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("csrf", "forged"),
                Map.of("csrf", browser().tokenFrom("/admin/login").orElseThrow()))) {
            var refused = browser.postRaw("/admin/logout", form, Map.of());
            assertEquals(403, refused.statusCode(), form.toString());
            assertTrue(refused.body().contains("reload the page"), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        }
        var otherOrigin = browser.postRaw("/admin/logout", Map.of("csrf", browser.tokenFrom("/admin/").orElseThrow()),
                Map.of("Origin", "https://evil.example"));
        assertEquals(403, otherOrigin.statusCode());
        assertEquals(200, browser.get("/admin/").statusCode(), "nothing forged signed the person out");
    }

    @Test
    void repeatedFailuresLockTheAccountOutAndSayUntilWhen() {
        addEditor();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(401, browser().login("ed@example.org", "wrong password " + attempt).statusCode());
        }
        var fifth = browser().login("ed@example.org", "wrong password 5");
        assertEquals(429, fifth.statusCode());
        assertTrue(fifth.body().contains("You may try again at 09:15 UTC (in 15 minutes)"), message(fifth.body()));
        var right = browser().login("ed@example.org", PASSWORD);
        assertEquals(429, right.statusCode(), "locked out even with the right password");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(302, browser().login("ed@example.org", PASSWORD).statusCode());
        var log = byline.services().accounts().activity().list(Actor.commandLine(),
                new dev.byline.account.ActivityLog.Filter("locked-out", 0, null, null, 1, 50));
        assertEquals(1, log.total(), "the lock-out is logged once");
    }

    @Test
    void adminPagesAreNeverStoredAndCarryAStrictPolicy() {
        var page = browser().get("/admin/login");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'")
                && csp.contains("form-action 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void afterSigningInOnlyAnAdminPathIsFollowed() {
        addEditor();
        for (String next : List.of("https://evil.example/", "//evil.example/admin", "/\\evil.example", "/admin/login")) {
            var browser = browser();
            String csrf = browser.tokenFrom("/admin/login").orElseThrow();
            var answer = browser.postRaw("/admin/login", Map.of("csrf", csrf, "email", "ed@example.org",
                    "password", PASSWORD, "next", next), Map.of());
            assertEquals(URI.create("/admin/"), URI.create(answer.headers().firstValue("Location").orElseThrow()),
                    next);
        }
    }

    @Test
    void behindAnHttpsBalancerTheCookieIsSecureAndThePersonsAddressIsLogged(@TempDir Path other) {
        var config = TestConfigs.forTests(other).withBaseUrl(URI.create("https://news.example.org"))
                .withTrustedProxies(List.of("127.0.0.1"));
        try (Byline behind = Byline.start(config, clock)) {
            behind.services().accounts().service().add(Actor.commandLine(),
                    new NewUser("ed@example.org", "Ed Itor", "editor"), PASSWORD);
            var browser = new dev.byline.support.AdminBrowser("http://127.0.0.1:" + behind.port());
            String csrf = browser.tokenFrom("/admin/login").orElseThrow();
            var wrong = browser.postRaw("/admin/login", Map.of("csrf", csrf, "email", "ed@example.org",
                    "password", "not the password"), Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.7"));
            assertEquals(401, wrong.statusCode());
            var right = browser.postRaw("/admin/login", Map.of("csrf", csrf, "email", "ed@example.org",
                    "password", PASSWORD), Map.of("X-Forwarded-For", "198.51.100.7"));
            assertTrue(setCookie(right, "byline_session").orElseThrow().contains("; Secure"));
            var failures = behind.services().accounts().activity().list(Actor.commandLine(),
                    new dev.byline.account.ActivityLog.Filter("sign-in-failed", 0, null, null, 1, 10));
            assertEquals("198.51.100.7", failures.entries().getFirst().ip(),
                    "the balancer's X-Forwarded-For names the person; what they typed into it is not believed");

            // a balancer may add its own X-Forwarded-For line under the one the client sent: all lines count
            String body = "csrf=" + csrf + "&email=ed%40example.org&password=wrong+again";
            String raw = rawPost(behind.port(), "/admin/login", body, List.of(
                    "Cookie: byline_browser=" + browser.cookie("byline_browser").orElseThrow(),
                    "X-Forwarded-For: 6.6.6.6", "X-Forwarded-For: 198.51.100.8"));
            assertTrue(raw.startsWith("HTTP/1.1 401"), raw.lines().findFirst().orElse(""));
            assertEquals("198.51.100.8", behind.services().accounts().activity().list(Actor.commandLine(),
                    new dev.byline.account.ActivityLog.Filter("sign-in-failed", 0, null, null, 1, 10))
                    .entries().getFirst().ip());

            // the browser says the form came from the public address: the site's own, though the Host is not
            browser.login("ed@example.org", PASSWORD);
            var signedOut = browser.postRaw("/admin/logout", Map.of("csrf", browser.tokenFrom("/admin/")
                    .orElseThrow()), Map.of("Origin", "https://news.example.org"));
            assertEquals(302, signedOut.statusCode());
            assertEquals("/admin/login", signedOut.headers().firstValue("Location").orElseThrow());
            assertEquals(403, browser.postRaw("/admin/login", Map.of("csrf", csrf), Map.of("Origin",
                    "https://news.example.org.evil.example")).statusCode());
        }
    }

    static String message(String page) {
        int start = page.indexOf("class=\"form-error\"");
        return start < 0 ? "" : page.substring(page.indexOf('>', start) + 1, page.indexOf("</p>", start));
    }

    static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    /** A POST written by hand, for headers an HTTP client will not send (the same header on two lines). */
    static String rawPost(int port, String path, String body, List<String> headers) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            var request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + body.length() + "\r\n");
            headers.forEach(header -> request.append(header).append("\r\n"));
            request.append("\r\n").append(body);
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
