package dev.byline.change;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL several nodes share one database; each follows the change feed, so a write made on one node
 * invalidates the page caches of all of them. Every committed change sends a NOTIFY (see {@link ChangeFeed}); this
 * follower LISTENs on a connection of its own and reads the new rows by id as soon as one arrives, and also every
 * few seconds without one, so a missed notification (a dropped connection) delays an invalidation, never loses
 * it. Changes this node made itself were applied when they committed and are skipped.
 */
public final class ChangeFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);

    private final ChangeFeed feed;
    private final Jdbi jdbi;
    private final Consumer<ChangeFeed.Change> apply;
    private final Set<Long> local = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastSeen;

    public ChangeFollower(ChangeFeed feed, Jdbi jdbi, Consumer<ChangeFeed.Change> apply, int fallbackMillis) {
        this.feed = feed;
        this.jdbi = jdbi;
        this.apply = apply;
        this.lastSeen = feed.latestId();
        feed.subscribe(change -> local.add(change.id()));
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
                    while (running) {
                        connection.getNotifications(fallbackMillis); // returns on a notification or the timeout
                        poll();
                    }
                });
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("following the change feed failed; reconnecting", e);
                    pause(1000);
                }
            }
        }
    }

    void poll() {
        try {
            for (var change : feed.since(lastSeen, 500)) {
                if (!local.remove(change.id())) {
                    apply.accept(change);
                }
                lastSeen = change.id();
            }
        } catch (RuntimeException e) {
            LOG.warn("reading the change feed failed; retrying", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
