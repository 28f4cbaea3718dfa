package dev.byline.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many writers at once through the feed (on SQLite: grouped into shared transactions, one savepoint each): every
 * caller gets its own outcome, a failing write takes none of the others with it, and subscribers hear each
 * committed write once, in commit order, before its caller returns.
 */
class ChangeFeedGroupTest {

    @TempDir
    Path dir;

    /** A work's own failure, carrying which write threw it. */
    static final class Refused extends RuntimeException {
        final int n;

        Refused(int n) {
            super("write " + n + " refused");
            this.n = n;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void manyWritersEachGetTheirOwnOutcome(TestDatabases db) throws Exception {
        try (Database database = Database.open(db.config(dir))) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
            var feed = new ChangeFeed(database.jdbi(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                    db == TestDatabases.POSTGRES);
            var heard = Collections.synchronizedList(new ArrayList<Change>());
            feed.subscribe(heard::add);
            int writers = 8;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            var start = new CountDownLatch(1);
            List<Future<Map<Integer, Object>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    start.await();
                    var outcomes = new java.util.LinkedHashMap<Integer, Object>();
                    for (int i = 0; i < each; i++) {
                        int n = writer * each + i;
                        try {
                            int value = feed.write("probe." + n, handle -> faulty(handle, n));
                            synchronized (heard) {
                                assertTrue(heard.stream().anyMatch(change -> change.kind().equals("probe." + n)),
                                        "told before its caller returns: " + n);
                            }
                            outcomes.put(n, value);
                        } catch (RuntimeException e) {
                            outcomes.put(n, e);
                        }
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            var written = new TreeSet<Integer>();
            for (Future<Map<Integer, Object>> result : results) {
                for (var outcome : result.get(60, TimeUnit.SECONDS).entrySet()) {
                    int n = outcome.getKey();
                    if (n % 5 == 0) {
                        Refused refused = assertInstanceOf(Refused.class, outcome.getValue(), "its own exception");
                        assertEquals(n, refused.n);
                    } else if (n % 7 == 0) {
                        assertInstanceOf(UnableToExecuteStatementException.class, outcome.getValue(),
                                "a failed statement comes back as Jdbi threw it: " + n);
                    } else {
                        assertEquals(n, outcome.getValue());
                        written.add(n);
                    }
                }
            }
            pool.shutdown();

            List<Integer> rows = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT n FROM probe").mapTo(Integer.class).list());
            assertEquals(written, new TreeSet<>(rows),
                    "the rows of every acknowledged write, and none of a failed one");
            List<Change> stored = feed.since(0, 1000);
            assertEquals(written.size(), stored.size());
            assertEquals(written, new TreeSet<>(stored.stream()
                    .map(change -> Integer.parseInt(change.kind().substring("probe.".length()))).toList()));
            List<Change> told = new ArrayList<>(heard);
            if (db == TestDatabases.POSTGRES) {
                // concurrent transactions: ids are not commit order there (ChangeFollower reads by transaction)
                told.sort(java.util.Comparator.comparingLong(Change::id));
            }
            assertEquals(stored, told, "each committed write told once (on SQLite in commit order)");
            for (int i = 1; i < stored.size(); i++) {
                assertTrue(stored.get(i).id() > stored.get(i - 1).id());
            }
        }
    }

    /**
     * Writers that arrive while one holds the writer's turn are committed together by the next: one transaction
     * (one handle, seen by a participant) holding several writes, and one of them failing alone.
     */
    @Test
    void writersQueuedBehindOneShareATransaction() throws Exception {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
            var feed = new ChangeFeed(database.jdbi(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                    false);
            var handles = new ConcurrentHashMap<Long, Handle>();
            feed.participate((handle, entities) -> {
                entities.forEach(entity -> handles.put(entity.id(), handle));
                return Set.of();
            });
            var groups = Collections.synchronizedList(new ArrayList<Integer>());
            feed.tapGroups(groups::add);
            int behind = 6;
            var queued = new CountDownLatch(behind + 1);
            feed.tapQueue(size -> queued.countDown());

            var inside = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(behind + 1);
            Future<Integer> first = pool.submit(() -> feed.write("probe.100", handle -> {
                inside.countDown();
                await(release);
                return probe(handle, 100);
            }));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            List<Future<Integer>> rest = new ArrayList<>();
            for (int n = 101; n <= 100 + behind; n++) {
                int m = n;
                rest.add(pool.submit(() -> feed.write("probe." + m, handle -> {
                    if (m == 103) {
                        throw new Refused(m);
                    }
                    return probe(handle, m);
                })));
            }
            assertTrue(queued.await(30, TimeUnit.SECONDS), "all queued behind the first");
            release.countDown();

            assertEquals(100, first.get(30, TimeUnit.SECONDS));
            for (int i = 0; i < behind; i++) {
                int n = 101 + i;
                if (n == 103) {
                    var failed = assertThrows(java.util.concurrent.ExecutionException.class,
                            () -> rest.get(2).get(30, TimeUnit.SECONDS));
                    assertEquals(103, assertInstanceOf(Refused.class, failed.getCause()).n);
                } else {
                    assertEquals(n, rest.get(i).get(30, TimeUnit.SECONDS));
                }
            }
            pool.shutdown();

            assertEquals(List.of(1, behind - 1), groups, "the first alone, then the five that stood behind it");
            Handle shared = handles.get(101L);
            for (long n : List.of(102L, 104L, 105L, 106L)) {
                assertSame(shared, handles.get(n), "one transaction for the group: " + n);
            }
            assertEquals(behind, feed.since(0, 100).size());
        }
    }

    /** A write started inside another's work joins its transaction and is told after it commits, before it. */
    @Test
    void aWriteInsideAWriteJoinsItsTransaction() {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
            var feed = new ChangeFeed(database.jdbi(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                    false);
            var heard = new ArrayList<String>();
            feed.subscribe(change -> heard.add(change.kind()));

            int outer = feed.write("probe.1", handle -> {
                feed.write("probe.2", inner -> probe(inner, 2));
                assertThrows(Refused.class, () -> feed.write("probe.3", inner -> {
                    probe(inner, 3);
                    throw new Refused(3);
                }));
                assertTrue(heard.isEmpty(), "nothing told before the commit");
                return probe(handle, 1);
            });
            assertEquals(1, outer);
            assertEquals(List.of("probe.2", "probe.1"), heard);

            assertThrows(Refused.class, () -> feed.write("probe.4", handle -> {
                feed.write("probe.5", inner -> probe(inner, 5));
                throw new Refused(4);
            }));
            assertEquals(List.of("probe.2", "probe.1"), heard, "a rolled-back write's inner write is not told");
            // inside a handle the caller holds: written alone in it, as before group commit
            var groups = new ArrayList<Integer>();
            feed.tapGroups(groups::add);
            int six = database.jdbi().withHandle(handle -> feed.write("probe.6", inner -> {
                assertSame(handle, inner, "the caller's own handle");
                return probe(inner, 6);
            }));
            assertEquals(6, six);
            assertEquals(List.of(), groups, "not grouped");
            assertEquals(List.of("probe.2", "probe.1", "probe.6"), heard);
            assertEquals(List.of(1, 2, 6), database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT n FROM probe ORDER BY n").mapTo(Integer.class).list()));
            assertEquals(3, feed.since(0, 10).size());
        }
    }

    /**
     * A write made inside a transaction its caller holds is part of that transaction: its subscribers (the page
     * cache) are told when that transaction commits, not before (a page re-rendered in between would show the old
     * data and be kept), and never when it rolls back.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aWriteInsideTheCallersTransactionIsToldAfterThatCommitsAndNeverForARollback(TestDatabases db) {
        try (Database database = Database.open(db.config(dir))) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
            var feed = new ChangeFeed(database.jdbi(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                    db == TestDatabases.POSTGRES);
            var heard = Collections.synchronizedList(new ArrayList<String>());
            feed.subscribe(change -> heard.add(change.kind()));

            database.jdbi().useTransaction(handle -> {
                int one = feed.write("probe.1", inner -> probe(inner, 1));
                assertEquals(1, one);
                assertEquals(List.of(), heard, "not told while the transaction holding the write is open");
            });
            assertEquals(List.of("probe.1"), heard, "told once it committed");

            assertThrows(Refused.class, () -> database.jdbi().useTransaction(handle -> {
                feed.write("probe.2", inner -> probe(inner, 2));
                throw new Refused(2);
            }));
            assertEquals(List.of("probe.1"), heard, "a write rolled back with its caller's transaction is not told");
            assertEquals(List.of(1), database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT n FROM probe ORDER BY n").mapTo(Integer.class).list()));
        }
    }

    /**
     * A work that leaves its thread interrupted (as Passwords does when its wait is interrupted) runs on the thread
     * of whichever writer commits the group: the interrupt must stay that write's, not fail the writes after it
     * (a password hashed for an accepted invitation: Passwords.Busy, a 503 for someone never interrupted).
     */
    @Test
    void anInterruptLeftByOneWorkFailsNoOtherWriteOfItsGroup() throws Exception {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
            var feed = new ChangeFeed(database.jdbi(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                    false);
            var passwords = new dev.byline.account.Passwords();
            var queued = new java.util.concurrent.Semaphore(0);
            feed.tapQueue(size -> queued.release());
            var inside = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Future<Integer> first = pool.submit(() -> feed.write("probe.1", handle -> {
                inside.countDown();
                await(release);
                return probe(handle, 1);
            }));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            assertTrue(queued.tryAcquire(30, TimeUnit.SECONDS));
            Future<Boolean> interrupting = pool.submit(() -> {
                feed.write("probe.2", handle -> {
                    probe(handle, 2);
                    Thread.currentThread().interrupt(); // an interrupt this work keeps for its caller
                    return probe(handle, 20);
                });
                return Thread.currentThread().isInterrupted();
            });
            assertTrue(queued.tryAcquire(30, TimeUnit.SECONDS));
            Future<Integer> hashing = pool.submit(() -> feed.write("probe.3", handle -> {
                passwords.hash("a long enough password for the test");
                return probe(handle, 3);
            }));
            assertTrue(queued.tryAcquire(30, TimeUnit.SECONDS));
            Future<Integer> plain = pool.submit(() -> feed.write("probe.4", handle -> probe(handle, 4)));
            assertTrue(queued.tryAcquire(30, TimeUnit.SECONDS));
            release.countDown();

            assertEquals(1, first.get(30, TimeUnit.SECONDS));
            assertTrue(interrupting.get(30, TimeUnit.SECONDS), "the interrupt comes back to the caller it was for");
            assertEquals(3, hashing.get(30, TimeUnit.SECONDS), "a write behind the interrupted one is not failed");
            assertEquals(4, plain.get(30, TimeUnit.SECONDS));
            pool.shutdown();
            assertEquals(List.of(1, 2, 3, 4, 20), database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT n FROM probe ORDER BY n").mapTo(Integer.class).list()));
        }
    }

    /**
     * A statement SQLite answers by rolling back the whole transaction (here INSERT OR ROLLBACK; SQLITE_FULL and
     * I/O errors do the same): no write of that group may be acknowledged or told unless it is on disk, and the
     * feed keeps working after it.
     */
    @Test
    void aStatementThatRollsBackTheWholeTransactionAcknowledgesNothingItLost() throws Exception {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
            var feed = new ChangeFeed(database.jdbi(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                    false);
            var heard = Collections.synchronizedList(new ArrayList<String>());
            feed.subscribe(change -> heard.add(change.kind()));
            var queued = new java.util.concurrent.Semaphore(0);
            feed.tapQueue(size -> queued.release());
            var inside = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Future<Integer> first = pool.submit(() -> feed.write("probe.1", handle -> {
                inside.countDown();
                await(release);
                return probe(handle, 1);
            }));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            assertTrue(queued.tryAcquire(30, TimeUnit.SECONDS));
            List<Future<Integer>> group = new ArrayList<>();
            for (int n = 2; n <= 4; n++) {
                int m = n;
                group.add(pool.submit(() -> feed.write("probe." + m, handle -> {
                    if (m == 3) {
                        handle.execute("INSERT OR ROLLBACK INTO probe (n) VALUES (2)");
                    }
                    return probe(handle, m);
                })));
                assertTrue(queued.tryAcquire(30, TimeUnit.SECONDS));
            }
            release.countDown();
            assertEquals(1, first.get(30, TimeUnit.SECONDS));
            var acknowledged = new TreeSet<Integer>(List.of(1));
            for (int i = 0; i < group.size(); i++) {
                try {
                    acknowledged.add(group.get(i).get(30, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException failed) {
                    assertTrue(failed.getCause() instanceof RuntimeException, failed.toString());
                }
            }
            pool.shutdown();
            List<Integer> rows = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT n FROM probe ORDER BY n").mapTo(Integer.class).list());
            assertTrue(rows.containsAll(acknowledged), "acknowledged " + acknowledged + ", on disk " + rows);
            assertEquals(new TreeSet<>(rows), new TreeSet<>(heard.stream()
                    .map(kind -> Integer.parseInt(kind.substring("probe.".length()))).toList()),
                    "told exactly the writes that are on disk");
            int five = feed.write("probe.5", handle -> probe(handle, 5));
            assertEquals(5, five, "the feed writes on after it");
        }
    }

    /** Writes row {@code n}; every 5th then throws, every 7th (not 5th) writes it twice: a unique clash. */
    private static ChangeFeed.Written<Integer> faulty(Handle handle, int n) {
        if (n % 5 == 0) {
            handle.execute("INSERT INTO probe (n) VALUES (?)", n);
            throw new Refused(n);
        }
        if (n % 7 == 0) {
            handle.execute("INSERT INTO probe (n) VALUES (?)", n);
        }
        return probe(handle, n);
    }

    private static ChangeFeed.Written<Integer> probe(Handle handle, int n) {
        handle.execute("INSERT INTO probe (n) VALUES (?)", n);
        return ChangeFeed.Written.of(n, Set.of("probe:" + n),
                List.of(Change.Entity.shown(Change.Entity.ARTICLE, n, true)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
