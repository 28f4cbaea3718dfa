package dev.byline.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the {@code changes} table (V001, V002). On PostgreSQL every row records the transaction that wrote it, so
 * a follower can tell which transactions have finished; SQLite has one writer, commits in id order and records 0.
 */
final class ChangeStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Change.Entity>> ENTITIES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, xid, at, kind, keys, entities";
    /** The oldest transaction still running: every transaction below it has committed or rolled back. */
    private static final String XMIN = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    private final Jdbi jdbi;
    private final boolean postgres;

    ChangeStore(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    Change append(Handle handle, Instant at, String kind, List<Change.Entity> entities, Set<String> keys) {
        String xid = postgres ? "pg_current_xact_id()::text::bigint" : "0";
        return handle.createQuery("INSERT INTO changes (xid, at, kind, keys, entities) VALUES (" + xid
                        + ", :at, :kind, :keys, :entities) RETURNING " + COLUMNS)
                .bind("at", at.toEpochMilli())
                .bind("kind", kind)
                .bind("keys", String.join(" ", keys))
                .bind("entities", toJson(entities))
                .map(ChangeStore::map)
                .one();
    }

    /** PostgreSQL only: the oldest transaction running now. */
    long oldestRunning() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + XMIN).mapTo(Long.class).one());
    }

    /** PostgreSQL only: every committed change of transaction {@code xid} or later, in transaction order. */
    List<Change> fromTransaction(long xid) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM changes WHERE xid >= :xid ORDER BY xid, id")
                .bind("xid", xid).map(ChangeStore::map).list());
    }

    /** SQLite, or any reader that knows commits come in id order. */
    List<Change> since(long afterId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM changes WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(ChangeStore::map).list());
    }

    long latestId() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM changes")
                .mapTo(Long.class).one());
    }

    /** The highest transaction and id ever pruned. */
    Horizon horizon() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT pruned_xid, pruned_id FROM change_horizon WHERE id = 1")
                .map((rs, ctx) -> new Horizon(rs.getLong("pruned_xid"), rs.getLong("pruned_id"))).one());
    }

    record Horizon(long xid, long id) {
    }

    /**
     * Deletes the changes recorded before {@code before} whose transactions every reader can already see, and
     * raises the horizon past them, in one transaction.
     *
     * @return how many rows went
     */
    int prune(Instant before) {
        return jdbi.inTransaction(handle -> {
            List<long[]> gone = handle.createQuery("DELETE FROM changes WHERE at < :before"
                            + (postgres ? " AND xid < " + XMIN : "") + " RETURNING id, xid")
                    .bind("before", before.toEpochMilli())
                    .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("xid")}).list();
            if (!gone.isEmpty()) {
                long id = gone.stream().mapToLong(row -> row[0]).max().orElseThrow();
                long xid = gone.stream().mapToLong(row -> row[1]).max().orElseThrow();
                handle.createUpdate("""
                                UPDATE change_horizon
                                SET pruned_id = CASE WHEN pruned_id > :id THEN pruned_id ELSE :id END,
                                    pruned_xid = CASE WHEN pruned_xid > :xid THEN pruned_xid ELSE :xid END
                                WHERE id = 1
                                """)
                        .bind("id", id).bind("xid", xid).execute();
            }
            return gone.size();
        });
    }

    private static Change map(ResultSet rs, StatementContext ctx) throws SQLException {
        String keys = rs.getString("keys");
        return new Change(rs.getLong("id"), rs.getLong("xid"), Instant.ofEpochMilli(rs.getLong("at")),
                rs.getString("kind"), fromJson(rs.getString("entities")),
                keys.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(keys.split(" "))));
    }

    private static String toJson(List<Change.Entity> entities) {
        try {
            return JSON.writeValueAsString(entities);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Change.Entity> fromJson(String json) {
        try {
            return json == null || json.isBlank() ? List.of() : JSON.readValue(json, ENTITIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable change entities: " + json, e);
        }
    }
}
