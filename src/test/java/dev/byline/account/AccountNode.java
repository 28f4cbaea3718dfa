package dev.byline.account;

import dev.byline.Byline;
import dev.byline.config.Config;
import dev.byline.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One Byline node's account services over a real database, wired as Byline wires them. Two nodes opened on one
 * configuration share the database, as two servers behind a load balancer do.
 */
final class AccountNode implements AutoCloseable {

    static final String PASSWORD = "lantern orbit meadow 1947";
    static final String IP = "203.0.113.7";

    final Database database;
    final Accounts accounts;
    final TwoFactorService twoFactor;

    AccountNode(Config config, Clock clock) {
        database = Database.open(config);
        accounts = Byline.wire(config, database, clock).accounts();
        twoFactor = accounts.twoFactor();
    }

    /** A new active account, and the Actor it acts as. */
    Actor person(String email, Role role) {
        User user = accounts.service().add(Actor.commandLine(),
                new AccountService.NewUser(email, email.substring(0, email.indexOf('@')), role.key()), PASSWORD);
        return Actor.of(user, IP);
    }

    User user(Actor actor) {
        return accounts.service().find(Actor.commandLine(), actor.userId()).orElseThrow();
    }

    /** What an authenticator app holds after scanning the set-up page's code. */
    record App(byte[] secret, List<String> recoveryCodes) {
        String code(Clock clock, int stepOffset) {
            return Totp.code(secret, Totp.step(clock.instant()) + stepOffset);
        }
    }

    /** Sets up two-factor for {@code actor} as a person would: the page, the app, the first code. */
    App enrol(Actor actor, String sessionId, Clock clock) {
        TwoFactorService.Enrolment enrolment = twoFactor.begin(actor, sessionId);
        byte[] secret = Totp.fromBase32(enrolment.secret().replace(" ", ""));
        List<String> codes = twoFactor.confirm(actor, sessionId, enrolment.seal(),
                Totp.code(secret, Totp.step(clock.instant())));
        return new App(secret, codes);
    }

    List<Activity> activity(String action, Actor about) {
        return accounts.activity().list(Actor.commandLine(),
                new ActivityLog.Filter(action, about.userId(), null, null, 1, 200)).entries();
    }

    /** Runs both at the same moment (as far as threads allow: they start together at a barrier); their results. */
    static <T> List<T> together(Callable<T> first, Callable<T> second) throws Exception {
        var barrier = new CyclicBarrier(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> task : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return task.call();
                }));
            }
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
