package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.error.Forbidden;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /admin/people over HTTP, role by role, on both databases: who may see it and act there, and that the account
 * service refuses the same when it is called directly; invitations with bad input; role changes; disabling, which
 * ends the person's sessions at once; the administrator's own account; CSRF.
 */
class PeopleHttpTest {

    static final AdminSites SITES = new AdminSites();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAdministratorsSeeAndChangePeopleAndTheServiceRefusesTheOthersToo(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AccountService accounts = site.services().accounts().service();
        User target = staff.add(Role.AUTHOR);

        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        HttpResponse<String> page = admin.get("/admin/people");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(target.email()));
        assertTrue(page.body().contains("Invite a colleague"));

        for (Role role : List.of(Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR)) {
            User user = staff.add(role);
            AdminBrowser client = staff.signIn(user);
            assertFalse(client.get("/admin/").body().contains("href=\"/admin/people\""), role + ": no People in the nav");
            assertForbidden(client.get("/admin/people"), role);
            assertForbidden(client.post("/admin/people/invite", Map.of("email", "x-" + role.key() + "@newsroom.test",
                    "name", "X", "role", "administrator")), role);
            assertForbidden(client.post("/admin/people/" + target.id() + "/role", Map.of("role", "administrator")), role);
            assertForbidden(client.post("/admin/people/" + target.id() + "/disable", Map.of()), role);
            assertForbidden(client.post("/admin/people/" + target.id() + "/enable", Map.of()), role);
            // the service says the same to a caller that skips the pages
            Actor actor = Staff.actor(user);
            assertThrows(Forbidden.class, () -> accounts.list(actor));
            assertThrows(Forbidden.class, () -> accounts.invite(actor, new NewUser("y-" + role.key()
                    + "@newsroom.test", "Y", "author")));
            assertThrows(Forbidden.class, () -> accounts.changeRole(actor, target.id(), Role.ADMINISTRATOR));
            assertThrows(Forbidden.class, () -> accounts.disable(actor, target.id()));
            assertThrows(Forbidden.class, () -> accounts.enable(actor, target.id()));
            assertTrue(accounts.findByEmail(Actor.commandLine(), "x-" + role.key() + "@newsroom.test").isEmpty());
        }
        User unchanged = accounts.find(Actor.commandLine(), target.id()).orElseThrow();
        assertEquals(Role.AUTHOR, unchanged.role());
        assertEquals(User.Status.ACTIVE, unchanged.status());

        // not signed in: to the sign-in page, and a form sent anyway changes nothing
        var visitor = new AdminBrowser(site.baseUrl());
        HttpResponse<String> anonymous = visitor.get("/admin/people");
        assertEquals(302, anonymous.statusCode());
        assertEquals("/admin/login?next=%2Fadmin%2Fpeople", anonymous.headers().firstValue("Location").orElseThrow());
        visitor.get("/admin/login");
        HttpResponse<String> post = visitor.post("/admin/people/" + target.id() + "/disable", Map.of());
        assertEquals(302, post.statusCode());
        assertTrue(post.headers().firstValue("Location").orElseThrow().startsWith("/admin/login"));
        assertEquals(User.Status.ACTIVE, accounts.find(Actor.commandLine(), target.id()).orElseThrow().status());
        assertThrows(Forbidden.class, () -> accounts.disable(Actor.visitor("127.0.0.1"), target.id()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aFailedInvitationKeepsWhatWasTypedAndSaysWhatIsWrong(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        admin.get("/admin/people");

        HttpResponse<String> bad = admin.post("/admin/people/invite", Map.of("email", "kim at newsroom", "name",
                "Kim \"KL\" <Lee>", "role", "editor"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("value=\"kim at newsroom\""), "the email as typed");
        assertTrue(bad.body().contains("value=\"Kim &#34;KL&#34; &lt;Lee>\""), "the name as typed, escaped: "
                + bad.body().lines().filter(line -> line.contains("Kim")).toList());
        assertTrue(bad.body().contains("<p class=\"field-error\" id=\"email-error\">Enter an email address such as "
                + "name@example.org.</p>"));
        assertTrue(bad.body().contains("<option value=\"editor\" selected>Editor</option>"), "the role chosen");
        assertTrue(bad.body().contains("aria-invalid=\"true\""));

        String email = "kim-" + database.name().toLowerCase() + "@newsroom.test";
        HttpResponse<String> sent = admin.post("/admin/people/invite", Map.of("email", email.toUpperCase(), "name",
                "Kim Lee", "role", "editor"));
        assertEquals(302, sent.statusCode());
        HttpResponse<String> after = admin.follow(sent);
        assertTrue(after.body().contains("Invitation sent to " + email + "."), after.body());
        User kim = site.services().accounts().service().findByEmail(Actor.commandLine(), email).orElseThrow();
        assertEquals(User.Status.INVITED, kim.status());
        assertEquals(Role.EDITOR, kim.role());

        HttpResponse<String> again = admin.post("/admin/people/invite", Map.of("email", email, "name", "Kim Lee", "role",
                "author"));
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("An account already uses " + email + "."));
        HttpResponse<String> noRole = admin.post("/admin/people/invite", Map.of("email", "x" + email, "name", "X", "role",
                "owner"));
        assertEquals(422, noRole.statusCode());
        assertTrue(noRole.body().contains("Choose a role: administrator, editor, author or contributor."));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRoleChangeHoldsAtOnceAndDisablingEndsTheSessionsAtOnce(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        User editor = staff.add(Role.EDITOR);
        AdminBrowser editorsBrowser = staff.signIn(editor);
        AdminBrowser editorsPhone = staff.signIn(editor);
        assertForbidden(editorsBrowser.get("/admin/people"), Role.EDITOR);

        admin.get("/admin/people");
        HttpResponse<String> promoted = admin.post("/admin/people/" + editor.id() + "/role", Map.of("role", "administrator"));
        assertEquals(302, promoted.statusCode());
        assertTrue(admin.follow(promoted).body().contains(editor.email() + ") is now administrator."));
        assertEquals(200, editorsBrowser.get("/admin/people").statusCode(), "the new role holds on the next request");
        HttpResponse<String> demoted = admin.post("/admin/people/" + editor.id() + "/role", Map.of("role", "contributor"));
        assertEquals(302, demoted.statusCode());
        assertForbidden(editorsBrowser.get("/admin/people"), Role.CONTRIBUTOR);

        admin.get("/admin/people");
        HttpResponse<String> disabled = admin.post("/admin/people/" + editor.id() + "/disable", Map.of());
        assertEquals(302, disabled.statusCode());
        String flash = admin.follow(disabled).body();
        assertTrue(flash.contains("is disabled and signed out everywhere."), flash);
        for (AdminBrowser browser : List.of(editorsBrowser, editorsPhone)) {
            HttpResponse<String> next = browser.get("/admin/");
            assertEquals(302, next.statusCode(), "the disabled person's next request");
            assertTrue(next.headers().firstValue("Location").orElseThrow().startsWith("/admin/login"));
        }
        assertTrue(site.services().accounts().sessions().list(editor.id()).isEmpty());
        HttpResponse<String> refused = new AdminBrowser(site.baseUrl()).login(editor.email(), Staff.PASSWORD);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("disabled"));

        admin.get("/admin/people");
        assertEquals(302, admin.post("/admin/people/" + editor.id() + "/enable", Map.of()).statusCode());
        assertEquals(302, new AdminBrowser(site.baseUrl()).login(editor.email(), Staff.PASSWORD).statusCode(),
                "enabled: signs in again");

        List<String> logged = site.services().accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter("", editor.id(), null, null, 1, 50)).entries().stream()
                .map(Activity::action).toList();
        assertTrue(logged.containsAll(List.of(Activity.ROLE_CHANGED, Activity.USER_DISABLED, Activity.USER_ENABLED)),
                logged.toString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anInvitationIsSentAgainWithANewLinkThatAloneWorks(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AccountService accounts = site.services().accounts().service();
        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        String email = "ines-" + database.name().toLowerCase(java.util.Locale.ROOT) + "@newsroom.test";
        var first = accounts.invite(Actor.commandLine(), new NewUser(email, "Ines", "author"));
        assertTrue(admin.get("/admin/people").body().contains("Send the invitation again"));

        HttpResponse<String> again = admin.post("/admin/people/" + first.user().id() + "/resend", Map.of());
        assertEquals(302, again.statusCode());
        assertTrue(admin.follow(again).body().contains("Invitation sent again to " + email
                + ". The links sent before no longer work."));
        assertTrue(accounts.invitationFor(first.token()).isEmpty(), "the first link no longer works");
        assertEquals(410, new AdminBrowser(site.baseUrl()).get("/admin/invitation/" + first.token()).statusCode());
        long sent = site.services().accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter(Activity.INVITED, first.user().id(), null, null, 1, 10)).entries().stream()
                .filter(entry -> entry.detail().equals("invitation sent again")).count();
        assertEquals(1, sent);

        // accepted meanwhile: nothing to send again
        User active = staff.add(Role.AUTHOR);
        admin.get("/admin/people");
        HttpResponse<String> none = admin.post("/admin/people/" + active.id() + "/resend", Map.of());
        assertEquals(409, none.statusCode());
        assertTrue(none.body().contains("there is no invitation to send again"), none.body());
        AdminBrowser author = staff.signIn(active);
        assertForbidden(author.post("/admin/people/" + first.user().id() + "/resend", Map.of()), Role.AUTHOR);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAdministratorResetsALostSecondFactorAndThePersonIsSignedOut(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        User editor = staff.add(Role.EDITOR);
        AdminBrowser editorsBrowser = staff.signIn(editor);
        var sessions = site.services().accounts().sessions();
        String sessionId = sessions.find(editorsBrowser.cookie("byline_session").orElseThrow()).orElseThrow()
                .session().id();
        var twoFactor = site.services().accounts().twoFactor();
        Actor self = Staff.actor(editor);
        var enrolment = twoFactor.begin(self, sessionId);
        twoFactor.confirm(self, sessionId, enrolment.seal(),
                dev.byline.support.AuthenticatorApp.code(enrolment.secret(), java.time.Instant.now()));

        AdminBrowser author = staff.signIn(staff.add(Role.AUTHOR));
        assertForbidden(author.post("/admin/people/" + editor.id() + "/two-factor/reset", Map.of()), Role.AUTHOR);
        assertTrue(twoFactor.status(Actor.commandLine(), editor.id()).enabled());

        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        assertTrue(admin.get("/admin/people").body().contains("Reset two-factor"));
        HttpResponse<String> reset = admin.post("/admin/people/" + editor.id() + "/two-factor/reset", Map.of());
        assertEquals(302, reset.statusCode());
        assertTrue(admin.follow(reset).body().contains("Two-factor authentication is off for"));
        assertFalse(twoFactor.status(Actor.commandLine(), editor.id()).enabled());
        assertTrue(sessions.list(editor.id()).isEmpty(), "whoever holds the phone is signed out too");
        assertEquals(302, editorsBrowser.get("/admin/").statusCode());
        admin.get("/admin/people");
        assertEquals(409, admin.post("/admin/people/" + editor.id() + "/two-factor/reset", Map.of()).statusCode(),
                "nothing left to reset");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAdministratorCannotChangeTheirOwnAccountAndTheLastAdministratorStays(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        User self = staff.add(Role.ADMINISTRATOR);
        AdminBrowser admin = staff.signIn(self);
        String page = admin.get("/admin/people").body();
        assertFalse(page.contains("action=\"/admin/people/" + self.id() + "/disable\""), "no button on one's own row");

        HttpResponse<String> own = admin.post("/admin/people/" + self.id() + "/disable", Map.of());
        assertEquals(403, own.statusCode());
        assertTrue(own.body().contains("You may not disable the account on your own account: ask another "
                + "administrator."), own.body());
        assertEquals(403, admin.post("/admin/people/" + self.id() + "/role", Map.of("role", "author")).statusCode());
        assertEquals(Role.ADMINISTRATOR, site.services().accounts().service().find(Actor.commandLine(), self.id())
                .orElseThrow().role());
        assertEquals(200, admin.get("/admin/people").statusCode(), "still an administrator, still signed in");

        // the operator, on a site whose only administrator this is, cannot take the role away either
        try (var lonely = new AdminSites()) {
            Byline alone = lonely.site(database);
            User only = new Staff(alone).add(Role.ADMINISTRATOR);
            AccountService accounts = alone.services().accounts().service();
            var refused = assertThrows(Forbidden.class, () -> accounts.disable(Actor.commandLine(), only.id()));
            assertEquals(only.email() + " is the only active administrator and cannot be disabled.",
                    refused.getMessage());
            assertThrows(Forbidden.class, () -> accounts.changeRole(Actor.commandLine(), only.id(), Role.EDITOR));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aFormWithoutTheRightTokenIsRefusedWithAPageSayingWhatToDo(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser admin = staff.signedIn(Role.ADMINISTRATOR);
        User target = staff.add(Role.AUTHOR);
        admin.get("/admin/people");
        for (HttpResponse<String> refused : List.of(
                admin.postRaw("/admin/people/" + target.id() + "/disable", Map.of(), Map.of()),
                admin.postRaw("/admin/people/" + target.id() + "/disable", Map.of("csrf", "forged"), Map.of()),
                admin.postRaw("/admin/people/invite", Map.of("csrf", admin.csrf() + "x", "email", "z@newsroom.test",
                        "name", "Z", "role", "author"), Map.of()),
                admin.postRaw("/admin/profile/sessions/others", Map.of("csrf", ""), Map.of()))) {
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("This form could not be accepted"));
            assertTrue(refused.body().contains("Go back, reload the page, and send the form again."));
        }
        // a token from another browser's session does not fit this one
        AdminBrowser other = staff.signedIn(Role.ADMINISTRATOR);
        assertEquals(403, admin.postRaw("/admin/people/" + target.id() + "/disable", Map.of("csrf", other.csrf()), Map.of())
                .statusCode());
        assertEquals(User.Status.ACTIVE, site.services().accounts().service().find(Actor.commandLine(), target.id())
                .orElseThrow().status());
        assertTrue(site.services().accounts().service().findByEmail(Actor.commandLine(), "z@newsroom.test").isEmpty());
    }

    @Test
    void anUnknownPersonIsNotFound() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser admin = new Staff(site).signedIn(Role.ADMINISTRATOR);
        admin.get("/admin/people");
        assertEquals(404, admin.post("/admin/people/999999/disable", Map.of()).statusCode());
        assertEquals(404, admin.post("/admin/people/abc/disable", Map.of()).statusCode());
        assertEquals(400, admin.post("/admin/people/1/role", Map.of("role", "owner")).statusCode());
    }

    static void assertForbidden(HttpResponse<String> response, Role role) {
        assertEquals(403, response.statusCode(), role + " gets the 403 page");
        assertTrue(response.body().contains("Your role (" + role.key() + ") may not"), response.body());
    }
}
