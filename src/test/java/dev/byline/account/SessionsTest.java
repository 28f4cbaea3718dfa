package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Config;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Sessions} as Byline wires them (idle limit 12 hours, absolute 14 days) on both databases, with time moved on
 * the test's clock; and two nodes sharing one PostgreSQL database.
 */
class SessionsTest extends AccountsTest {

    private static final Duration IDLE = Duration.ofHours(12);
    private static final Duration ABSOLUTE = Duration.ofDays(14);

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSessionEndsAfterTheIdleLimitWithoutARequest(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        String token = signIn(ana);

        clock.advance(IDLE.minusMinutes(1));
        assertTrue(accounts.sessions().find(token).isPresent(), "a request just before the limit…");
        clock.advance(IDLE.minusMinutes(1));
        assertTrue(accounts.sessions().find(token).isPresent(), "…starts the idle time again");
        clock.advance(IDLE);
        assertTrue(accounts.sessions().find(token).isEmpty(), "12 hours without a request");
        assertEquals(0, sessionRows(), "the ended session's row is gone");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSessionEndsAtTheAbsoluteLimitHoweverBusy(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        String token = signIn(ana);

        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(IDLE.minusHours(1)).compareTo(ABSOLUTE) < 0) {
            clock.advance(IDLE.minusHours(1));
            elapsed = elapsed.plus(IDLE.minusHours(1));
            assertTrue(accounts.sessions().find(token).isPresent(), "busy at " + elapsed);
        }
        clock.advance(ABSOLUTE.minus(elapsed).minusMillis(1));
        assertTrue(accounts.sessions().find(token).isPresent(), "a moment before 14 days");
        clock.advance(Duration.ofMillis(1));
        assertTrue(accounts.sessions().find(token).isEmpty(), "14 days after signing in");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLastSeenTimeIsWrittenAtMostOnceAMinute(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        String token = signIn(ana);

        clock.advance(Duration.ofSeconds(30));
        accounts.sessions().find(token);
        assertEquals(START, accounts.sessions().list(ana.id()).getFirst().lastSeenAt());
        clock.advance(Duration.ofSeconds(31));
        accounts.sessions().find(token);
        assertEquals(START.plusSeconds(61), accounts.sessions().list(ana.id()).getFirst().lastSeenAt());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void forgedTokensFindNothing(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        String token = signIn(ana);
        String id = accounts.sessions().find(token).orElseThrow().session().id();

        for (String forged : List.of("", "x".repeat(101), OneTimeLinks.randomToken(), id,
                token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))) {
            assertTrue(accounts.sessions().find(forged).isEmpty(), forged);
        }
        assertTrue(accounts.sessions().find(null).isEmpty());
        assertTrue(accounts.sessions().find(token).isPresent(), "the real one still works");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void signingOutEndsOneSessionAndSigningOutEverywhereTheOthers(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        String laptop = signIn(ana);
        clock.advance(Duration.ofMinutes(5));
        String phone = signIn(ana);
        clock.advance(Duration.ofMinutes(5));
        String tablet = signIn(ana);
        assertEquals(3, accounts.sessions().list(ana.id()).size());

        var current = accounts.sessions().find(tablet).orElseThrow();
        accounts.signIn().signOut(accounts.sessions().find(phone).orElseThrow(), IP);
        assertTrue(accounts.sessions().find(phone).isEmpty());
        assertEquals(List.of(current.session().id(), OneTimeLinks.hash(laptop)),
                accounts.sessions().list(ana.id()).stream().map(Session::id).toList(), "most recent first");

        assertEquals(1, service.signOutEverywhere(actor(ana), current.session().id()));
        assertTrue(accounts.sessions().find(laptop).isEmpty());
        assertTrue(accounts.sessions().find(tablet).isPresent(), "the browser that asked stays signed in");
        assertEquals(1, log(Activity.SIGNED_OUT).size());
        assertEquals("1 other sessions", log(Activity.SESSIONS_ENDED).getFirst().detail());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void pruningDeletesEndedSessionsOnly(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        signIn(ana);
        clock.advance(IDLE.plusMinutes(1));
        String live = signIn(ana);

        assertEquals(1, accounts.sessions().prune());
        assertEquals(1, sessionRows());
        assertTrue(accounts.sessions().find(live).isPresent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aShorterLifetimeInTheSettingsEndsSessionsAlreadyOpen(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        String token = signIn(ana);
        for (int day = 0; day < 2; day++) {
            clock.advance(Duration.ofHours(11));
            assertTrue(accounts.sessions().find(token).isPresent());
        }
        var form = newsroom.settings.form(actor(ana));
        newsroom.settings.save(actor(ana), form.with("session_lifetime_days", "1").with("session_idle_hours", "12"));
        assertTrue(accounts.sessions().find(token).isPresent(), "22 hours old: within a 1-day lifetime");
        clock.advance(Duration.ofHours(3));
        assertEquals(1, accounts.sessions().prune(), "and swept by the same rule");
        assertTrue(accounts.sessions().find(token).isEmpty(),
                "25 hours old: opened under a 14-day lifetime, ended by the 1-day one now in force");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void turningOnTwoFactorSignsOutEveryOtherSession(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        String here = signIn(ana);
        String stolen = signIn(ana);
        String hereId = accounts.sessions().find(here).orElseThrow().session().id();
        var enrolment = accounts.twoFactor().begin(actor(ana), hereId);
        byte[] secret = Totp.fromBase32(enrolment.secret().replace(" ", ""));
        accounts.twoFactor().confirm(actor(ana), hereId, enrolment.seal(),
                Totp.code(secret, Totp.step(clock.instant())));
        assertTrue(accounts.sessions().find(here).isPresent(), "the browser that turned it on stays");
        assertTrue(accounts.sessions().find(stolen).isEmpty(), "a session opened with the password alone ends");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void housekeepingClearsEndedSessionsOldLinksAndOldThrottleRows(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        signIn(ana);
        service.invite(actor(ana), new AccountService.NewUser("ivy@example.org", "Ivy", "author"));
        accounts.signIn().password("ana@example.org", "a wrong guess here", IP, "b");
        var housekeeping = new Housekeeping(newsroom.database.jdbi(), accounts.sessions(), accounts.activity(), clock);

        assertEquals(new Housekeeping.Swept(0, 0, 0, 0), housekeeping.sweep(), "nothing has ended yet");
        clock.advance(Duration.ofDays(8).plus(Housekeeping.KEEP_LINKS));
        var swept = housekeeping.sweep();
        assertEquals(1, swept.sessions(), "the idle session");
        assertEquals(1, swept.links(), "the invitation, expired over a day ago");
        assertEquals(2, swept.throttleRows(), "the wrong guess counted for the account and the address");
        String live = signIn(ana);
        assertTrue(accounts.sessions().find(live).isPresent());
        assertEquals(new Housekeeping.Swept(0, 0, 0, 0), housekeeping.sweep(), "a second sweep finds nothing");
    }

    /**
     * Two nodes, each with its own services and connection pool, over one PostgreSQL database: a session opened on
     * one is found on the other, and ending it on either ends it on both at once.
     */
    @Test
    void sessionsAreSharedByNodes() {
        Config config = TestDatabases.POSTGRES.config(dir);
        newsroom = new Newsroom(config, clock);
        try (Newsroom other = new Newsroom(config, clock)) {
            Accounts one = newsroom.accounts;
            Accounts two = other.accounts;
            User ana = one.service().add(OPERATOR, new AccountService.NewUser("ana@example.org", "Ana", "editor"),
                    PASSWORD);

            String token = signIn(one, ana.email(), PASSWORD);
            var there = two.sessions().find(token).orElseThrow();
            assertEquals(ana.id(), there.user().id());
            two.signIn().signOut(there, IP);
            assertTrue(one.sessions().find(token).isEmpty(), "signed out on the other node");

            String phone = signIn(two, ana.email(), PASSWORD);
            String laptop = signIn(one, ana.email(), PASSWORD);
            one.service().disable(OPERATOR, ana.id());
            assertTrue(two.sessions().find(phone).isEmpty() && two.sessions().find(laptop).isEmpty(),
                    "disabled on one node: no session left on the other");
            assertEquals(new SignIn.Refused("This account is disabled. Ask an administrator to enable it."),
                    two.signIn().password(ana.email(), PASSWORD, IP, "b"));
        }
    }

    private int sessionRows() {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM sessions")
                .mapTo(Integer.class).one());
    }
}
