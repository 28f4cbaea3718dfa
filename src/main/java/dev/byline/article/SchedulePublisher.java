package dev.byline.article;

import dev.byline.db.Database;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes, and empties the trash of articles trashed long enough ago. Every node runs one; the work happens under a cluster-wide
 * lock, so with several nodes an article is published once. "Now" is the injected clock's: tests move the clock
 * and call {@link #tick} instead of waiting for the timer.
 */
public final class SchedulePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulePublisher.class);

    private final ArticleService articles;
    private final Desk desk;
    private final Database database;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "schedule-publisher");
        thread.setDaemon(true);
        return thread;
    });

    /** Also empties the desk's trash of what has been there {@link Desk#TRASH_DAYS} days, on the same tick. */
    public SchedulePublisher(ArticleService articles, Desk desk, Database database, Clock clock) {
        this.articles = articles;
        this.desk = desk;
        this.database = database;
        this.clock = clock;
    }

    /** Checks every {@code periodSeconds}: an article goes live at most that long after its time. */
    public void start(long periodSeconds) {
        timer.scheduleWithFixedDelay(this::tick, 0, periodSeconds, TimeUnit.SECONDS);
    }

    /**
     * One check, as of the clock's now: what the timer runs every period. Synchronized so that a tick called by
     * hand never overlaps the timer's on the same node (across nodes the database lock does that).
     */
    public synchronized void tick() {
        try {
            database.exclusively("byline.schedule", () -> {
                int published = articles.publishDue(clock.instant());
                if (published > 0) {
                    LOG.info("Published {} scheduled article(s)", published);
                }
                int deleted = desk.emptyTrash(clock.instant());
                if (deleted > 0) {
                    LOG.info("Emptied the trash of {} article(s) trashed over {} days ago", deleted, Desk.TRASH_DAYS);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("publishing scheduled articles failed; trying again at the next tick", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
