package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.AccountService.Invitation;
import dev.byline.account.AccountService.NewUser;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link AccountService} with real stores on both databases: what it does, what it refuses, and to whom. */
class AccountServiceTest extends AccountsTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void addMakesAnActiveAccountWithAnAuthorProfile(TestDatabases db) {
        open(db);
        User ana = service.add(OPERATOR, new NewUser(" Ana@Example.ORG ", " Ana Lima ", "Administrator"), PASSWORD);

        assertEquals(List.of("ana@example.org", "Ana Lima", Role.ADMINISTRATOR, User.Status.ACTIVE, false),
                List.of(ana.email(), ana.displayName(), ana.role(), ana.status(), ana.twoFactor()));
        assertEquals("Ana Lima", newsroom.authors.find(ana.authorId()).orElseThrow().displayName());
        assertEquals(START.toEpochMilli(), ana.createdAt());
        signIn(accounts, "ana@example.org", PASSWORD);
        Activity added = log(Activity.USER_ADDED).getFirst();
        assertEquals(List.of("command line", "ana@example.org", "administrator"),
                List.of(added.actor(), added.subject(), added.detail()));
        assertEquals(ana.id(), added.aboutUserId());

        // a second Ana gets her own profile, and her own slug
        User other = service.add(OPERATOR, new NewUser("ana.lima@example.org", "Ana Lima", "author"), PASSWORD);
        assertFalse(newsroom.authors.find(other.authorId()).orElseThrow().slug()
                .equals(newsroom.authors.find(ana.authorId()).orElseThrow().slug()));
        // the hash is argon2id, never the password
        String hash = newsroom.database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT password_hash FROM users WHERE id = :id").bind("id", ana.id()).mapTo(String.class).one());
        assertTrue(hash.startsWith("$argon2id$") && !hash.contains(PASSWORD), hash);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void addRefusesEveryProblemAtOnceAndAnAddressInUse(TestDatabases db) {
        open(db);
        Invalid everything = assertThrows(Invalid.class,
                () -> service.add(OPERATOR, new NewUser("ana@", "  ", "chief"), "short"));
        assertEquals(Map.of("email", "Enter an email address such as name@example.org.", "name", "Enter a name.",
                "role", "Choose a role: administrator, editor, author or contributor.",
                "password", "Use at least 10 characters."), everything.fieldErrors());
        Invalid guessable = assertThrows(Invalid.class,
                () -> service.add(OPERATOR, new NewUser("ana@example.org", "Ana", "editor"), "password123"));
        assertEquals(List.of("password"), List.copyOf(guessable.fieldErrors().keySet()));
        Invalid ownName = assertThrows(Invalid.class, () -> service.add(OPERATOR,
                new NewUser("ana.lima@example.org", "Ana Lima", "editor"), "ana.lima@example.org"));
        assertTrue(ownName.fieldErrors().get("password").startsWith("This password is too easy to guess"),
                "a password made of one's own email");
        assertEquals(0, userCount());
        assertEquals(0, authorCount(), "no author profile is left behind");

        add("ana@example.org", Role.EDITOR);
        Invalid taken = assertThrows(Invalid.class,
                () -> service.add(OPERATOR, new NewUser("ANA@example.org", "Other Ana", "author"), PASSWORD));
        assertEquals(Map.of("email", "An account already uses ana@example.org."), taken.fieldErrors());
        assertEquals(1, userCount());
        assertEquals(1, authorCount(), "the refused account's profile was rolled back with it");
    }

    /**
     * Two administrators add the same address at once (a form sent twice, two nodes): one account is made, the
     * other is told the address is in use, never a database error.
     */
    @Test
    void twoAddsOfOneAddressAtOnceMakeOneAccount() throws Exception {
        open(TestDatabases.POSTGRES);
        List<Callable<User>> adds = List.of(
                () -> service.add(OPERATOR, new NewUser("ed@example.org", "Ed One", "editor"), PASSWORD),
                () -> service.add(OPERATOR, new NewUser("ed@example.org", "Ed Two", "author"), PASSWORD));
        List<Object> outcomes = racing(adds, 2);
        assertEquals(1, outcomes.stream().filter(User.class::isInstance).count(), outcomes.toString());
        Invalid refused = (Invalid) outcomes.stream().filter(Invalid.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("the second add must be refused as Invalid: " + outcomes));
        assertEquals(Map.of("email", "An account already uses ed@example.org."), refused.fieldErrors());
        assertEquals(1, userCount());
        assertEquals(1, authorCount(), "the refused account's profile was rolled back with it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anInvitationIsAcceptedOnceWithANameAndPassword(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        Invitation invitation = service.invite(actor(ana), new NewUser("Ed@Example.org", "Ed", "editor"));
        User invited = invitation.user();
        assertEquals(List.of("ed@example.org", User.Status.INVITED, Role.EDITOR),
                List.of(invited.email(), invited.status(), invited.role()));
        assertEquals(new SignIn.Refused(SignIn.WRONG), accounts.signIn().password("ed@example.org", "", IP, "b"),
                "no password yet: nothing signs in");
        assertEquals(Optional.of(invited), service.invitationFor(invitation.token()));
        Activity logged = log(Activity.INVITED).getFirst();
        assertEquals(List.of("ana@example.org", "ed@example.org", "editor"),
                List.of(logged.actor(), logged.subject(), logged.detail()));

        // a bad form keeps the link working
        Invalid bad = assertThrows(Invalid.class,
                () -> service.acceptInvitation(invitation.token(), " ", "short", Actor.visitor(IP)));
        assertEquals(Map.of("name", "Enter a name.", "password", "Use at least 10 characters."), bad.fieldErrors());
        assertTrue(service.invitationFor(invitation.token()).isPresent());

        User accepted = service.acceptInvitation(invitation.token(), " Edwina ", OTHER_PASSWORD, Actor.visitor(IP));
        assertEquals(List.of("Edwina", User.Status.ACTIVE), List.of(accepted.displayName(), accepted.status()));
        signIn(accounts, "ed@example.org", OTHER_PASSWORD);
        OneTimeLinks.Refused again = assertThrows(OneTimeLinks.Refused.class,
                () -> service.acceptInvitation(invitation.token(), "Mallory", PASSWORD, Actor.visitor(IP)));
        assertEquals(OneTimeLinks.Refusal.USED, again.refusal());
        assertEquals("Edwina", reload(accepted).displayName());
        assertEquals("Edwina", newsroom.authors.find(accepted.authorId()).orElseThrow().displayName(),
                "the name chosen at acceptance is the byline too");
        Activity acceptedEntry = log(Activity.INVITATION_ACCEPTED).getFirst();
        assertEquals(List.of("ed@example.org", accepted.id()),
                List.of(acceptedEntry.actor(), acceptedEntry.userId()), "the new account did it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void rolesChangeAndTheChangeIsLogged(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        User ed = add("ed@example.org", Role.EDITOR);

        User changed = service.changeRole(actor(ana), ed.id(), Role.AUTHOR);
        assertEquals(Role.AUTHOR, changed.role());
        assertEquals(Role.AUTHOR, reload(ed).role());
        assertEquals(changed, service.changeRole(actor(ana), ed.id(), Role.AUTHOR), "the same role: nothing to do");
        List<Activity> changes = log(Activity.ROLE_CHANGED);
        assertEquals(1, changes.size(), "only what happened is logged");
        assertEquals(List.of("ana@example.org", "ed@example.org", "editor → author", ed.id()), List.of(
                changes.getFirst().actor(), changes.getFirst().subject(), changes.getFirst().detail(),
                changes.getFirst().aboutUserId()));
        // the owner sees it among what concerns them
        assertEquals(1, accounts.activity().list(actor(reload(ed)),
                new ActivityLog.Filter(Activity.ROLE_CHANGED, 0, null, null, 1, 50)).total());

        assertEquals("There is no such account.", assertThrows(NotFound.class,
                () -> service.changeRole(actor(ana), 9999, Role.EDITOR)).getMessage());
        assertEquals("You may not change the role on your own account: ask another administrator.",
                assertThrows(Forbidden.class, () -> service.changeRole(actor(ana), ana.id(), Role.EDITOR))
                        .getMessage());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLastActiveAdministratorKeepsTheRoleAndTheAccount(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        User bo = add("bo@example.org", Role.EDITOR);

        assertEquals("ana@example.org is the only active administrator: make someone else an administrator first.",
                assertThrows(Forbidden.class, () -> service.changeRole(OPERATOR, ana.id(), Role.EDITOR))
                        .getMessage());
        assertEquals("ana@example.org is the only active administrator and cannot be disabled.",
                assertThrows(Forbidden.class, () -> service.disable(OPERATOR, ana.id())).getMessage());

        // an invited administrator, or a disabled one, does not count
        service.invite(OPERATOR, new NewUser("ivy@example.org", "Ivy", "administrator"));
        service.changeRole(OPERATOR, bo.id(), Role.ADMINISTRATOR);
        service.disable(OPERATOR, bo.id());
        assertThrows(Forbidden.class, () -> service.changeRole(OPERATOR, ana.id(), Role.AUTHOR));
        assertThrows(Forbidden.class, () -> service.disable(OPERATOR, ana.id()));
        assertEquals(List.of(Role.ADMINISTRATOR, User.Status.ACTIVE), List.of(reload(ana).role(), reload(ana).status()));

        // with another active administrator, the first may step down
        service.enable(OPERATOR, bo.id());
        assertEquals(Role.EDITOR, service.changeRole(OPERATOR, ana.id(), Role.EDITOR).role());
        assertThrows(Forbidden.class, () -> service.disable(OPERATOR, bo.id()));
    }

    /**
     * Two administrators, each demoting the other at the same moment (or one disabling while the other demotes):
     * each change alone leaves an administrator, both together would leave none. One must wait for the other and
     * then be refused. PostgreSQL only: SQLite's writers never overlap.
     */
    @Test
    void twoAdministratorsRemovingEachOtherAtOnceLeaveOne() throws Exception {
        open(TestDatabases.POSTGRES);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        User bo = add("bo@example.org", Role.ADMINISTRATOR);
        List<Object> outcomes = racing(List.of(
                () -> service.changeRole(actor(ana), bo.id(), Role.EDITOR),
                () -> service.disable(actor(bo), ana.id())), 2);

        assertEquals(1, outcomes.stream().filter(User.class::isInstance).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(Forbidden.class::isInstance).count(), outcomes.toString());
        long activeAdministrators = service.list(OPERATOR).stream()
                .filter(user -> user.role() == Role.ADMINISTRATOR && user.active()).count();
        assertEquals(1, activeAdministrators, service.list(OPERATOR).toString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void disablingEndsSessionsKeepsArticlesAndEnablingUndoesIt(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        User ed = add("ed@example.org", Role.AUTHOR);
        String phone = signIn(ed);
        String laptop = signIn(ed);
        Section local = newsroom.taxonomy.saveSection(new Section(0, "", "Local", "", null, 1));
        var article = newsroom.articles.save(new ArticleDraft(0, "Harbour reopens", "", "", "Monday.", "", null,
                ArticleStatus.PUBLISHED, local.id(), List.of(ed.authorId()), List.of(), null));

        User disabled = service.disable(actor(ana), ed.id());
        assertEquals(User.Status.DISABLED, disabled.status());
        assertTrue(accounts.sessions().find(phone).isEmpty() && accounts.sessions().find(laptop).isEmpty());
        assertEquals(new SignIn.Refused("This account is disabled. Ask an administrator to enable it."),
                accounts.signIn().password("ed@example.org", PASSWORD, IP, "b"));
        assertEquals(ArticleStatus.PUBLISHED, newsroom.articles.find(article.id()).orElseThrow().status());
        assertEquals(List.of(ed.authorId()), newsroom.articles.find(article.id()).orElseThrow().authorIds());
        assertEquals("2 sessions ended", log(Activity.USER_DISABLED).getFirst().detail());
        assertEquals(disabled, service.disable(actor(ana), ed.id()), "disabled twice: nothing more");
        assertEquals(1, log(Activity.USER_DISABLED).size());

        assertEquals(User.Status.ACTIVE, service.enable(actor(ana), ed.id()).status());
        signIn(ed);
        assertEquals(User.Status.ACTIVE, service.enable(actor(ana), ed.id()).status(), "not disabled: unchanged");
        assertEquals(1, log(Activity.USER_ENABLED).size());

        // an invitation disabled and enabled again waits for its password again; its link no longer works
        Invitation ivy = service.invite(actor(ana), new NewUser("ivy@example.org", "Ivy", "contributor"));
        service.disable(actor(ana), ivy.user().id());
        assertEquals(User.Status.INVITED, service.enable(actor(ana), ivy.user().id()).status());
        assertTrue(service.invitationFor(ivy.token()).isEmpty(), "disabling revoked the link");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAdministratorSetsSomeonesPassword(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        User ed = add("ed@example.org", Role.EDITOR);
        String session = signIn(ed);

        Invalid weak = assertThrows(Invalid.class, () -> service.setPassword(actor(ana), ed.id(), "qwertyuiop"));
        assertTrue(weak.fieldErrors().get("password").startsWith("This password is too easy to guess"));
        assertTrue(accounts.sessions().find(session).isPresent(), "a refused password changes nothing");

        service.setPassword(actor(ana), ed.id(), OTHER_PASSWORD);
        assertTrue(accounts.sessions().find(session).isEmpty(), "their sessions ended");
        assertEquals(new SignIn.Refused(SignIn.WRONG), accounts.signIn().password(ed.email(), PASSWORD, IP, "b"));
        signIn(accounts, ed.email(), OTHER_PASSWORD);
        assertEquals("set by ana@example.org", log(Activity.PASSWORD_RESET).getFirst().detail());

        // an invited account given a password is active, and its invitation link is spent
        Invitation ivy = service.invite(actor(ana), new NewUser("ivy@example.org", "Ivy", "author"));
        service.setPassword(actor(ana), ivy.user().id(), OTHER_PASSWORD);
        assertEquals(User.Status.ACTIVE, reload(ivy.user()).status());
        assertTrue(service.invitationFor(ivy.token()).isEmpty());
        signIn(accounts, "ivy@example.org", OTHER_PASSWORD);

        assertThrows(NotFound.class, () -> service.setPassword(actor(ana), 9999, OTHER_PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void changingOnesOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions(TestDatabases db) {
        open(db);
        User ed = add("ed@example.org", Role.CONTRIBUTOR);
        String here = signIn(ed);
        String elsewhere = signIn(ed);
        String keep = accounts.sessions().find(here).orElseThrow().session().id();

        Invalid both = assertThrows(Invalid.class,
                () -> service.changePassword(actor(ed), "not it at all", "short", keep));
        assertEquals(Map.of("current", "That is not your current password.", "password", "Use at least 10 characters."),
                both.fieldErrors());
        Invalid wrong = assertThrows(Invalid.class,
                () -> service.changePassword(actor(ed), null, OTHER_PASSWORD, keep));
        assertEquals(Map.of("current", "That is not your current password."), wrong.fieldErrors());
        assertTrue(accounts.sessions().find(elsewhere).isPresent(), "refused: nothing ended");

        service.changePassword(actor(ed), PASSWORD, OTHER_PASSWORD, keep);
        assertTrue(accounts.sessions().find(here).isPresent(), "this browser stays signed in");
        assertTrue(accounts.sessions().find(elsewhere).isEmpty(), "the others are signed out");
        signIn(accounts, ed.email(), OTHER_PASSWORD);
        assertEquals(1, log(Activity.PASSWORD_CHANGED).size());

        assertEquals("Please sign in to change your password.", assertThrows(Forbidden.class,
                () -> service.changePassword(Actor.visitor(IP), PASSWORD, OTHER_PASSWORD, null)).getMessage());
        service.disable(OPERATOR, ed.id());
        assertThrows(Forbidden.class, () -> service.changePassword(actor(ed), OTHER_PASSWORD, PASSWORD, keep),
                "a disabled account changes nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void guessingTheCurrentPasswordIsThrottledLikeSigningIn(TestDatabases db) {
        open(db);
        User ed = add("ed@example.org", Role.AUTHOR);
        String keep = accounts.sessions().find(signIn(ed)).orElseThrow().session().id();
        for (int i = 0; i < 5; i++) {
            int round = i;
            assertEquals(Map.of("current", "That is not your current password."), assertThrows(Invalid.class,
                    () -> service.changePassword(actor(ed), "guess number " + round, OTHER_PASSWORD, keep))
                    .fieldErrors());
        }
        String refused = assertThrows(Invalid.class,
                () -> service.changePassword(actor(ed), PASSWORD, OTHER_PASSWORD, keep)).fieldErrors().get("current");
        assertTrue(refused.startsWith("Too many wrong passwords. You may try again after "), refused);
        assertEquals(5, log(Activity.SIGN_IN_FAILED).size());
        assertEquals(1, log(Activity.LOCKED_OUT).size(), "the owner and the administrators see it");
        assertInstanceOf(SignIn.Locked.class, accounts.signIn().password(ed.email(), PASSWORD, IP, "b"),
                "the account is locked for sign-in too");
    }

    /** Every action on people, as each role that is not an administrator, and as a visitor: refused, nothing changed. */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"EDITOR", "AUTHOR", "CONTRIBUTOR"})
    void everyPeopleActionIsForbiddenToEveryRoleButAdministrator(Role role) {
        open(TestDatabases.SQLITE);
        User me = add("me@example.org", role);
        User target = add("target@example.org", Role.EDITOR);
        User off = add("off@example.org", Role.AUTHOR);
        service.disable(OPERATOR, off.id());
        int entries = accounts.activity().list(OPERATOR, new ActivityLog.Filter("", 0, null, null, 1, 200)).total();
        String session = signIn(target);

        var checks = new ArrayList<Executable>();
        for (Actor actor : List.of(actor(me), Actor.visitor(IP))) {
            String who = actor.role().map(r -> "Your role (" + r.key() + ") may not ").orElse("Please sign in to ");
            Map<String, Executable> actions = Map.of(
                    "add people", () -> service.add(actor, new NewUser("new@example.org", "New", "author"), PASSWORD),
                    "invite people", () -> service.invite(actor, new NewUser("new@example.org", "New", "author")),
                    "see the list of people", () -> service.list(actor),
                    "look people up", () -> service.findByEmail(actor, target.email()),
                    "see other people's accounts", () -> service.find(actor, target.id()),
                    "change the role", () -> service.changeRole(actor, target.id(), Role.ADMINISTRATOR),
                    "disable the account", () -> service.disable(actor, target.id()),
                    "enable the account", () -> service.enable(actor, off.id()),
                    "set other people's passwords", () -> service.setPassword(actor, target.id(), OTHER_PASSWORD));
            actions.forEach((action, call) -> checks.add(() -> assertEquals(who + action + ".",
                    assertThrows(Forbidden.class, call, actor.name() + ": " + action).getMessage())));
        }
        // no promoting oneself either
        checks.add(() -> assertThrows(Forbidden.class,
                () -> service.changeRole(actor(me), me.id(), Role.ADMINISTRATOR)));
        assertAll(checks);

        assertEquals(Optional.of(me), service.find(actor(me), me.id()), "one's own account is one's to see");
        assertEquals(3, userCount());
        assertEquals(List.of(role, Role.EDITOR, User.Status.DISABLED),
                List.of(reload(me).role(), reload(target).role(), reload(off).status()));
        assertTrue(accounts.sessions().find(session).isPresent(), "the target is still signed in");
        signIn(target);
        assertEquals(entries, accounts.activity().list(OPERATOR, new ActivityLog.Filter("", 0, null, null, 1, 200))
                .total() - 2, "nothing logged but the two sign-ins");
    }

    @Test
    void theFirstAdministratorIsSetUpOnceThroughAnyOfTheSetupLinks() {
        open(TestDatabases.SQLITE);
        String first = service.setupLinkIfNoUsers().orElseThrow();
        String second = service.setupLinkIfNoUsers().orElseThrow(); // another node's start
        assertTrue(service.setupLinkValid(first) && service.setupLinkValid(second));
        assertFalse(service.hasUsers());

        User ana = service.setUp(second, new NewUser("ana@example.org", "Ana", "editor"), PASSWORD,
                Actor.visitor(IP));
        assertEquals(Role.ADMINISTRATOR, ana.role(), "the first account is an administrator whatever was asked");
        assertEquals(Optional.empty(), service.setupLinkIfNoUsers());
        assertFalse(service.setupLinkValid(first), "every setup link is spent");
        assertEquals(OneTimeLinks.Refusal.USED, assertThrows(OneTimeLinks.Refused.class, () -> service.setUp(first,
                new NewUser("eve@example.org", "Eve", "administrator"), PASSWORD, Actor.visitor(IP))).refusal());
        assertEquals(1, userCount());
        assertEquals("ana@example.org", log(Activity.SETUP).getFirst().actor());

        clock.advance(Duration.ofDays(2));
        assertTrue(service.hasUsers());
    }
}
