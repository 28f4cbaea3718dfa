package dev.byline.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox's SQL. The same statements run on SQLite and PostgreSQL. A claim is one conditional UPDATE whose
 * affected-row count says whether this node got the row: on PostgreSQL a second node's UPDATE waits for the
 * first one's row lock, then finds {@code claimed_until} in the future and changes nothing. Only the holder of a
 * claim may record the outcome, so a node whose claim ran out cannot overwrite a newer one.
 */
final class OutboxStore {

    /** A message claimed for sending. */
    record Claimed(long id, Mail mail, long createdAt, int attempts, String claim) {
    }

    private final Jdbi jdbi;

    OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(Handle handle, Mail mail, long now) {
        handle.createUpdate("""
                        INSERT INTO mail_outbox (recipient, subject, body, created_at, due_at)
                        VALUES (:to, :subject, :body, :now, :now)
                        """)
                .bind("to", mail.to()).bind("subject", mail.subject()).bind("body", mail.body()).bind("now", now)
                .execute();
    }

    /** Ids of messages due and not claimed, oldest first. */
    List<Long> due(long now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM mail_outbox
                        WHERE status = 'waiting' AND due_at <= :now AND claimed_until < :now
                        ORDER BY due_at, id
                        LIMIT :limit
                        """)
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    /** Claims one message until {@code until}; empty when it is no longer due or another node claimed it first. */
    Optional<Claimed> claim(long id, String claim, long now, long until) {
        return jdbi.withHandle(handle -> {
            int claimed = handle.createUpdate("""
                            UPDATE mail_outbox SET claimed_until = :until, claim = :claim, attempts = attempts + 1
                            WHERE id = :id AND status = 'waiting' AND due_at <= :now AND claimed_until < :now
                            """)
                    .bind("id", id).bind("claim", claim).bind("now", now).bind("until", until).execute();
            if (claimed != 1) {
                return Optional.<Claimed>empty();
            }
            return handle.createQuery("""
                            SELECT id, recipient, subject, body, created_at, attempts, claim FROM mail_outbox
                            WHERE id = :id AND claim = :claim
                            """)
                    .bind("id", id).bind("claim", claim)
                    .map((rs, ctx) -> new Claimed(rs.getLong("id"),
                            new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body")),
                            rs.getLong("created_at"), rs.getInt("attempts"), rs.getString("claim")))
                    .findOne();
        });
    }

    /** Sent: the body goes (the links in it are secrets), recipient and subject stay until pruned. */
    boolean sent(Claimed message, long now) {
        return finish(message, "sent", now, "");
    }

    boolean giveUp(Claimed message, long now, String error) {
        return finish(message, "given-up", now, error);
    }

    private boolean finish(Claimed message, String status, long now, String error) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE mail_outbox
                        SET status = :status, body = '', finished_at = :now, claimed_until = 0, last_error = :error
                        WHERE id = :id AND claim = :claim
                        """)
                .bind("status", status).bind("now", now).bind("error", error)
                .bind("id", message.id()).bind("claim", message.claim()).execute()) == 1;
    }

    /** Failed this time: try again at {@code dueAt}. */
    boolean retry(Claimed message, long dueAt, String error) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE mail_outbox SET due_at = :dueAt, claimed_until = 0, last_error = :error
                        WHERE id = :id AND claim = :claim
                        """)
                .bind("dueAt", dueAt).bind("error", error)
                .bind("id", message.id()).bind("claim", message.claim()).execute()) == 1;
    }

    /** Deletes messages sent or given up before {@code before}; returns how many. */
    int prune(long before) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM mail_outbox WHERE status <> 'waiting' AND finished_at < :before
                        """)
                .bind("before", before).execute());
    }

    /** Messages not sent yet, oldest first, without their bodies. */
    List<Outbox.Waiting> waiting() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT recipient, subject, created_at, attempts, last_error, due_at FROM mail_outbox
                        WHERE status = 'waiting'
                        ORDER BY created_at, id
                        """)
                .map((rs, ctx) -> new Outbox.Waiting(rs.getString("recipient"), rs.getString("subject"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("attempts"),
                        rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("due_at"))))
                .list());
    }
}
