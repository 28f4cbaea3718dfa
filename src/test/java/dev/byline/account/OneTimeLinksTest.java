package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.AccountService.Invitation;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.OneTimeLinks.Purpose;
import dev.byline.account.OneTimeLinks.Refusal;
import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link OneTimeLinks}: each link works once, until it expires, and only as issued; the database keeps only its
 * hash. Two takers at once on PostgreSQL: exactly one wins.
 */
class OneTimeLinksTest extends AccountsTest {

    private OneTimeLinks links;
    private Jdbi jdbi;

    private void openLinks(TestDatabases db) {
        open(db);
        links = new OneTimeLinks(clock);
        jdbi = newsroom.database.jdbi();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLinkWorksOnce(TestDatabases db) {
        openLinks(db);
        User ed = add("ed@example.org", Role.EDITOR);
        String token = jdbi.inTransaction(handle -> links.create(handle, Purpose.PASSWORD_RESET, ed.id()));

        assertEquals(Optional.of(ed.id()), jdbi.withHandle(handle -> links.peek(handle, Purpose.PASSWORD_RESET, token)));
        assertEquals(Optional.of(ed.id()), jdbi.withHandle(handle -> links.peek(handle, Purpose.PASSWORD_RESET, token)),
                "looking does not use it");
        assertEquals(ed.id(), take(Purpose.PASSWORD_RESET, token));
        assertEquals(Refusal.USED, refusal(Purpose.PASSWORD_RESET, token));
        assertEquals(Optional.empty(), jdbi.withHandle(handle -> links.peek(handle, Purpose.PASSWORD_RESET, token)));
        assertEquals("This link has already been used. Each link works once.", Refusal.USED.message);

        // revoked (a newer link, a changed password): as used
        String older = jdbi.inTransaction(handle -> links.create(handle, Purpose.PASSWORD_RESET, ed.id()));
        jdbi.useTransaction(handle -> links.revoke(handle, Purpose.PASSWORD_RESET, ed.id()));
        assertEquals(Refusal.USED, refusal(Purpose.PASSWORD_RESET, older));

        // a taker whose transaction rolls back leaves the link working
        String kept = jdbi.inTransaction(handle -> links.create(handle, Purpose.PASSWORD_RESET, ed.id()));
        assertThrows(IllegalStateException.class, () -> jdbi.useTransaction(handle -> {
            links.take(handle, Purpose.PASSWORD_RESET, kept);
            throw new IllegalStateException("the rest of the work failed");
        }));
        assertEquals(ed.id(), take(Purpose.PASSWORD_RESET, kept));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLinkExpiresAfterItsTime(TestDatabases db) {
        openLinks(db);
        User ed = add("ed@example.org", Role.EDITOR);
        for (Purpose purpose : Purpose.values()) {
            long userId = purpose == Purpose.SETUP ? 0 : ed.id();
            String early = jdbi.inTransaction(handle -> links.create(handle, purpose, userId));
            String late = jdbi.inTransaction(handle -> links.create(handle, purpose, userId));
            clock.advance(purpose.valid.minusMillis(1));
            assertEquals(userId, take(purpose, early), purpose + " in time");
            clock.advance(Duration.ofMillis(1));
            assertEquals(Refusal.EXPIRED, refusal(purpose, late), purpose + " after " + purpose.valid);
        }
        assertEquals(List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(1)),
                List.of(Purpose.SETUP.valid, Purpose.INVITATION.valid, Purpose.PASSWORD_RESET.valid));

        Invitation invitation = service.invite(OPERATOR, new NewUser("ivy@example.org", "Ivy", "author"));
        clock.advance(Duration.ofDays(7));
        assertTrue(service.invitationFor(invitation.token()).isEmpty());
        assertEquals(Refusal.EXPIRED, assertThrows(OneTimeLinks.Refused.class, () -> service.acceptInvitation(
                invitation.token(), "Ivy", PASSWORD, Actor.visitor(IP))).refusal());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void forgedLinksAreUnknown(TestDatabases db) {
        openLinks(db);
        User ed = add("ed@example.org", Role.EDITOR);
        String token = jdbi.inTransaction(handle -> links.create(handle, Purpose.INVITATION, ed.id()));
        String stored = jdbi.withHandle(handle -> handle.createQuery("SELECT token_hash FROM one_time_links")
                .mapTo(String.class).one());
        assertEquals(OneTimeLinks.hash(token), stored, "the database keeps the hash, not the link");
        assertEquals(43, token.length(), "256 bits, URL-safe Base64");

        var forgeries = new ArrayList<>(List.of(OneTimeLinks.randomToken(), stored, "", "short",
                "x".repeat(101), token + "x", token.substring(1),
                token.substring(0, 42) + (token.endsWith("A") ? "B" : "A")));
        forgeries.add(null);
        for (String forged : forgeries) {
            assertEquals(Refusal.UNKNOWN, refusal(Purpose.INVITATION, forged), String.valueOf(forged));
        }
        assertEquals(Refusal.UNKNOWN, refusal(Purpose.PASSWORD_RESET, token), "an invitation is not a reset link");
        assertEquals(Refusal.UNKNOWN, refusal(Purpose.SETUP, token), "nor a setup link");
        assertEquals(ed.id(), take(Purpose.INVITATION, token),
                "the real link still works");
        assertFalse(service.setupLinkValid(OneTimeLinks.randomToken()));
    }

    /** Two people follow one invitation link at the same moment: one account, the other told it was used. */
    @Test
    void ofTwoTakingOneLinkAtOnceExactlyOneWins() throws Exception {
        openLinks(TestDatabases.POSTGRES);
        Invitation invitation = service.invite(OPERATOR, new NewUser("ivy@example.org", "Ivy", "author"));
        List<Object> outcomes = racing(List.of(
                () -> service.acceptInvitation(invitation.token(), "Ivy One", PASSWORD, Actor.visitor(IP)),
                () -> service.acceptInvitation(invitation.token(), "Ivy Two", OTHER_PASSWORD, Actor.visitor(IP))), 2);

        List<User> winners = outcomes.stream().filter(User.class::isInstance).map(User.class::cast).toList();
        assertEquals(1, winners.size(), outcomes.toString());
        OneTimeLinks.Refused loser = outcomes.stream().filter(OneTimeLinks.Refused.class::isInstance)
                .map(OneTimeLinks.Refused.class::cast).findFirst().orElseThrow(() -> new AssertionError(outcomes));
        assertEquals(Refusal.USED, loser.refusal());
        User ivy = reload(invitation.user());
        assertEquals(List.of(winners.getFirst().displayName(), User.Status.ACTIVE), List.of(ivy.displayName(),
                ivy.status()));
        signIn(accounts, ivy.email(), ivy.displayName().equals("Ivy One") ? PASSWORD : OTHER_PASSWORD);
        assertEquals(1, log(Activity.INVITATION_ACCEPTED).size());
    }

    /** Two nodes each printed a setup link; two people follow them at once: one first administrator. */
    @Test
    void ofTwoSetupLinksFollowedAtOnceOneMakesTheFirstAdministrator() throws Exception {
        openLinks(TestDatabases.POSTGRES);
        String first = service.setupLinkIfNoUsers().orElseThrow();
        String second = service.setupLinkIfNoUsers().orElseThrow();
        List<Object> outcomes = racing(List.of(
                () -> service.setUp(first, new NewUser("ana@example.org", "Ana", "administrator"), PASSWORD,
                        Actor.visitor(IP)),
                () -> service.setUp(second, new NewUser("eve@example.org", "Eve", "administrator"), OTHER_PASSWORD,
                        Actor.visitor("203.0.113.5"))), 2);

        assertEquals(1, outcomes.stream().filter(User.class::isInstance).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(OneTimeLinks.Refused.class::isInstance).count(), outcomes.toString());
        assertEquals(1, userCount());
        assertEquals(1, authorCount());
    }

    private long take(Purpose purpose, String token) {
        return jdbi.inTransaction(handle -> links.take(handle, purpose, token));
    }

    private Refusal refusal(Purpose purpose, String token) {
        return assertThrows(OneTimeLinks.Refused.class, () -> take(purpose, token)).refusal();
    }
}
