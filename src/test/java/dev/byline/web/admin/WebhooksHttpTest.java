package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.webhook.Receiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /admin/webhooks over HTTP on a running site, whose sender thread delivers to a real receiver: an administrator
 * adds one (a bad address refused at the field, what was typed and ticked kept), sees its secret, sends a test that
 * arrives and shows in the log, pauses it, deletes it; nobody else may.
 */
class WebhooksHttpTest {

    static final AdminSites SITES = new AdminSites();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAdministratorAddsTestsPausesAndDeletesAWebhook(TestDatabases database) throws Exception {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        try (var receiver = new Receiver()) {
            HttpResponse<String> empty = admin.get("/admin/webhooks");
            assertEquals(200, empty.statusCode());
            assertTrue(empty.body().contains("href=\"/admin/webhooks\""), "in the navigation");

            HttpResponse<String> refused = admin.postPairs("/admin/webhooks", List.of(Map.entry("url",
                    "ftp://example.org/<x>"), Map.entry("events", "comment.created")));
            assertEquals(422, refused.statusCode());
            Document form = Jsoup.parse(refused.body());
            assertEquals("ftp://example.org/<x>", form.getElementById("url").attr("value"));
            assertEquals("That is not an address: Illegal character in path.", form.getElementById("url-error").text());
            assertTrue(form.getElementById("event-comment.created").hasAttr("checked"), "the ticks kept");
            assertFalse(form.getElementById("event-article.published").hasAttr("checked"));

            HttpResponse<String> added = admin.postPairs("/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                    Map.entry("events", "article.published"), Map.entry("events", "comment.approved")));
            assertEquals(302, added.statusCode());
            String path = added.headers().firstValue("Location").orElseThrow();
            assertTrue(path.matches("/admin/webhooks/\\d+"), path);
            Document page = Jsoup.parse(admin.follow(added).body());
            String secret = page.getElementById("secret").attr("value");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertTrue(page.getElementById("event-comment.approved").hasAttr("checked"));

            HttpResponse<String> test = admin.post(path + "/test", Map.of());
            assertEquals(302, test.statusCode());
            Instant until = Instant.now().plusSeconds(20);
            while (receiver.received().isEmpty() && Instant.now().isBefore(until)) {
                Thread.sleep(50); // the site's own sender thread, woken by the button
            }
            assertEquals(List.of("ping"), receiver.events());
            var ping = receiver.received().getFirst();
            var signature = Receiver.signature(ping);
            assertEquals(dev.byline.webhook.Signatures.hmac(secret, signature.get("t") + "." + ping.body()),
                    signature.get("v1"));
            Instant logged = Instant.now().plus(Duration.ofSeconds(20));
            String log;
            do {
                log = Jsoup.parse(admin.get(path).body()).select("#log-heading + *").text();
            } while (!log.contains("Delivered") && Instant.now().isBefore(logged));
            assertTrue(log.contains("ping") && log.contains("Delivered") && log.contains("HTTP 204"), log);

            HttpResponse<String> paused = admin.postPairs(path, List.of(Map.entry("url", receiver.url()),
                    Map.entry("events", "article.published")));
            assertEquals(302, paused.statusCode());
            String list = admin.get("/admin/webhooks").body();
            assertTrue(Jsoup.parse(list).text().contains(receiver.url() + " article.published Paused"), list);

            assertEquals(302, admin.post(path + "/delete", Map.of()).statusCode());
            assertEquals(404, admin.get(path).statusCode());
            assertEquals(404, admin.get("/admin/webhooks/nope").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void nobodyButAdministratorsSeesWebhooksAndFormsNeedTheirToken(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        assertEquals(403, editor.get("/admin/webhooks").statusCode());
        assertFalse(editor.get("/admin/").body().contains("href=\"/admin/webhooks\""), "not in an editor's navigation");
        assertEquals(403, editor.post("/admin/webhooks", Map.of("url", "https://example.org/x", "events",
                "article.published")).statusCode());
        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        HttpResponse<String> forged = admin.postRaw("/admin/webhooks", Map.of("url", "https://example.org/x",
                "events", "article.published"), Map.of());
        assertEquals(403, forged.statusCode());
        assertTrue(admin.get("/admin/webhooks").body().contains("No webhooks yet."), "nothing added");
    }
}
