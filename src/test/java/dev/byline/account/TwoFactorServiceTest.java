package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Config;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Setting up, using, replacing and turning off the second factor, on SQLite and PostgreSQL, with the services
 * wired as Byline wires them and a clock the test moves.
 */
class TwoFactorServiceTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:10Z"));
    AccountNode node;

    Config config;

    AccountNode open(TestDatabases db) {
        config = db.config(dir);
        node = new AccountNode(config, clock);
        return node;
    }

    @AfterEach
    void close() {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void setUpWithTheAppsFirstCode(TestDatabases db) {
        open(db);
        Actor amina = node.person("amina@example.org", Role.EDITOR);
        assertEquals(new TwoFactorService.Status(false, 0), node.twoFactor.status(amina, amina.userId()));

        var enrolment = node.twoFactor.begin(amina, "session-1");
        assertTrue(enrolment.secret().matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), enrolment.secret());
        assertEquals("otpauth://totp/Byline%20Test:amina%40example.org?secret="
                + enrolment.secret().replace(" ", "") + "&issuer=Byline%20Test", enrolment.uri());
        assertTrue(enrolment.qrSvg().contains("aria-label=\"QR code for setting up an authenticator app for "
                + "amina@example.org\""));
        assertFalse(node.user(amina).twoFactor(), "nothing is stored until the app's code confirms it");
        assertNotEquals(enrolment.secret(), node.twoFactor.begin(amina, "session-1").secret(), "fresh each time");

        byte[] secret = Totp.fromBase32(enrolment.secret().replace(" ", ""));
        String firstCode = Totp.code(secret, Totp.step(clock.instant()));
        List<String> codes = node.twoFactor.confirm(amina, "session-1", enrolment.seal(), firstCode);

        assertEquals(10, codes.size());
        assertTrue(node.user(amina).twoFactor());
        assertEquals(new TwoFactorService.Status(true, 10), node.twoFactor.status(amina, amina.userId()));
        List<Activity> enabled = node.activity(Activity.TWO_FACTOR_ENABLED, amina);
        assertEquals(1, enabled.size());
        assertEquals("amina@example.org", enabled.getFirst().actor());
        assertEquals(amina.userId(), enabled.getFirst().aboutUserId());

        User user = node.user(amina);
        assertFalse(node.twoFactor.verify(user, firstCode, amina), "the confirming code was used");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(node.twoFactor.verify(user, Totp.code(secret, Totp.step(clock.instant())), amina));
        assertThrows(Conflict.class, () -> node.twoFactor.begin(amina, "session-1"), "already on");
    }

    /**
     * <pre>
     * what comes back                               answer on "code"
     * a wrong code                                  WRONG_CODE, the same set-up can be resumed
     * nothing typed                                 NO_CODE
     * the seal from another session                 STALE
     * the seal another account was given           STALE
     * the seal with another secret put in           STALE
     * the seal after 31 minutes                     STALE, and it cannot be resumed
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void confirmationRefuses(TestDatabases db) {
        open(db);
        Actor amina = node.person("amina@example.org", Role.AUTHOR);
        Actor omar = node.person("omar@example.org", Role.AUTHOR);
        var enrolment = node.twoFactor.begin(amina, "session-1");
        byte[] secret = Totp.fromBase32(enrolment.secret().replace(" ", ""));
        String right = Totp.code(secret, Totp.step(clock.instant()));
        String wrong = right.equals("000000") ? "000001" : "000000";
        String otherSecret = Totp.base32(Totp.newSecret());
        String swapped = otherSecret + enrolment.seal().substring(32);

        record Case(String name, Actor actor, String session, String seal, String code, String message) {
        }
        for (var c : List.of(
                new Case("wrong code", amina, "session-1", enrolment.seal(), wrong, TwoFactorService.WRONG_CODE),
                new Case("nothing typed", amina, "session-1", enrolment.seal(), " ", TwoFactorService.NO_CODE),
                new Case("another session", amina, "session-2", enrolment.seal(), right, TwoFactorService.STALE),
                new Case("another account", omar, "session-1", enrolment.seal(), right, TwoFactorService.STALE),
                new Case("another secret", amina, "session-1", swapped,
                        Totp.code(Totp.fromBase32(otherSecret), Totp.step(clock.instant())), TwoFactorService.STALE),
                new Case("not a seal", amina, "session-1", "nonsense", right, TwoFactorService.STALE))) {
            var refused = assertThrows(Invalid.class,
                    () -> node.twoFactor.confirm(c.actor(), c.session(), c.seal(), c.code()), c.name());
            assertEquals(Map.of("code", c.message()), refused.fieldErrors(), c.name());
        }
        assertEquals(enrolment, node.twoFactor.resume(amina, "session-1", enrolment.seal()).orElseThrow(),
                "after a wrong code the page shows the same QR code again");
        assertTrue(node.twoFactor.resume(amina, "session-2", enrolment.seal()).isEmpty());
        assertFalse(node.user(amina).twoFactor());

        clock.advance(Duration.ofMinutes(31));
        var late = assertThrows(Invalid.class, () -> node.twoFactor.confirm(amina, "session-1", enrolment.seal(),
                Totp.code(secret, Totp.step(clock.instant()))));
        assertEquals(Map.of("code", TwoFactorService.STALE), late.fieldErrors());
        assertTrue(node.twoFactor.resume(amina, "session-1", enrolment.seal()).isEmpty());
        assertFalse(node.user(amina).twoFactor());
        assertTrue(node.activity(Activity.TWO_FACTOR_ENABLED, amina).isEmpty());
    }

    /**
     * The sign-in's code step, case by case; each case five minutes after the last, on one account.
     *
     * <pre>
     * case                                      accepted before   typed           answer
     * the code of now                           -                 now             yes
     * the code of the step before               -                 now - 1         yes
     * the code of the step after                -                 now + 1         yes
     * two steps before                          -                 now - 2         no
     * two steps after                           -                 now + 2         no
     * the same code again (a replay)            now               now             no
     * an older code after a newer one           now               now - 1         no
     * a newer code after an older one           now - 1           now             yes
     * typed with a space and a hyphen           -                 "123 456", "123-456"  yes
     * a code that is not right                  -                 none of the window's  no
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void codesAtSignIn(TestDatabases db) {
        open(db);
        Actor amina = node.person("amina@example.org", Role.EDITOR);
        var app = node.enrol(amina, "session-1", clock);
        User user = node.user(amina);

        record Case(String name, List<Integer> acceptedBefore, Function<String, String> typing, int offset,
                    boolean accepted) {
        }
        Function<String, String> plain = code -> code;
        for (var c : List.of(
                new Case("the code of now", List.of(), plain, 0, true),
                new Case("the step before", List.of(), plain, -1, true),
                new Case("the step after", List.of(), plain, 1, true),
                new Case("two steps before", List.of(), plain, -2, false),
                new Case("two steps after", List.of(), plain, 2, false),
                new Case("the same code again", List.of(0), plain, 0, false),
                new Case("an older code after a newer one", List.of(0), plain, -1, false),
                new Case("a newer code after an older one", List.of(-1), plain, 0, true),
                new Case("typed with a space", List.of(), code -> code.substring(0, 3) + " " + code.substring(3),
                        0, true),
                new Case("typed with a hyphen", List.of(), code -> code.substring(0, 3) + "-" + code.substring(3),
                        0, true))) {
            clock.advance(Duration.ofMinutes(5));
            for (int before : c.acceptedBefore()) {
                assertTrue(node.twoFactor.verify(user, app.code(clock, before), amina), c.name() + ": setting up");
            }
            assertEquals(c.accepted(), node.twoFactor.verify(user, c.typing().apply(app.code(clock, c.offset())),
                    amina), c.name());
        }
        clock.advance(Duration.ofMinutes(5));
        var window = List.of(app.code(clock, -1), app.code(clock, 0), app.code(clock, 1));
        String wrong = java.util.stream.IntStream.range(0, 4).mapToObj(i -> "%06d".formatted(i))
                .filter(code -> !window.contains(code)).findFirst().orElseThrow();
        assertFalse(node.twoFactor.verify(user, wrong, amina), "a wrong code");
        for (String junk : new String[] {"", "12345", "1234567", "abcdef", "x".repeat(1000)}) {
            assertFalse(node.twoFactor.verify(user, junk, amina), junk);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void recoveryCodesWorkOnceAndCanBeReplaced(TestDatabases db) {
        open(db);
        Actor amina = node.person("amina@example.org", Role.EDITOR);
        var app = node.enrol(amina, "session-1", clock);
        User user = node.user(amina);

        String first = app.recoveryCodes().getFirst();
        String typed = " " + first.toUpperCase().replace("-", " ") + " ";
        assertTrue(node.twoFactor.verify(user, typed, amina), "any case, spaces instead of the hyphen");
        assertFalse(node.twoFactor.verify(user, first, amina), "used once");
        assertEquals(9, node.twoFactor.status(amina, amina.userId()).recoveryCodesLeft());
        List<Activity> used = node.activity(Activity.RECOVERY_CODE_USED, amina);
        assertEquals(1, used.size());
        assertEquals("9 codes left", used.getFirst().detail());

        var noProof = assertThrows(Invalid.class, () -> node.twoFactor.regenerate(amina, "not my password"));
        assertEquals(Map.of("proof", TwoFactorService.WRONG_PROOF), noProof.fieldErrors());
        List<String> fresh = node.twoFactor.regenerate(amina, AccountNode.PASSWORD);
        assertEquals(10, fresh.size());
        assertTrue(fresh.stream().noneMatch(app.recoveryCodes()::contains));
        assertEquals(10, node.twoFactor.status(amina, amina.userId()).recoveryCodesLeft());
        assertFalse(node.twoFactor.verify(user, app.recoveryCodes().get(1), amina), "the old codes are gone");
        assertTrue(node.twoFactor.verify(user, fresh.get(3), amina));
        assertEquals(1, node.activity(Activity.RECOVERY_CODES_REPLACED, amina).size());

        clock.advance(Duration.ofMinutes(1));
        List<String> again = node.twoFactor.regenerate(amina, app.code(clock, 0));
        assertEquals(10, again.size(), "a code from the app proves it too");
    }

    /**
     * <pre>
     * proof                           answer
     * nothing                         Invalid: proof
     * a wrong password                Invalid: proof (a failure counted by the throttle)
     * the password                    off; codes gone; logged
     * a code of the app               off
     * a recovery code                 off (the code is used)
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void turningOffNeedsThePasswordOrACode(TestDatabases db) {
        open(db);
        Actor amina = node.person("amina@example.org", Role.EDITOR);
        var app = node.enrol(amina, "session-1", clock);

        assertEquals(Map.of("proof", "Type your password, or a code from your app."),
                assertThrows(Invalid.class, () -> node.twoFactor.disable(amina, " ")).fieldErrors());
        assertEquals(Map.of("proof", TwoFactorService.WRONG_PROOF),
                assertThrows(Invalid.class, () -> node.twoFactor.disable(amina, "lantern orbit")).fieldErrors());
        assertTrue(node.user(amina).twoFactor());

        node.twoFactor.disable(amina, AccountNode.PASSWORD);
        assertEquals(new TwoFactorService.Status(false, 0), node.twoFactor.status(amina, amina.userId()));
        assertEquals(1, node.activity(Activity.TWO_FACTOR_DISABLED, amina).size());
        assertThrows(Conflict.class, () -> node.twoFactor.disable(amina, AccountNode.PASSWORD), "already off");
        assertFalse(node.twoFactor.verify(node.user(amina), app.code(clock, 1), amina), "the old app is no use");

        clock.advance(Duration.ofMinutes(1));
        var second = node.enrol(amina, "session-1", clock);
        clock.advance(Duration.ofMinutes(1));
        node.twoFactor.disable(amina, second.code(clock, 0).substring(0, 3) + " " + second.code(clock, 0).substring(3));
        assertFalse(node.user(amina).twoFactor());

        clock.advance(Duration.ofMinutes(1));
        var third = node.enrol(amina, "session-1", clock);
        node.twoFactor.disable(amina, third.recoveryCodes().get(5));
        assertFalse(node.user(amina).twoFactor());
        assertEquals(3, node.activity(Activity.TWO_FACTOR_DISABLED, amina).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void guessingAtTheSettingsIsThrottledLikeSigningIn(TestDatabases db) {
        open(db);
        Actor amina = node.person("amina@example.org", Role.EDITOR);
        node.enrol(amina, "session-1", clock);
        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT - 1; i++) {
            assertEquals(Map.of("proof", TwoFactorService.WRONG_PROOF), assertThrows(Invalid.class,
                    () -> node.twoFactor.disable(amina, "123456")).fieldErrors());
        }
        var locked = assertThrows(Invalid.class, () -> node.twoFactor.disable(amina, "123457"));
        assertTrue(locked.fieldErrors().get("proof").startsWith("Too many wrong passwords or codes. Try again after "),
                locked.fieldErrors().toString());
        assertThrows(Invalid.class, () -> node.twoFactor.disable(amina, AccountNode.PASSWORD),
                "even the right password waits");
        assertEquals(1, node.activity(Activity.LOCKED_OUT, amina).size());
        assertTrue(node.user(amina).twoFactor());

        clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
        node.twoFactor.disable(amina, AccountNode.PASSWORD);
        assertFalse(node.user(amina).twoFactor());
    }

    /**
     * <pre>
     * who                                       may
     * a visitor                                 not set up anything
     * an editor, about another account          not see its status, not reset it
     * an administrator, about another account   see its status, reset it (logged, about that account)
     * an administrator, about their own         not reset it (they turn it off with their password)
     * the command line                          reset anyone's
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachManagesTheirOwnAndAdministratorsReset(TestDatabases db) {
        open(db);
        Actor admin = node.person("chief@example.org", Role.ADMINISTRATOR);
        Actor editor = node.person("desk@example.org", Role.EDITOR);
        Actor amina = node.person("amina@example.org", Role.AUTHOR);
        node.enrol(amina, "session-a", clock);
        node.enrol(admin, "session-b", clock);

        assertThrows(Forbidden.class, () -> node.twoFactor.begin(Actor.visitor(AccountNode.IP), "session-x"));
        assertThrows(Forbidden.class, () -> node.twoFactor.disable(Actor.visitor(AccountNode.IP), "123456"));
        assertThrows(Forbidden.class, () -> node.twoFactor.status(editor, amina.userId()));
        assertThrows(Forbidden.class, () -> node.twoFactor.reset(editor, amina.userId()));
        assertThrows(Forbidden.class, () -> node.twoFactor.reset(amina, amina.userId()));
        assertThrows(Forbidden.class, () -> node.twoFactor.reset(admin, admin.userId()));
        assertTrue(node.twoFactor.status(admin, amina.userId()).enabled());

        node.twoFactor.reset(admin, amina.userId());
        assertEquals(new TwoFactorService.Status(false, 0), node.twoFactor.status(admin, amina.userId()));
        Activity reset = node.activity(Activity.TWO_FACTOR_DISABLED, amina).getFirst();
        assertEquals("chief@example.org", reset.actor());
        assertEquals("reset by an administrator", reset.detail());
        assertEquals(amina.userId(), reset.aboutUserId());
        assertThrows(Conflict.class, () -> node.twoFactor.reset(admin, amina.userId()), "nothing to reset");

        node.twoFactor.reset(Actor.commandLine(), admin.userId());
        assertFalse(node.user(admin).twoFactor());
    }

    /** Two tabs set up two apps at once: one wins, the other is told; the account holds the winner's secret. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoSetUpsAtOnceOneWins(TestDatabases db) throws Exception {
        open(db);
        try (AccountNode other = new AccountNode(config, clock)) {
            Actor amina = node.person("amina@example.org", Role.EDITOR);
            var tabA = node.twoFactor.begin(amina, "session-1");
            var tabB = other.twoFactor.begin(amina, "session-1");
            byte[] secretA = Totp.fromBase32(tabA.secret().replace(" ", ""));
            byte[] secretB = Totp.fromBase32(tabB.secret().replace(" ", ""));
            long step = Totp.step(clock.instant());
            List<String> outcomes = AccountNode.together(
                    () -> confirmOutcome(node, amina, tabA, Totp.code(secretA, step)),
                    () -> confirmOutcome(other, amina, tabB, Totp.code(secretB, step)));
            assertEquals(1, outcomes.stream().filter("set up"::equals).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter("conflict"::equals).count(), outcomes.toString());
            byte[] winner = outcomes.getFirst().equals("set up") ? secretA : secretB;
            byte[] loser = winner == secretA ? secretB : secretA;
            assertEquals(new TwoFactorService.Status(true, 10), node.twoFactor.status(amina, amina.userId()));
            assertEquals(1, node.activity(Activity.TWO_FACTOR_ENABLED, amina).size());
            User user = node.user(amina);
            assertFalse(node.twoFactor.verify(user, Totp.code(loser, step + 1), amina));
            assertTrue(node.twoFactor.verify(user, Totp.code(winner, step + 1), amina));
        }
    }

    /** Turning off and replacing the codes at once: whichever goes first, no codes are left on an account without a
     * second factor. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void turnOffWhileReplacingCodesLeavesNoCodes(TestDatabases db) throws Exception {
        open(db);
        try (AccountNode other = new AccountNode(config, clock)) {
            Actor amina = node.person("amina@example.org", Role.EDITOR);
            node.enrol(amina, "session-1", clock);
            List<String> outcomes = AccountNode.together(
                    () -> {
                        node.twoFactor.disable(amina, AccountNode.PASSWORD);
                        return "off";
                    },
                    () -> {
                        try {
                            other.twoFactor.regenerate(amina, AccountNode.PASSWORD);
                            return "replaced";
                        } catch (Conflict alreadyOff) {
                            return "already off";
                        }
                    });
            assertEquals("off", outcomes.getFirst());
            assertEquals(new TwoFactorService.Status(false, 0), node.twoFactor.status(amina, amina.userId()),
                    outcomes.toString());
        }
    }

    private static String confirmOutcome(AccountNode node, Actor actor, TwoFactorService.Enrolment enrolment,
                                         String code) {
        try {
            node.twoFactor.confirm(actor, "session-1", enrolment.seal(), code);
            return "set up";
        } catch (Conflict conflict) {
            return "conflict";
        }
    }
}
