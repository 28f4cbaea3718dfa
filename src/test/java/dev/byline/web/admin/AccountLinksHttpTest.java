package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService;
import dev.byline.account.Actor;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.User;
import dev.byline.support.AdminBrowser;
import dev.byline.support.MailServer;
import dev.byline.support.MutableClock;
import dev.byline.support.TestConfigs;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
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
 * Forgotten passwords and invitations over HTTP, with the links read from the mail that arrived at a real SMTP
 * server: a link works once, not after its time (the clock is moved), never when forged; the answer to "forgot"
 * does not tell who has an account; forms without the right CSRF token are refused.
 */
class AccountLinksHttpTest {

    static final String PASSWORD = "Tangerine-Harbor-Quill-5821";
    static final String NEW_PASSWORD = "Copper-Lantern-Meadow-3907";

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    MailServer mail;
    Byline byline;
    User chief;

    @BeforeEach
    void start() {
        mail = MailServer.start();
        byline = Byline.start(TestConfigs.forTests(dir).withSmtp(mail.smtp()), clock);
        chief = accounts().add(Actor.commandLine(),
                new AccountService.NewUser("chief@example.org", "Chief Editor", "administrator"), PASSWORD);
    }

    @AfterEach
    void stop() {
        byline.close();
        mail.close();
    }

    AccountService accounts() {
        return byline.services().accounts().service();
    }

    AdminBrowser browser() {
        return new AdminBrowser(byline.baseUrl());
    }

    /** The path of the link in the {@code index}th message (from 1), after it arrived. */
    String linkIn(int count) {
        MimeMessage message = mail.await(count, Duration.ofSeconds(20)).get(count - 1);
        String link = MailServer.link(message);
        assertTrue(link.startsWith(byline.baseUrl() + "/admin/"), link);
        return link.substring(byline.baseUrl().length());
    }

    String askForReset(AdminBrowser browser, String email) {
        browser.get("/admin/forgot");
        HttpResponse<String> answer = browser.post("/admin/forgot", Map.of("email", email));
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    @Test
    void aResetLinkSetsANewPasswordOnceEndsTheOtherSessionsAndSignsIn() throws Exception {
        var elsewhere = browser();
        assertEquals(302, elsewhere.login("chief@example.org", PASSWORD).statusCode());
        assertEquals(200, elsewhere.get("/admin/").statusCode());

        var browser = browser();
        String answer = askForReset(browser, "chief@example.org");
        assertTrue(answer.contains("If an account uses chief@example.org, we have sent it a link valid for 1 hour."),
                answer);

        MimeMessage message = mail.await(1, Duration.ofSeconds(20)).getFirst();
        assertEquals("chief@example.org", message.getAllRecipients()[0].toString());
        assertEquals("Reset your password for Byline Test", message.getSubject());
        String text = MailServer.body(message);
        assertTrue(text.contains("Hello Chief Editor,"), text);
        assertTrue(text.contains("The link works once, for 1 hour (until 2 March 2026, 10:00 UTC)."), text);
        String link = linkIn(1);
        assertTrue(link.startsWith("/admin/reset/"), link);

        HttpResponse<String> form = browser.get(link);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("chief@example.org"), "says whose password it is");

        HttpResponse<String> mismatch = browser.post(link,
                Map.of("password", NEW_PASSWORD, "password2", "something else"));
        assertEquals(422, mismatch.statusCode());
        assertTrue(mismatch.body().contains("The two passwords are not the same."));
        assertFalse(mismatch.body().contains(NEW_PASSWORD), "a password is never sent back");

        HttpResponse<String> weak = browser.post(link,
                Map.of("password", "password123", "password2", "password123"));
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("id=\"password-error\">This password is too easy to guess"), weak.body());

        HttpResponse<String> done = browser.post(link,
                Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals("/admin/", done.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> dashboard = browser.get("/admin/");
        assertEquals(200, dashboard.statusCode(), "signed in with the new password");
        assertTrue(dashboard.body().contains("Your password has been changed"), dashboard.body());

        assertEquals(302, elsewhere.get("/admin/").statusCode(), "the other session has ended");

        HttpResponse<String> again = browser().get(link);
        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("This link has already been used"), again.body());
        assertTrue(again.body().contains("href=\"/admin/forgot\""), "offers to ask again");
        var someoneElse = browser();
        someoneElse.get("/admin/login");
        assertEquals(410, someoneElse.post(link, Map.of("password", "Another-Quiet-Harbor-77", "password2",
                "Another-Quiet-Harbor-77")).statusCode(), "a used link sets nothing");

        assertEquals(401, browser().login("chief@example.org", PASSWORD).statusCode(), "the old password is gone");
        assertEquals(302, browser().login("chief@example.org", NEW_PASSWORD).statusCode());
    }

    @Test
    void anExpiredResetLinkIsRefusedAndThePasswordStays() {
        askForReset(browser(), "chief@example.org");
        String link = linkIn(1);

        clock.advance(OneTimeLinks.Purpose.PASSWORD_RESET.valid.plusMinutes(1));

        var browser = browser();
        HttpResponse<String> page = browser.get(link);
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("This link has expired."), page.body());
        assertTrue(page.body().contains("Ask for a new link"), page.body());
        browser.get("/admin/login"); // a page with a form, for the CSRF token: the refusal has none
        HttpResponse<String> post = browser.post(link,
                Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD));
        assertEquals(410, post.statusCode());
        assertEquals(302, browser().login("chief@example.org", PASSWORD).statusCode(), "nothing changed");
    }

    @Test
    void forgedLinksAreRefused() {
        var browser = browser();
        browser.get("/admin/login"); // for the CSRF token
        for (String path : List.of("/admin/reset/" + OneTimeLinks.randomToken(), "/admin/reset/abc",
                "/admin/invitation/" + OneTimeLinks.randomToken(), "/admin/invitation/x")) {
            HttpResponse<String> page = browser.get(path);
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.body().contains("This link is not valid"), page.body());
            assertEquals(404, browser.post(path, Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD,
                    "name", "Mallory")).statusCode(), path);
        }
        assertEquals(302, browser().login("chief@example.org", PASSWORD).statusCode(), "nothing changed");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAsAKnownOneAndNoMail() {
        var browser = browser();
        String unknown = askForReset(browser, "nobody@example.org");
        String known = askForReset(browser, "chief@example.org");

        assertEquals(known, unknown.replace("nobody@example.org", "chief@example.org"));
        List<MimeMessage> received = mail.await(1, Duration.ofSeconds(20));
        assertEquals(1, received.size());
        byline.services().mail().deliverDue(); // anything still queued is sent by now
        assertEquals(1, mail.messages().size(), "only the account's address got a mail");
        assertEquals("chief@example.org", MailServer.raw(received.getFirst()).lines()
                .filter(line -> line.startsWith("To: ")).findFirst().orElseThrow().substring(4));
    }

    @Test
    void theForgotFormAsksForAnAddressAndKeepsWhatWasTyped() {
        var browser = browser();
        browser.get("/admin/forgot");
        HttpResponse<String> page = browser.post("/admin/forgot", Map.of("email", "chief at example"));
        assertEquals(422, page.statusCode());
        assertTrue(page.body().contains("Enter the email address of your account"), page.body());
        assertTrue(page.body().contains("value=\"chief at example\""), page.body());
    }

    @Test
    void formsWithoutTheRightCsrfTokenAreRefused() {
        askForReset(browser(), "chief@example.org");
        String link = linkIn(1);

        var browser = browser();
        browser.get("/admin/forgot");
        HttpResponse<String> forged = browser.postRaw("/admin/forgot",
                Map.of("csrf", "forged", "email", "chief@example.org"), Map.of());
        assertEquals(403, forged.statusCode());
        assertEquals(403, browser.postRaw("/admin/forgot", Map.of("email", "chief@example.org"), Map.of())
                .statusCode());

        String othersToken = browser().tokenFrom("/admin/login").orElseThrow(); // a token, of another browser
        browser.get(link);
        assertEquals(403, browser.postRaw(link, Map.of("csrf", othersToken, "password", NEW_PASSWORD,
                "password2", NEW_PASSWORD), Map.of()).statusCode());
        assertEquals(200, browser.get(link).statusCode(), "the link still works");
        assertEquals(302, browser().login("chief@example.org", PASSWORD).statusCode(), "nothing changed");
        byline.services().mail().deliverDue();
        assertEquals(1, mail.messages().size(), "the refused requests sent nothing");
    }

    @Test
    void atMostThreeResetLinksAnHourGoToOneAccount() {
        for (int i = 0; i < 5; i++) {
            accounts().requestPasswordReset("chief@example.org", Actor.visitor("203.0.113.9"));
        }
        byline.services().mail().deliverDue();
        assertEquals(3, mail.messages().size());

        clock.advance(Duration.ofMinutes(61));
        accounts().requestPasswordReset("chief@example.org", Actor.visitor("203.0.113.9"));
        byline.services().mail().deliverDue();
        assertEquals(4, mail.await(4, Duration.ofSeconds(20)).size(), "an hour later, one more");
    }

    @Test
    void anInvitedColleagueSetsTheirPasswordAndNameThenIsSignedIn() throws Exception {
        accounts().invite(Actor.of(chief, "198.51.100.7"),
                new AccountService.NewUser("dana@example.org", "Dana Reportr", "editor"));

        MimeMessage message = mail.await(1, Duration.ofSeconds(20)).getFirst();
        assertEquals("dana@example.org", message.getAllRecipients()[0].toString());
        assertEquals("You are invited to Byline Test", message.getSubject());
        String text = MailServer.body(message);
        assertTrue(text.contains("Chief Editor (chief@example.org) invited you to the newsroom of Byline Test, as an "
                + "editor."), text);
        assertTrue(text.contains("The link works once, for 7 days (until 9 March 2026, 09:00 UTC)."), text);
        String link = linkIn(1);
        assertTrue(link.startsWith("/admin/invitation/"), link);

        var browser = browser();
        HttpResponse<String> form = browser.get(link);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("value=\"Dana Reportr\""), "the name as the inviter typed it");
        assertTrue(form.body().contains("Editor") && form.body().contains("dana@example.org"));

        HttpResponse<String> refused = browser.post(link,
                Map.of("name", " ", "password", "short", "password2", "short"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"name-error\">Enter a name."), refused.body());
        assertTrue(refused.body().contains("id=\"password-error\">Use at least 10 characters."), refused.body());

        HttpResponse<String> done = browser.post(link,
                Map.of("name", "Dana Reporter", "password", PASSWORD, "password2", PASSWORD));
        assertEquals(302, done.statusCode(), done.body());
        HttpResponse<String> dashboard = browser.get("/admin/");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Welcome to Byline Test, Dana Reporter. Your account is ready."),
                dashboard.body());

        HttpResponse<String> again = browser().get(link);
        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("This link has already been used"), again.body());
        assertEquals(302, browser().login("dana@example.org", PASSWORD).statusCode());
    }

    @Test
    void anExpiredInvitationIsRefused() {
        accounts().invite(Actor.of(chief, ""), new AccountService.NewUser("eli@example.org", "Eli", "author"));
        String link = linkIn(1);

        clock.advance(OneTimeLinks.Purpose.INVITATION.valid.plusMinutes(1));

        var browser = browser();
        HttpResponse<String> page = browser.get(link);
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("This link has expired."), page.body());
        assertTrue(page.body().contains("send a new one"), page.body());
        browser.get("/admin/login");
        assertEquals(410, browser.post(link, Map.of("name", "Eli", "password", PASSWORD, "password2", PASSWORD))
                .statusCode());
    }
}
