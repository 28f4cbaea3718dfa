package dev.byline.account;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The newsroom's activity log: who did what, when and from where. An entry is written in the same transaction as
 * what it records (a role change and its entry commit together, or neither), except failures, which are written
 * on their own because the action they record did not happen. Entries older than the retention period are pruned
 * every {@value #PRUNE_EVERY}th entry.
 */
public final class ActivityLog {

    private static final int PRUNE_EVERY = 200;
    private static final String COLUMNS = "id, at, user_id, actor, action, subject, detail, ip, about_user_id";

    /** Which entries to show, newest first. Empty or zero parts do not filter. */
    public record Filter(String action, long userId, Instant from, Instant until, int page, int perPage) {
        public Filter {
            action = action == null ? "" : action.strip();
            page = Math.max(1, page);
            perPage = Math.clamp(perPage, 1, 200);
        }
    }

    public record Listing(List<Activity> entries, int total) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Supplier<Duration> retention;
    private final AtomicLong written = new AtomicLong();

    /** @param retention how long entries are kept, from the settings */
    public ActivityLog(Jdbi jdbi, Clock clock, Supplier<Duration> retention) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retention = retention;
    }

    /** Records inside the caller's transaction. */
    public void record(Handle handle, Actor actor, String action, String subject, String detail, Long aboutUserId) {
        handle.createUpdate("""
                        INSERT INTO activity (at, user_id, actor, action, subject, detail, ip, about_user_id)
                        VALUES (:at, :userId, :actor, :action, :subject, :detail, :ip, :about)
                        """)
                .bind("at", clock.millis())
                .bind("userId", actor.userId() == 0 ? null : actor.userId())
                .bind("actor", actor.name())
                .bind("action", action)
                .bind("subject", subject)
                .bind("detail", detail)
                .bind("ip", actor.ip())
                .bind("about", aboutUserId)
                .execute();
        if (written.incrementAndGet() % PRUNE_EVERY == 0) {
            prune(handle);
        }
    }

    /** Records in a transaction of its own: for what did not happen (a failed sign-in) and for reads. */
    public void record(Actor actor, String action, String subject, String detail, Long aboutUserId) {
        jdbi.useTransaction(handle -> record(handle, actor, action, subject, detail, aboutUserId));
    }

    /**
     * The entries {@code viewer} may see: administrators everyone's; everyone else what they did and what
     * concerns their account (failed sign-ins, lock-outs).
     */
    public Listing list(Actor viewer, Filter filter) {
        boolean everyone = viewer.can(Capability.VIEW_ACTIVITY);
        long onlyUser = everyone ? filter.userId() : viewer.userId();
        var where = new StringBuilder(" WHERE 1 = 1");
        // only what the clauses name is bound: Jdbi refuses a binding a statement does not use
        var bindings = new LinkedHashMap<String, Object>();
        if (!filter.action().isEmpty()) {
            where.append(" AND action = :action");
            bindings.put("action", filter.action());
        }
        if (onlyUser != 0 || !everyone) {
            where.append(" AND (user_id = :user OR about_user_id = :user)");
            bindings.put("user", onlyUser);
        }
        if (filter.from() != null) {
            where.append(" AND at >= :from");
            bindings.put("from", filter.from().toEpochMilli());
        }
        if (filter.until() != null) {
            where.append(" AND at < :until");
            bindings.put("until", filter.until().toEpochMilli());
        }
        return jdbi.withHandle(handle -> {
            var count = handle.createQuery("SELECT COUNT(*) FROM activity" + where).bindMap(bindings);
            var select = handle.createQuery("SELECT " + COLUMNS + " FROM activity" + where
                    + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset").bindMap(bindings);
            int total = count.mapTo(Integer.class).one();
            List<Activity> entries = select.bind("limit", filter.perPage())
                    .bind("offset", (filter.page() - 1) * filter.perPage()).map(ActivityLog::map).list();
            return new Listing(entries, total);
        });
    }

    /** Deletes entries older than the retention period; returns how many. */
    public int prune() {
        return jdbi.inTransaction(this::prune);
    }

    private int prune(Handle handle) {
        long before = clock.millis() - retention.get().toMillis();
        return handle.createUpdate("DELETE FROM activity WHERE at < :before").bind("before", before).execute();
    }

    private static Activity map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Long userId = Columns.nullableLong(rs, "user_id");
        return new Activity(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), userId == null ? 0 : userId,
                rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail"),
                rs.getString("ip"), Columns.nullableLong(rs, "about_user_id"));
    }
}
