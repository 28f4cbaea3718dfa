package dev.byline.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;

/** For tests that hold a transaction open on embedded PostgreSQL and need another writer to be waiting on it. */
public final class PostgresLocks {

    private PostgresLocks() {
    }

    /** Returns once a backend of this database waits on a lock; fails after ten seconds. */
    public static void awaitALockWait(Jdbi jdbi, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long waiting = jdbi.withHandle(handle -> handle.createQuery("""
                    SELECT COUNT(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                    """).mapTo(Long.class).one());
            if (waiting > 0) {
                return;
            }
            LockSupport.parkNanos(5_000_000); // polling another process's state
        }
        throw new AssertionError(what + " never waited on a lock");
    }
}
