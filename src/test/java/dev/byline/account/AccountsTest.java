package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.byline.account.AccountService.NewUser;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;

/**
 * For tests of the account services: the services as Byline wires them, over a real database, on a clock the test
 * moves, with helpers to make people and read the activity log.
 */
abstract class AccountsTest extends NewsroomTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";
    static final String OTHER_PASSWORD = "lilac tractor whisper forty";
    static final String IP = "192.0.2.10";
    static final Actor OPERATOR = Actor.commandLine();

    final MutableClock clock = new MutableClock(START);
    Accounts accounts;
    AccountService service;

    Accounts open(TestDatabases db) {
        newsroom = openNewsroom(db, clock);
        accounts = newsroom.accounts;
        service = accounts.service();
        return accounts;
    }

    /** An active account with {@link #PASSWORD}, its name made from the email ("ana@…" is "Ana"). */
    User add(String email, Role role) {
        String local = email.substring(0, email.indexOf('@'));
        return service.add(OPERATOR, new NewUser(email, local.substring(0, 1).toUpperCase(Locale.ROOT)
                + local.substring(1), role.key()), PASSWORD);
    }

    User reload(User user) {
        return service.find(OPERATOR, user.id()).orElseThrow();
    }

    static Actor actor(User user) {
        return Actor.of(user, IP);
    }

    /** Signs in with {@link #PASSWORD}; returns the cookie's token. */
    String signIn(User user) {
        return signIn(accounts, user.email(), PASSWORD);
    }

    static String signIn(Accounts accounts, String email, String password) {
        SignIn.Result result = accounts.signIn().password(email, password, IP, "test browser");
        return assertInstanceOf(SignIn.Done.class, result, email + " signs in").opened().token();
    }

    /** Every entry of the log with this action, newest first, as an administrator sees it. */
    List<Activity> log(String action) {
        return accounts.activity().list(OPERATOR, new ActivityLog.Filter(action, 0, null, null, 1, 200)).entries();
    }

    int userCount() {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM users")
                .mapTo(Integer.class).one());
    }

    int authorCount() {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM authors")
                .mapTo(Integer.class).one());
    }

    /**
     * Runs {@code calls} at once, each in its own thread, while the activity log's inserts are held; releases them
     * once {@code waiting} connections wait for a lock. Returns each call's result or exception, in order.
     */
    List<Object> racing(List<? extends Callable<?>> calls, int waiting) throws InterruptedException {
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            var running = new ArrayList<Future<?>>();
            try (Handle held = holdActivityInserts(newsroom)) {
                calls.forEach(call -> running.add(pool.submit(call)));
                awaitWaiting(newsroom, waiting, running);
                held.commit();
            }
            var outcomes = new ArrayList<Object>();
            for (Future<?> future : running) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        }
    }

    /**
     * Holds every insert into the activity log, which each account change makes just before it commits: two
     * changes started under it have both done everything else, and wait, until it is released. PostgreSQL only.
     */
    static Handle holdActivityInserts(Newsroom newsroom) {
        Handle holder = newsroom.database.jdbi().open();
        holder.begin();
        holder.execute("LOCK TABLE activity IN EXCLUSIVE MODE");
        return holder;
    }

    /** Waits until {@code count} connections of the test's database wait for a lock, while none has finished. */
    static void awaitWaiting(Newsroom newsroom, int count, List<? extends Future<?>> running) {
        BooleanSupplier waiting = () -> newsroom.database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """).mapTo(Integer.class).one()) >= count;
        while (!waiting.getAsBoolean()) {
            for (Future<?> future : running) {
                assertFalse(future.isDone(), () -> "a writer finished without waiting: " + resultOf(future));
            }
            Thread.onSpinWait();
        }
    }

    private static String resultOf(Future<?> future) {
        try {
            return String.valueOf(future.get());
        } catch (Exception e) {
            return e.toString();
        }
    }
}
