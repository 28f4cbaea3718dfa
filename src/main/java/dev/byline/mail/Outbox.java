package dev.byline.mail;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail that is not lost. {@link #enqueue} writes a message in the caller's transaction, so an invitation and its
 * mail commit together, or neither. One sender thread per node, woken after such a commit and every
 * 5 s, claims due messages one at a time (see {@link OutboxStore}: two nodes never send the
 * same one), hands each to the {@link Delivery} and records the outcome: sent, or tried again later with a growing
 * wait, keeping the last error, until {@link #GIVE_UP_AFTER} has passed and it is given up (and logged). A node
 * that dies while sending leaves a claim that runs out after {@link #CLAIM}, and the message is sent then: at
 * least once, and exactly once unless a node dies between the server's answer and the update after it.
 *
 * <p>"Now" is the injected clock's: tests move it and call {@link #deliverDue} instead of waiting.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    /** How long a node has to send a claimed message: well over the SMTP time limits of one attempt. */
    static final Duration CLAIM = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** Sent (and given-up) messages are kept this long, without their bodies, then deleted. */
    static final Duration KEEP_SENT = Duration.ofDays(3);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int BATCH = 20;

    /** A message not sent yet, as the settings page may show it (no body: it can hold a link). */
    public record Waiting(String to, String subject, Instant queuedAt, int attempts, String lastError,
                          Instant nextAttempt) {
    }

    /** The outcome of {@link #sendNow}: whether the server took the message, and a sentence saying so or why not. */
    public record Attempt(boolean delivered, String message) {
    }

    private final OutboxStore store;
    private final Delivery delivery;
    private final Clock clock;
    private final Duration poll;
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private long nextPrune;
    private final Object lifecycle = new Object();
    private Thread sender;

    public Outbox(Jdbi jdbi, Delivery delivery, Clock clock) {
        this(jdbi, delivery, clock, POLL);
    }

    /** @param poll how often the sender looks without being woken (tests make it long, to see the wake work) */
    Outbox(Jdbi jdbi, Delivery delivery, Clock clock, Duration poll) {
        this.store = new OutboxStore(jdbi);
        this.delivery = delivery;
        this.clock = clock;
        this.poll = poll;
    }

    /**
     * Queues {@code mail} inside the caller's transaction; the sender is woken once it commits (and never hears
     * of it if it rolls back).
     */
    public void enqueue(Handle handle, Mail mail) {
        store.insert(handle, mail, clock.millis());
        if (handle.isInTransaction()) {
            handle.afterCommit(wake::release);
        } else {
            wake.release();
        }
    }

    /**
     * Sends one message at once, bypassing the outbox: the settings page's test message. Never throws; says what
     * happened in a sentence for the page.
     */
    public Attempt sendNow(String to, String subject, String body) {
        if (!Mail.isAddress(to)) {
            return new Attempt(false, "Enter one email address, such as name@example.org.");
        }
        try {
            delivery.deliver(new Mail(to, subject, body));
        } catch (MessagingException | RuntimeException e) {
            LOG.info("Test message to {} not sent: {}", Mail.masked(to), Mail.maskedIn(e.toString()));
            return new Attempt(false, MailFailures.describe(e, delivery.describe()));
        }
        if (delivery instanceof LogDelivery) {
            return new Attempt(true, "No SMTP server is configured (BYLINE_SMTP_HOST), so the message to " + to.strip()
                    + " was written to the log instead.");
        }
        return new Attempt(true, "Sent to " + to.strip() + " through " + delivery.describe() + ".");
    }

    /** Starts this node's sender thread. */
    public void start() {
        synchronized (lifecycle) {
            if (sender == null && !closed) {
                sender = Thread.ofPlatform().daemon().name("mail-outbox").start(this::run);
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                LOG.warn("The mail outbox could not be read; trying again in {} s", poll.toSeconds(), e);
            }
            try {
                wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Sends every message due now that no other node holds, one claim at a time; returns how many were sent.
     * What the sender thread runs; synchronized so that a call by hand (tests) never overlaps it on one node.
     */
    public synchronized int deliverDue() {
        int sent = 0;
        boolean more = true;
        while (more && !closed) {
            more = false;
            long now = clock.millis();
            for (long id : store.due(now, BATCH)) {
                if (closed) {
                    break;
                }
                String claim = node + "/" + claims.incrementAndGet();
                Optional<OutboxStore.Claimed> claimed = store.claim(id, claim, now, now + CLAIM.toMillis());
                if (claimed.isPresent()) {
                    more = true; // something was ours: look again, more may have come
                    sent += attempt(claimed.get()) ? 1 : 0;
                }
            }
        }
        long now = clock.millis();
        if (now >= nextPrune) {
            nextPrune = now + PRUNE_EVERY.toMillis();
            prune();
        }
        return sent;
    }

    private boolean attempt(OutboxStore.Claimed message) {
        try {
            delivery.deliver(message.mail());
        } catch (MessagingException | RuntimeException e) {
            failed(message, MailFailures.describe(e, delivery.describe()));
            return false;
        }
        if (!store.sent(message, clock.millis())) {
            LOG.warn("Mail {} to {} was sent after its claim ran out; it may be sent twice", message.id(),
                    Mail.masked(message.mail().to()));
        }
        return true;
    }

    private void failed(OutboxStore.Claimed message, String error) {
        long now = clock.millis();
        Mail mail = message.mail();
        if (now - message.createdAt() >= GIVE_UP_AFTER.toMillis()) {
            store.giveUp(message, now, error);
            LOG.error("Gave up on mail {} to {} after {} attempts over {} hours: {}", message.id(),
                    Mail.masked(mail.to()), message.attempts(), GIVE_UP_AFTER.toHours(), Mail.maskedIn(error));
            return;
        }
        Duration wait = backoff(message.attempts());
        store.retry(message, now + wait.toMillis(), error);
        LOG.warn("Could not send mail {} to {}, attempt {}, trying again in {} s: {}", message.id(),
                Mail.masked(mail.to()), message.attempts(), wait.toSeconds(), Mail.maskedIn(error));
    }

    /** The wait after the {@code attempts}th failed attempt: 30 s, doubling, at most an hour. */
    public static Duration backoff(int attempts) {
        int doublings = Math.clamp(attempts - 1, 0, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Deletes messages sent or given up more than {@link #KEEP_SENT} ago; returns how many. */
    public int prune() {
        return store.prune(clock.millis() - KEEP_SENT.toMillis());
    }

    /** Messages not sent yet, oldest first. */
    public List<Waiting> waiting() {
        return store.waiting();
    }

    /** Where mail goes, for the operator. */
    public String describe() {
        return delivery.describe();
    }

    /**
     * Stops the sender: it finishes the message in hand (at most the SMTP time limits) and takes no other. A
     * message it had claimed and not finished is sent by another node, or by this one after a restart, once the
     * claim runs out.
     */
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
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
