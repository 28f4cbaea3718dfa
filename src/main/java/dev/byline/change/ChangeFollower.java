package dev.byline.change;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL several nodes share one database; each follows the change feed by id, so a write made on one node
 * invalidates the page caches of all of them within about a second. Changes this node made itself were already
 * applied when they committed and are skipped.
 */
public final class ChangeFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);

    private final ChangeFeed feed;
    private final Consumer<ChangeFeed.Change> apply;
    private final Set<Long> local = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "change-follower");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastSeen;

    public ChangeFollower(ChangeFeed feed, Consumer<ChangeFeed.Change> apply) {
        this.feed = feed;
        this.apply = apply;
        this.lastSeen = feed.latestId();
        feed.subscribe(change -> local.add(change.id()));
    }

    public void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
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
            LOG.warn("following the change feed failed; retrying", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
