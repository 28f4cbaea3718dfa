package dev.byline.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what the accounts leave behind, on a timer: sessions past their limits (an idle one is otherwise deleted
 * only when its cookie comes back), links expired more than a day ago, throttle rows long out of their window,
 * activity past its retention. Every sweep is a set of idempotent DELETEs, so nodes sweeping at once do no harm.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    /** A used or expired link stays a day, to answer "already used" or "expired" rather than "unknown". */
    static final Duration KEEP_LINKS = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Sessions sessions;
    private final ActivityLog activity;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("byline-housekeeping").daemon().factory());

    public Housekeeping(Jdbi jdbi, Sessions sessions, ActivityLog activity, Clock clock) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.activity = activity;
        this.clock = clock;
    }

    /** What one sweep deleted. */
    public record Swept(int sessions, int links, int throttleRows, int activity) {
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("housekeeping failed; trying again at the next sweep", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Swept sweep() {
        long now = clock.millis();
        int ended = sessions.prune();
        int links = jdbi.withHandle(handle -> new OneTimeLinks(clock).prune(handle, now - KEEP_LINKS.toMillis()));
        int throttle = jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sign_in_failures WHERE at < :old")
                .bind("old", now - SignInThrottle.WINDOW.toMillis() * 4).execute());
        return new Swept(ended, links, throttle, activity.prune());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
