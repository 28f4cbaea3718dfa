package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Actor;
import dev.byline.support.AdminBrowser;
import dev.byline.support.MailServer;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings page's mail part over HTTP, with a real SMTP server (GreenMail): where mail goes, the test message
 * (sent, refused for a wrong address, failed for a server that is down, each saying so), what waits to be sent.
 */
class SettingsMailHttpTest {

    static final String PASSWORD = "violet kettle harbour 42";

    @TempDir
    Path dir;
    MailServer server;
    Byline byline;

    @BeforeEach
    void start() {
        server = MailServer.start();
        byline = Byline.start(TestConfigs.forTests(dir).withSmtp(server.smtp()),
                new MutableClock(Instant.parse("2026-03-02T09:00:00Z")));
        for (String role : List.of("administrator", "editor")) {
            byline.services().accounts().service().add(Actor.commandLine(),
                    new NewUser(role + "@example.org", "A " + role, role), PASSWORD);
        }
    }

    @AfterEach
    void stop() {
        byline.close();
        server.close();
    }

    AdminBrowser signedIn(String role) {
        var browser = new AdminBrowser(byline.baseUrl());
        assertEquals(302, browser.login(role + "@example.org", PASSWORD).statusCode());
        return browser;
    }

    @Test
    void aTestMessageGoesOutAtOnceAndThePageSaysWhere() throws MessagingException {
        var admin = signedIn("administrator");
        String page = admin.get("/admin/settings").body();
        assertTrue(page.contains("goes through 127.0.0.1:" + server.port() + " (no TLS)"), page);
        assertTrue(page.contains("id=\"test_to\" name=\"test_to\" type=\"email\"")
                && page.contains("value=\"administrator@example.org\""), "the administrator's own address to start");

        var sent = admin.post("/admin/settings/test-message", Map.of("test_to", "editor@example.org"));
        assertEquals(302, sent.statusCode(), sent.body());
        assertTrue(admin.get("/admin/settings").body().contains("<p class=\"flash\" role=\"status\">Sent to "
                + "editor@example.org through 127.0.0.1:" + server.port() + " (no TLS).</p>"));
        var message = server.await(1, Duration.ofSeconds(10)).getFirst();
        assertEquals("Test message from Byline Test", message.getSubject());
        assertTrue(MailServer.body(message).contains("sent by administrator@example.org from the settings page"));
    }

    @Test
    void aWrongAddressOrAServerThatIsDownIsSaidAtTheField() {
        var admin = signedIn("administrator");
        admin.get("/admin/settings");
        var wrong = admin.post("/admin/settings/test-message", Map.of("test_to", "editor at example"));
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("id=\"test_to-error\">Enter one email address, such as name@example.org."),
                wrong.body());
        assertTrue(wrong.body().contains("value=\"editor at example\""), "what was typed is kept");

        server.stop();
        var down = admin.post("/admin/settings/test-message", Map.of("test_to", "editor@example.org"));
        assertEquals(502, down.statusCode(), "the mail server failed, not the person");
        assertTrue(down.body().contains("id=\"test_to-error\">"), down.body());
        assertTrue(down.body().contains("value=\"editor@example.org\""));

        // an invitation queued while the server is down waits, and the page shows it
        byline.services().accounts().service().invite(Actor.commandLine(),
                new NewUser("newcomer@example.org", "New Comer", "author"));
        String page = admin.get("/admin/settings").body();
        assertTrue(page.contains("1 message is waiting to be sent:"), page);
        assertTrue(page.contains("<td>newcomer@example.org</td>"));
    }

    @Test
    void onlyAdministratorsSendATestMessage() {
        var editor = signedIn("editor");
        editor.get("/admin/");
        var refused = editor.post("/admin/settings/test-message", Map.of("test_to", "editor@example.org"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Your role (editor) may not send a test message."), refused.body());
        assertEquals(0, server.messages().size());
    }
}
