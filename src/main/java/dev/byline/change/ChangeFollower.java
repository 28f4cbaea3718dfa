package dev.byline.change;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL several nodes share one database; each follows the change feed, so a write made on one node reaches
 * the subscribers (page cache, search index, ...) of all of them.
 *
 * <p>Change ids come from a sequence when the row is inserted, not when its transaction commits: change 11 may
 * commit before change 10, so "everything after the last id seen" would skip 10 for good. The follower keeps
 * instead a <em>mark</em>: a transaction id below which every transaction had finished when it last looked (the
 * snapshot's xmin). Each poll reads every change written by a transaction at or above the mark, hands on the ones
 * it has not seen, then raises the mark to the current xmin and forgets the ids below it. A change therefore
 * arrives as soon as its transaction commits, whatever the order, and exactly once (ids are remembered while they
 * are above the mark).
 *
 * <p>Old rows are pruned ({@link ChangeFeed#prune}); a follower whose mark is at or below the highest pruned
 * transaction may have missed something and hands on a {@link Change#reset} instead of guessing: every page is
 * dropped. Every committed change sends a NOTIFY; the follower LISTENs on a connection of its own and also polls
 * every few seconds without one, so a lost notification delays a change, never loses it.
 */
public final class ChangeFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);

    private final ChangeFeed feed;
    private final ChangeStore store;
    private final Jdbi jdbi;
    private final Thread thread;
    /** change id → its transaction, for the changes at or above the mark that were handed on (or made here) */
    private final Map<Long, Long> seen = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private long mark;

    public ChangeFollower(ChangeFeed feed, Jdbi jdbi, int fallbackMillis) {
        this.feed = feed;
        this.store = feed.store();
        this.jdbi = jdbi;
        this.mark = store.oldestRunning();
        feed.onLocalCommit(change -> seen.put(change.id(), change.xid()));
        this.thread = Thread.ofPlatform().daemon().name("change-follower").unstarted(() -> follow(fallbackMillis));
    }

    public void start() {
        thread.start();
    }

    private void follow(int fallbackMillis) {
        while (running) {
            try {
                jdbi.useHandle(handle -> {
                    handle.execute("LISTEN " + ChangeFeed.CHANNEL);
                    PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
                    poll(); // whatever committed while this connection was being made
                    while (running) {
                        connection.getNotifications(fallbackMillis); // returns on a notification or the timeout
                        poll();
                    }
                });
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("following the change feed failed; reconnecting: {}", e.toString());
                    pause(1000);
                }
            }
        }
    }

    /** Reads and hands on what committed since the last poll. Public for tests, which poll instead of waiting. */
    public synchronized void poll() {
        try {
            if (mark <= store.horizon().xid()) {
                LOG.warn("this node was away longer than the change history kept; dropping every cached page");
                seen.clear();
                mark = store.oldestRunning();
                feed.publish(Change.reset(feed.clock().instant()));
            }
            // first the xmin, then the rows: every transaction below the xmin is visible to the later read
            long finishedBelow = store.oldestRunning();
            for (Change change : store.fromTransaction(mark)) {
                if (seen.putIfAbsent(change.id(), change.xid()) == null) {
                    feed.publish(change);
                }
            }
            mark = Math.max(mark, finishedBelow);
            long below = mark;
            seen.values().removeIf(xid -> xid < below);
        } catch (RuntimeException e) {
            LOG.warn("reading the change feed failed; retrying: {}", e.toString());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops following. The follower is woken with a notification of its own and left to close its connection
     * normally: interrupting it inside the driver's read would break the connection and make the pool log it.
     */
    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            return;
        }
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', 'stop')")
                    .mapTo(String.class).one());
            thread.join(2000);
        } catch (RuntimeException e) {
            LOG.debug("could not wake the change follower to stop it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
