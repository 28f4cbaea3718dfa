package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SignIn} and its throttle on both databases: the same answer whether or not an account exists, lock-outs
 * per account (5 failures in 15 minutes) and per IP (20), the time they end, and how they are logged. Time moves on
 * the test's clock.
 */
class SignInTest extends AccountsTest {

    private static final String OTHER_IP = "198.51.100.99";

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        SignIn signIn = accounts.signIn();

        var refused = new SignIn.Refused(SignIn.WRONG);
        assertEquals(refused, signIn.password("ana@example.org", "not the password at all", IP, "b"));
        assertEquals(refused, signIn.password("nobody@example.org", PASSWORD, IP, "b"));
        assertEquals(refused, signIn.password("", PASSWORD, IP, "b"), "no email");
        assertEquals(refused, signIn.password("ana@example.org", null, IP, "b"), "no password");
        char[] long_ = new char[Passwords.MAX_LENGTH + 1];
        Arrays.fill(long_, 'x');
        assertEquals(refused, signIn.password("ana@example.org", new String(long_), OTHER_IP, "b"), "too long");
        assertEquals("The email or password is not right.", SignIn.WRONG);

        List<Activity> failed = log(Activity.SIGN_IN_FAILED);
        assertEquals(5, failed.size());
        assertTrue(failed.stream().allMatch(entry -> entry.actor().equals("visitor") && entry.userId() == 0
                && entry.detail().equals(entry.aboutUserId() == null ? "no account uses this address"
                : "wrong password")), failed.toString());
        // only the entries about Ana's account carry it, so she sees them and nobody's reveal nothing
        assertEquals(List.of(ana.id(), ana.id(), ana.id()), failed.stream()
                .filter(entry -> entry.aboutUserId() != null).map(Activity::aboutUserId).toList());
        assertEquals(3, accounts.activity().list(actor(ana), new ActivityLog.Filter(Activity.SIGN_IN_FAILED, 0,
                null, null, 1, 50)).total());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void fiveFailuresLockTheAccountUntilTheOldestLeavesTheWindow(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.AUTHOR);
        SignIn signIn = accounts.signIn();
        for (int i = 0; i < 4; i++) {
            assertEquals(new SignIn.Refused(SignIn.WRONG), signIn.password("ana@example.org", "guess " + i, IP, "b"));
            clock.advance(Duration.ofMinutes(1));
        }
        Instant until = START.plus(Duration.ofMinutes(15));
        assertEquals(new SignIn.Locked(until), signIn.password("ana@example.org", "guess 4", IP, "b"),
                "the fifth failure locks, and says until when");
        assertEquals(new SignIn.Locked(until), signIn.password("Ana@Example.org", PASSWORD, OTHER_IP, "b"),
                "even the right password, from anywhere");

        List<Activity> lockOuts = log(Activity.LOCKED_OUT);
        assertEquals(1, lockOuts.size(), "a lock-out is logged once");
        assertEquals(List.of("ana@example.org", ana.id()), List.of(lockOuts.getFirst().subject(),
                lockOuts.getFirst().aboutUserId()));
        assertTrue(lockOuts.getFirst().detail().contains(until.toString()), lockOuts.getFirst().detail());
        assertEquals(1, accounts.activity().list(actor(ana), new ActivityLog.Filter(Activity.LOCKED_OUT, 0, null,
                null, 1, 50)).total(), "the owner sees it");
        assertEquals(5, log(Activity.SIGN_IN_FAILED).size(), "attempts while locked are not even tried");

        clock.advance(Duration.between(clock.instant(), until).minusMillis(1));
        assertEquals(new SignIn.Locked(until), signIn.password("ana@example.org", PASSWORD, IP, "b"));
        clock.advance(Duration.ofMillis(1));
        // the first failure left the window; the other four are still in it, so one more locks again
        Instant next = START.plus(Duration.ofMinutes(16));
        assertEquals(new SignIn.Locked(next), signIn.password("ana@example.org", "guess 5", IP, "b"));
        assertEquals(2, log(Activity.LOCKED_OUT).size());

        clock.advance(Duration.ofMinutes(1));
        signIn(ana);
        // a success forgets the account's failures
        for (int i = 0; i < 4; i++) {
            assertEquals(new SignIn.Refused(SignIn.WRONG), signIn.password("ana@example.org", "again " + i, IP, "b"));
        }
        signIn(ana);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twentyFailuresFromOneAddressLockTheAddress(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.ADMINISTRATOR);
        SignIn signIn = accounts.signIn();
        String attacker = "203.0.113.66";
        for (int i = 1; i < 20; i++) {
            assertEquals(new SignIn.Refused(SignIn.WRONG),
                    signIn.password("someone" + i + "@example.org", PASSWORD, attacker, "b"), "attempt " + i);
        }
        Instant until = START.plus(Duration.ofMinutes(15));
        assertEquals(new SignIn.Locked(until), signIn.password("someone20@example.org", PASSWORD, attacker, "b"));
        assertEquals(new SignIn.Locked(until), signIn.password(ana.email(), PASSWORD, attacker, "b"),
                "every account, from that address");
        signIn(ana); // from elsewhere, Ana signs in

        List<Activity> lockOuts = log(Activity.LOCKED_OUT);
        assertEquals(1, lockOuts.size());
        assertEquals(List.of(attacker, "someone20@example.org"), List.of(lockOuts.getFirst().ip(),
                lockOuts.getFirst().subject()));
        assertEquals(null, lockOuts.getFirst().aboutUserId(), "no account of ours was tried");

        clock.advance(Duration.ofMinutes(15));
        assertInstanceOf(SignIn.Done.class, signIn.password(ana.email(), PASSWORD, attacker, "b"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDisabledAccountIsRefusedAndOnlyTheRightPasswordLearnsWhy(TestDatabases db) {
        open(db);
        User ed = add("ed@example.org", Role.EDITOR);
        service.disable(OPERATOR, ed.id());

        assertEquals(new SignIn.Refused("This account is disabled. Ask an administrator to enable it."),
                accounts.signIn().password(ed.email(), PASSWORD, IP, "b"));
        assertEquals(new SignIn.Refused(SignIn.WRONG), accounts.signIn().password(ed.email(), "a wrong one!", IP, "b"),
                "a wrong password learns nothing about the account");
        assertEquals(0, accounts.sessions().list(ed.id()).size());
        assertEquals(0, log(Activity.SIGNED_IN).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachSignInOpensANewSessionWhoseIdTheDatabaseDoesNotHold(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        var first = assertInstanceOf(SignIn.Done.class,
                accounts.signIn().password(" ANA@example.org ", PASSWORD, IP, "Firefox 140")).opened();
        var second = assertInstanceOf(SignIn.Done.class,
                accounts.signIn().password("ana@example.org", PASSWORD, OTHER_IP, "Safari")).opened();

        assertNotEquals(first.token(), second.token());
        assertEquals(OneTimeLinks.hash(first.token()), first.session().id());
        assertTrue(first.session().signedIn());
        List<String> stored = newsroom.database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id_hash FROM sessions").mapTo(String.class).list());
        assertFalse(stored.contains(first.token()) || stored.contains(second.token()), "only hashes are stored");
        assertEquals(2, stored.size());
        assertEquals(List.of("Safari", "Firefox 140"), log(Activity.SIGNED_IN).stream().map(Activity::detail).toList());
        assertEquals(ana.id(), log(Activity.SIGNED_IN).getFirst().userId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theRightPasswordWithWrongCodesStillLocksTheAccount(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        Actor self = actor(ana);
        String here = accounts.sessions().find(signIn(ana)).orElseThrow().session().id();
        var enrolment = accounts.twoFactor().begin(self, here);
        byte[] secret = Totp.fromBase32(enrolment.secret().replace(" ", ""));
        accounts.twoFactor().confirm(self, here, enrolment.seal(), Totp.code(secret, Totp.step(clock.instant())));
        var window = List.of(-1, 0, 1).stream().map(offset -> Totp.code(secret, Totp.step(clock.instant()) + offset))
                .toList();
        String wrong = java.util.stream.IntStream.range(0, 10).mapToObj("%06d"::formatted)
                .filter(code -> !window.contains(code)).findFirst().orElseThrow();

        // a guesser who knows the password must not reset the count with it before each guess at the code
        SignIn.Result last = null;
        for (int i = 0; i < 5; i++) {
            var halfWay = assertInstanceOf(SignIn.CodeDue.class, accounts.signIn().password(ana.email(), PASSWORD, IP,
                    "b"), "the password, round " + i).opened();
            last = accounts.signIn().code(accounts.sessions().find(halfWay.token()).orElseThrow(), wrong, IP, "b");
        }
        assertInstanceOf(SignIn.Locked.class, last, "the fifth wrong code locks");
        assertInstanceOf(SignIn.Locked.class, accounts.signIn().password(ana.email(), PASSWORD, OTHER_IP, "b"));
        assertEquals(1, log(Activity.LOCKED_OUT).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void guessesSentAllAtOnceAreCountedBeforeAnyIsChecked(TestDatabases db) throws Exception {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        var start = new java.util.concurrent.CountDownLatch(1);
        var results = new java.util.ArrayList<java.util.concurrent.Future<SignIn.Result>>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(15)) {
            for (int i = 0; i < 15; i++) {
                String guess = "parallel guess " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return accounts.signIn().password(ana.email(), guess, "203.0.113." + guess.length(), "b");
                }));
            }
            start.countDown();
            for (var result : results) {
                SignIn.Result outcome = result.get();
                assertTrue(outcome instanceof SignIn.Refused || outcome instanceof SignIn.Locked, outcome::toString);
            }
            // a checked guess is a logged failure (the one that locks answers Locked); the others were not checked
            int checked = log(Activity.SIGN_IN_FAILED).size();
            assertTrue(checked >= 1 && checked <= 5, checked + " guesses were checked");
            // guesses over the limit take their count back, so the account is locked only if five were checked
            assertEquals(checked == 5, accounts.signIn().password(ana.email(), PASSWORD, OTHER_IP, "b")
                    instanceof SignIn.Locked);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEmailLongerThanAnyAddressIsOneShortKey(TestDatabases db) {
        open(db);
        String huge = "x".repeat(10_000) + "@example.org";
        for (int i = 0; i < 4; i++) {
            assertEquals(new SignIn.Refused(SignIn.WRONG), accounts.signIn().password(huge + i, PASSWORD, IP, "b"));
        }
        assertInstanceOf(SignIn.Locked.class, accounts.signIn().password(huge, PASSWORD, IP, "b"),
                "every over-long 'email' counts as one key");
        List<String> subjects = newsroom.database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT subject FROM sign_in_failures WHERE scope = 'account'").mapTo(String.class).list());
        assertEquals(List.of(SignInThrottle.NOT_AN_ADDRESS), subjects, "kilobytes are never stored");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLockOutEndsWithAPasswordResetOrAnUnlock(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        lockOut(ana);
        service.setPassword(OPERATOR, ana.id(), OTHER_PASSWORD);
        signIn(accounts, ana.email(), OTHER_PASSWORD);

        lockOut(ana);
        assertTrue(service.unlock(OPERATOR, ana.id()), "it was locked");
        signIn(accounts, ana.email(), OTHER_PASSWORD);
        assertFalse(service.unlock(OPERATOR, ana.id()), "nothing to unlock");
        assertEquals(List.of("no lock-out", "lock-out ended"), log(Activity.UNLOCKED).stream()
                .map(Activity::detail).toList());
        assertThrows(dev.byline.error.Forbidden.class, () -> service.unlock(actor(add("ed@example.org",
                Role.EDITOR)), ana.id()), "administrators only");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void whenPasswordChecksAreBusyNothingIsCountedOrChecked(TestDatabases db) {
        open(db);
        User ana = add("ana@example.org", Role.EDITOR);
        var users = new UserStore(newsroom.database.jdbi());
        var busy = new SignIn(newsroom.database.jdbi(), users, new Passwords(0, 0), accounts.sessions(),
                accounts.throttle(), accounts.activity(), accounts.twoFactor());
        for (int i = 0; i < 10; i++) {
            assertThrows(Passwords.Busy.class, () -> busy.password(ana.email(), PASSWORD, IP, "b"));
            assertThrows(Passwords.Busy.class, () -> busy.password("nobody@example.org", PASSWORD, IP, "b"),
                    "the decoy waits its turn too");
        }
        assertEquals(0, (int) newsroom.database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM sign_in_failures").mapTo(Integer.class).one()), "no attempt was counted");
        assertEquals(0, log(Activity.SIGN_IN_FAILED).size());
        signIn(ana);
    }

    private void lockOut(User user) {
        SignIn.Result last = null;
        for (int i = 0; i < 5; i++) {
            last = accounts.signIn().password(user.email(), "wrong guess " + i, "203.0.113.9", "b");
        }
        assertInstanceOf(SignIn.Locked.class, last);
    }
}
