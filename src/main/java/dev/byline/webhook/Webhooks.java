package dev.byline.webhook;

import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.ChangeFeed;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhooks as administrators manage them (the site's settings capability): add, change, pause, delete, send a test,
 * read the delivery log. Wires the change feed's {@link WebhookEvents} and this node's {@link WebhookSender}.
 */
public final class Webhooks implements AutoCloseable {

    /** A webhook's latest deliveries, newest first, as the admin shows them. */
    public record Delivery(long id, String event, String status, java.time.Instant createdAt, int attempts,
                           Integer lastStatus, String lastError, java.time.Instant finishedAt,
                           java.time.Instant nextAttempt) {
    }

    static final int MAX_URL = 2_000;
    static final int LOG_SIZE = 50;

    private final Jdbi jdbi;
    private final WebhookStore store;
    private final WebhookSender sender;
    private final ActivityLog activity;
    private final Clock clock;

    /** Registers the events with {@code changes}; the sender sends nothing until {@link #start}. */
    public Webhooks(Jdbi jdbi, ChangeFeed changes, WebhookEvents.Links links, ActivityLog activity, Clock clock) {
        this(jdbi, changes, links, activity, clock, WebhookSender.POLL);
    }

    Webhooks(Jdbi jdbi, ChangeFeed changes, WebhookEvents.Links links, ActivityLog activity, Clock clock,
             Duration poll) {
        this.jdbi = jdbi;
        this.store = new WebhookStore(jdbi);
        this.sender = new WebhookSender(store, clock, poll);
        this.activity = activity;
        this.clock = clock;
        changes.record(new WebhookEvents(store, links, clock, sender::wake));
    }

    /** Starts this node's sender. */
    public void start() {
        sender.start();
    }

    /** Sends what is due now, on the caller's thread (tests; the sender thread does it by itself). */
    public int deliverDue() {
        return sender.deliverDue();
    }

    public List<Webhook> list(Actor actor) {
        require(actor);
        return store.all();
    }

    public Webhook find(Actor actor, long id) {
        require(actor);
        return store.find(id).orElseThrow(() -> new NotFound("There is no webhook " + id + ": it may have been "
                + "deleted."));
    }

    /**
     * Adds a webhook with a new secret.
     *
     * @throws Invalid with messages on {@code url} and {@code events}
     */
    public Webhook add(Actor actor, String url, List<String> events) {
        require(actor);
        String address = checked(url, events);
        long id = jdbi.inTransaction(handle -> {
            long made = store.insert(handle, address, Signatures.newSecret(), WebhookEvents.known(events),
                    clock.millis());
            activity.record(handle, actor, Activity.WEBHOOK_ADDED, address, String.join(", ", events), null);
            return made;
        });
        return store.find(id).orElseThrow();
    }

    /** Changes a webhook's address, events and whether it is active. */
    public Webhook update(Actor actor, long id, String url, List<String> events, boolean active) {
        require(actor);
        String address = checked(url, events);
        jdbi.useTransaction(handle -> {
            if (!store.update(handle, id, address, WebhookEvents.known(events), active, clock.millis())) {
                throw new NotFound("There is no webhook " + id + ": it may have been deleted.");
            }
            activity.record(handle, actor, Activity.WEBHOOK_CHANGED, address, (active ? "" : "paused; ")
                    + String.join(", ", events), null);
        });
        return store.find(id).orElseThrow();
    }

    public void delete(Actor actor, long id) {
        Webhook hook = find(actor, id);
        if (store.delete(id)) {
            activity.record(actor, Activity.WEBHOOK_DELETED, hook.url(), "", null);
        }
    }

    /** Queues a test delivery ({@code ping}) to the webhook, paused or not, and wakes the sender. */
    public void sendTest(Actor actor, long id) {
        Webhook hook = find(actor, id);
        store.enqueueTo(hook.id(), WebhookEvent.PING, WebhookEvents.ping(hook.id(), clock.instant()), clock.millis());
        sender.wake();
    }

    public List<Delivery> log(Actor actor, long id) {
        find(actor, id);
        return store.log(id, LOG_SIZE).stream().map(row -> new Delivery(row.id(), row.event(), row.status(),
                row.createdAt(), row.attempts(), row.lastStatus(), row.lastError(), row.finishedAt(),
                row.status().equals("waiting") ? row.dueAt() : null)).toList();
    }

    /** The address as stored, or a refusal at the fields. */
    static String checked(String url, List<String> events) {
        var errors = new LinkedHashMap<String, String>();
        String address = url == null ? "" : url.strip();
        String problem = addressProblem(address);
        if (problem != null) {
            errors.put("url", problem);
        }
        if (events == null || WebhookEvents.known(events).isEmpty()) {
            errors.put("events", "Choose at least one event to send.");
        } else if (WebhookEvents.known(events).size() != events.stream().distinct().count()) {
            errors.put("events", "Choose among the events listed.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return address;
    }

    private static String addressProblem(String address) {
        if (address.isEmpty()) {
            return "Enter the address to send to, such as https://example.org/hooks/byline.";
        }
        if (address.length() > MAX_URL) {
            return "The address is " + address.length() + " characters long; " + MAX_URL + " at most.";
        }
        if (address.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            return "The address has a space or a control character in it.";
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return "That is not an address: " + e.getReason() + ".";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "The address must start with https:// (or http://).";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "The address has no host name.";
        }
        if (uri.getRawUserInfo() != null) {
            return "Leave the user name and password out of the address: deliveries are signed instead.";
        }
        if (uri.getRawFragment() != null) {
            return "Leave the #fragment out of the address.";
        }
        return null;
    }

    private static void require(Actor actor) {
        Policy.require(actor, Capability.MANAGE_SETTINGS, "manage webhooks");
    }

    @Override
    public void close() {
        sender.close();
    }
}
