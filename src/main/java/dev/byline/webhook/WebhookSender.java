package dev.byline.webhook;

import dev.byline.mail.Outbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued deliveries: one daemon thread per node, woken after a change that queued one commits and looking
 * every 5 s anyway. Each delivery is claimed first (see {@link WebhookStore}), POSTed as JSON with its signature
 * ({@link Signatures}), and counts as delivered on any 2xx answer. Anything else, a refused connection or a
 * time-out is tried again later with the mail outbox's back-off (30 s doubling to an hour), for 24 hours. Redirects
 * are not followed: a receiver that moved is a failure the log shows.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final Duration KEEP_FINISHED = Duration.ofDays(7);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int BATCH = 20;

    private final WebhookStore store;
    private final Clock clock;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private long nextPrune;
    private Thread sender;

    WebhookSender(WebhookStore store, Clock clock, Duration poll) {
        this.store = store;
        this.clock = clock;
        this.poll = poll;
    }

    /** After a commit that queued deliveries: look now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    public void start() {
        synchronized (lifecycle) {
            if (sender == null && !closed) {
                sender = Thread.ofPlatform().daemon().name("webhooks").start(this::run);
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                LOG.warn("Webhook deliveries could not be read; trying again in {} s", poll.toSeconds(), e);
            }
            try {
                wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends every delivery due now that no other node holds; returns how many were delivered. */
    public synchronized int deliverDue() {
        int delivered = 0;
        boolean more = true;
        while (more && !closed) {
            more = false;
            long now = clock.millis();
            for (long id : store.due(now, BATCH)) {
                if (closed) {
                    break;
                }
                Optional<WebhookStore.Claimed> claimed = store.claim(id, node + "/" + claims.incrementAndGet(), now,
                        now + CLAIM.toMillis());
                if (claimed.isPresent()) {
                    more = true;
                    delivered += attempt(claimed.get()) ? 1 : 0;
                }
            }
        }
        long now = clock.millis();
        if (now >= nextPrune) {
            nextPrune = now + PRUNE_EVERY.toMillis();
            store.prune(now - KEEP_FINISHED.toMillis());
        }
        return delivered;
    }

    private boolean attempt(WebhookStore.Claimed delivery) {
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Byline-Webhooks/1")
                    .header("Byline-Event", delivery.event())
                    .header("Byline-Delivery", String.valueOf(delivery.id()))
                    .header(Signatures.HEADER, Signatures.header(delivery.secret(), clock.millis() / 1000,
                            delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                if (!store.delivered(delivery, clock.millis(), status)) {
                    LOG.warn("Webhook delivery {} was delivered after its claim ran out; it may arrive twice",
                            delivery.id());
                }
                return true;
            }
            error = "The receiver answered " + status + (status >= 300 && status < 400
                    ? " (a redirect; webhooks do not follow them: give its new address)" : "") + ".";
        } catch (HttpTimeoutException e) {
            error = "The receiver did not answer within " + TIMEOUT.toSeconds() + " s.";
        } catch (IOException e) {
            error = "Could not reach the receiver: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ".";
        } catch (IllegalArgumentException e) {
            error = "The address cannot be sent to: " + e.getMessage() + ".";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Byline was stopping.";
        }
        failed(delivery, status, error);
        return false;
    }

    private void failed(WebhookStore.Claimed delivery, Integer status, String error) {
        long now = clock.millis();
        if (now - delivery.createdAt() >= GIVE_UP_AFTER.toMillis()) {
            store.giveUp(delivery, now, status, error);
            LOG.error("Gave up on webhook delivery {} ({}) to webhook {} after {} attempts: {}", delivery.id(),
                    delivery.event(), delivery.webhookId(), delivery.attempts(), error);
            return;
        }
        Duration wait = Outbox.backoff(delivery.attempts());
        store.retry(delivery, now + wait.toMillis(), status, error);
        LOG.warn("Webhook delivery {} ({}) to webhook {} failed, attempt {}, trying again in {} s: {}", delivery.id(),
                delivery.event(), delivery.webhookId(), delivery.attempts(), wait.toSeconds(), error);
    }

    /** Stops the thread: the delivery in hand finishes (at most the time-out); a claimed one is sent again later. */
    @Override
    public void close() {
        closed = true;
        wake.release();
        Thread running;
        synchronized (lifecycle) {
            running = sender;
        }
        if (running != null) {
            try {
                running.join(TIMEOUT.plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
