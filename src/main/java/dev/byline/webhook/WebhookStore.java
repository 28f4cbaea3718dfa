package dev.byline.webhook;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The webhooks' SQL, the same on SQLite and PostgreSQL. Deliveries are claimed as the mail outbox claims its
 * messages: one conditional UPDATE whose row count says whether this node has it; only the claim's holder records
 * the outcome.
 */
final class WebhookStore {

    /** A delivery claimed for sending, with what it needs: the address and the secret. */
    record Claimed(long id, long webhookId, String url, String secret, String event, String payload, long createdAt,
                   int attempts, String claim) {
    }

    /** One delivery as the admin's log shows it. */
    record Logged(long id, String event, String status, Instant createdAt, int attempts, Integer lastStatus,
                  String lastError, Instant finishedAt, Instant dueAt) {
    }

    private final Jdbi jdbi;

    WebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Webhook> all() {
        return jdbi.withHandle(handle -> withEvents(handle, handle.createQuery(
                "SELECT id, url, secret, active, created_at FROM webhooks ORDER BY id").map(WebhookStore::map).list()));
    }

    Optional<Webhook> find(long id) {
        return jdbi.withHandle(handle -> withEvents(handle, handle.createQuery(
                        "SELECT id, url, secret, active, created_at FROM webhooks WHERE id = :id")
                .bind("id", id).map(WebhookStore::map).list())).stream().findFirst();
    }

    private static List<Webhook> withEvents(Handle handle, List<Webhook> hooks) {
        if (hooks.isEmpty()) {
            return hooks;
        }
        Map<Long, List<String>> events = new LinkedHashMap<>();
        handle.createQuery("SELECT webhook_id, event FROM webhook_events WHERE webhook_id IN (<ids>)")
                .bindList("ids", hooks.stream().map(Webhook::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("webhook_id"), rs.getString("event")))
                .forEach(row -> events.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        return hooks.stream().map(hook -> new Webhook(hook.id(), hook.url(), hook.secret(),
                WebhookEvent.ALL.stream().filter(events.getOrDefault(hook.id(), List.of())::contains).toList(),
                hook.active(), hook.createdAt())).toList();
    }

    long insert(Handle handle, String url, String secret, List<String> events, long now) {
        long id = handle.createUpdate("""
                        INSERT INTO webhooks (url, secret, active, created_at, updated_at)
                        VALUES (:url, :secret, 1, :now, :now)
                        """)
                .bind("url", url).bind("secret", secret).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        setEvents(handle, id, events);
        return id;
    }

    /** Changes address, events and whether it is active; false when there is no such webhook. */
    boolean update(Handle handle, long id, String url, List<String> events, boolean active, long now) {
        int updated = handle.createUpdate("""
                        UPDATE webhooks SET url = :url, active = :active, updated_at = :now WHERE id = :id
                        """)
                .bind("url", url).bind("active", active ? 1 : 0).bind("now", now).bind("id", id).execute();
        if (updated == 1) {
            handle.createUpdate("DELETE FROM webhook_events WHERE webhook_id = :id").bind("id", id).execute();
            setEvents(handle, id, events);
        }
        return updated == 1;
    }

    private static void setEvents(Handle handle, long id, List<String> events) {
        for (String event : events) {
            handle.createUpdate("INSERT INTO webhook_events (webhook_id, event) VALUES (:id, :event)")
                    .bind("id", id).bind("event", event).execute();
        }
    }

    boolean delete(long id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM webhooks WHERE id = :id")
                .bind("id", id).execute()) == 1;
    }

    /** Whether any active webhook is sent {@code event}. */
    boolean anyFor(Handle handle, String event) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM webhook_events e JOIN webhooks w ON w.id = e.webhook_id
                        WHERE e.event = :event AND w.active = 1
                        """)
                .bind("event", event).mapTo(Integer.class).one() > 0;
    }

    /**
     * Queues {@code payload} for every active webhook sent {@code event}, in the caller's transaction; returns how
     * many deliveries it queued.
     */
    int enqueue(Handle handle, String event, String payload, long now) {
        return handle.createUpdate("""
                        INSERT INTO webhook_deliveries (webhook_id, event, payload, created_at, due_at)
                        SELECT w.id, :event, :payload, :now, :now
                        FROM webhooks w JOIN webhook_events e ON e.webhook_id = w.id
                        WHERE w.active = 1 AND e.event = :event
                        """)
                .bind("event", event).bind("payload", payload).bind("now", now).execute();
    }

    /** Queues a delivery for one webhook whatever it subscribes to (the test button). */
    void enqueueTo(long webhookId, String event, String payload, long now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO webhook_deliveries (webhook_id, event, payload, created_at, due_at)
                        VALUES (:id, :event, :payload, :now, :now)
                        """)
                .bind("id", webhookId).bind("event", event).bind("payload", payload).bind("now", now).execute());
    }

    List<Long> due(long now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM webhook_deliveries
                        WHERE status = 'waiting' AND due_at <= :now AND claimed_until < :now
                        ORDER BY due_at, id
                        LIMIT :limit
                        """)
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    Optional<Claimed> claim(long id, String claim, long now, long until) {
        return jdbi.withHandle(handle -> {
            int claimed = handle.createUpdate("""
                            UPDATE webhook_deliveries
                            SET claimed_until = :until, claim = :claim, attempts = attempts + 1
                            WHERE id = :id AND status = 'waiting' AND due_at <= :now AND claimed_until < :now
                            """)
                    .bind("id", id).bind("claim", claim).bind("now", now).bind("until", until).execute();
            if (claimed != 1) {
                return Optional.<Claimed>empty();
            }
            return handle.createQuery("""
                            SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.payload, d.created_at, d.attempts,
                                   d.claim
                            FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                            WHERE d.id = :id AND d.claim = :claim
                            """)
                    .bind("id", id).bind("claim", claim)
                    .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("url"),
                            rs.getString("secret"), rs.getString("event"), rs.getString("payload"),
                            rs.getLong("created_at"), rs.getInt("attempts"), rs.getString("claim")))
                    .findOne();
        });
    }

    boolean delivered(Claimed delivery, long now, int status) {
        return finish(delivery, "delivered", now, status, "");
    }

    boolean giveUp(Claimed delivery, long now, Integer status, String error) {
        return finish(delivery, "given-up", now, status, error);
    }

    private boolean finish(Claimed delivery, String outcome, long now, Integer status, String error) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE webhook_deliveries
                        SET status = :outcome, finished_at = :now, claimed_until = 0, last_status = :status,
                            last_error = :error
                        WHERE id = :id AND claim = :claim
                        """)
                .bind("outcome", outcome).bind("now", now).bind("status", status).bind("error", error)
                .bind("id", delivery.id()).bind("claim", delivery.claim()).execute()) == 1;
    }

    boolean retry(Claimed delivery, long dueAt, Integer status, String error) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE webhook_deliveries
                        SET due_at = :dueAt, claimed_until = 0, last_status = :status, last_error = :error
                        WHERE id = :id AND claim = :claim
                        """)
                .bind("dueAt", dueAt).bind("status", status).bind("error", error)
                .bind("id", delivery.id()).bind("claim", delivery.claim()).execute()) == 1;
    }

    /** The webhook's latest deliveries, newest first. */
    List<Logged> log(long webhookId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, event, status, created_at, attempts, last_status, last_error, finished_at, due_at
                        FROM webhook_deliveries WHERE webhook_id = :id
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit
                        """)
                .bind("id", webhookId).bind("limit", limit)
                .map((rs, ctx) -> new Logged(rs.getLong("id"), rs.getString("event"), rs.getString("status"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("attempts"),
                        Columns.nullableInt(rs, "last_status"),
                        rs.getString("last_error"), Columns.nullableInstant(rs, "finished_at"),
                        Instant.ofEpochMilli(rs.getLong("due_at"))))
                .list());
    }

    /** Deletes deliveries finished before {@code before}; returns how many. */
    int prune(long before) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM webhook_deliveries WHERE status <> 'waiting' AND finished_at < :before
                        """)
                .bind("before", before).execute());
    }

    private static Webhook map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getString("url"), rs.getString("secret"), List.of(),
                rs.getInt("active") == 1, Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
