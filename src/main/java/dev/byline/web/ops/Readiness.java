package dev.byline.web.ops;

import dev.byline.db.Database;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node should be sent readers: not before start-up has finished (the database open, its migrations
 * applied, the site wired), and not while the database does not answer a {@code SELECT 1}. Asked by /readyz,
 * so it never waits for start-up, and waits for the database at most {@code timeout}: a probe that finds it
 * slow or gone says so and leaves. Probes arriving together share one round trip.
 */
public final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** What /readyz answers: ready, or why not, in a few plain words. */
    public record Answer(boolean ready, String reason) {
    }

    private static final Answer READY = new Answer(true, "ready");

    private final Duration timeout;
    private final Executor pings = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("readiness-ping")
            .factory());
    private volatile String notReady = "starting";
    private volatile Database database;
    private CompletableFuture<Void> ping = CompletableFuture.completedFuture(null);
    private boolean answering = true;

    public Readiness(Duration timeout) {
        this.timeout = timeout;
    }

    /** Start-up is under way; {@code phase} tells an operator where. */
    public void starting(String phase) {
        notReady = "starting: " + phase;
    }

    /**
     * Start-up has finished on {@code openDatabase}: from now on readiness is the database answering. Pings it
     * once here, the way probes do, so that the first probe does not pay for loading the classes involved.
     */
    public void ready(Database openDatabase) {
        CompletableFuture.runAsync(openDatabase::ping, pings).join();
        database = openDatabase;
        notReady = null;
    }

    /** Start-up failed: not ready, for the short while before the server stops. */
    public void failed(String reason) {
        database = null;
        notReady = "could not start: " + reason;
    }

    public Answer check() {
        Database current = database;
        String reason = notReady;
        if (reason != null || current == null) {
            return new Answer(false, reason == null ? "starting" : reason);
        }
        try {
            inFlightPing(current).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return answered(true, READY, null);
        } catch (TimeoutException e) {
            return answered(false, new Answer(false, "the database did not answer within " + timeout.toMillis()
                    + " ms"), e);
        } catch (ExecutionException e) {
            return answered(false, new Answer(false, "the database is unreachable"), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }

    private synchronized CompletableFuture<Void> inFlightPing(Database current) {
        if (ping.isDone()) {
            ping = CompletableFuture.runAsync(current::ping, pings);
        }
        return ping;
    }

    /** Logs only when the answer changes, not at every probe of every load balancer. */
    private synchronized Answer answered(boolean nowAnswering, Answer answer, Throwable why) {
        if (nowAnswering != answering) {
            answering = nowAnswering;
            if (nowAnswering) {
                LOG.info("The database answers again: ready");
            } else {
                LOG.warn("Not ready: {} ({})", answer.reason(), String.valueOf(why));
            }
        }
        return answer;
    }
}
