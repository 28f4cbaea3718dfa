package dev.byline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void migratesAnEmptyDatabaseAndOpensItAgain(TestDatabases db) {
        var config = db.config(dir);
        try (Database first = Database.open(config)) {
            int articles = first.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM articles")
                    .mapTo(Integer.class).one());
            assertEquals(0, articles);
        }
        try (Database again = Database.open(config)) {
            int applied = again.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '001'")
                    .mapTo(Integer.class).one());
            assertEquals(1, applied, "applied once");
        }
    }

    @Test
    void exclusiveWorkOnPostgresRunsOneNodeAtATime(@TempDir Path other) throws Exception {
        var config = TestDatabases.POSTGRES.config(dir);
        var events = new CopyOnWriteArrayList<String>();
        var firstInside = new CountDownLatch(1);
        try (Database nodeA = Database.open(config);
             Database nodeB = Database.open(config.withDemo(false));
             var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> nodeA.exclusively("test.lock", () -> {
                events.add("A in");
                firstInside.countDown();
                awaitSomeoneQueuedForTheLock(nodeA); // B has asked and waits: only now may A leave
                events.add("A out");
            }));
            assertTrue(firstInside.await(10, TimeUnit.SECONDS));
            var b = pool.submit(() -> nodeB.exclusively("test.lock", () -> events.add("B in")));
            a.get();
            b.get();
        }
        assertEquals(java.util.List.of("A in", "A out", "B in"), events, "B waited for A");
    }

    /** Returns once PostgreSQL shows a session waiting for an advisory lock in this database: B, behind A. */
    private static void awaitSomeoneQueuedForTheLock(Database database) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM pg_locks
                        WHERE locktype = 'advisory' AND NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .mapTo(Integer.class).one()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node B never queued for the lock A holds");
            }
        }
    }
}
