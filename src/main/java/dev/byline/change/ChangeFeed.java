package dev.byline.change;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The change feed. Every write goes through {@link #write}: the work and one row in {@code changes} naming the
 * keys it touched commit together, and only after the commit are subscribers (page cache, later the search index)
 * told. So no reader can see an invalidation before the data, and no committed write goes unannounced.
 *
 * <p>Keys name what a page may show: {@code article:12}, {@code author:3}, {@code section:4}, {@code tag:9},
 * {@code media:7}, {@code nav} (the section menu), and lists: {@code list:home}, {@code list:section:4},
 * {@code list:tag:9}, {@code list:author:3}; and {@code all} for a change that may touch any page (an import).
 */
public final class ChangeFeed {

    /** One committed write. */
    public record Change(long id, Instant at, String kind, Set<String> keys) {
    }

    /** What a unit of work returns: its result and the keys it changed. */
    public record Written<T>(T value, Set<String> keys) {
        public static <T> Written<T> of(T value, Set<String> keys) {
            return new Written<>(value, keys);
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        Written<T> run(Handle handle);
    }

    /** The PostgreSQL channel every change is announced on, for other nodes' {@link ChangeFollower}. */
    static final String CHANNEL = "byline_changes";

    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean notify;
    private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();

    /** @param notify send a PostgreSQL NOTIFY with each change (it is delivered when the transaction commits) */
    public ChangeFeed(Jdbi jdbi, Clock clock, boolean notify) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.notify = notify;
    }

    public void subscribe(Consumer<Change> subscriber) {
        subscribers.add(subscriber);
    }

    /** Runs {@code work} in one transaction with its change row, then tells subscribers. */
    public <T> T write(String kind, Work<T> work) {
        record Done<T>(T value, Change change) {
        }
        Done<T> done = jdbi.inTransaction(handle -> {
            Written<T> written = work.run(handle);
            return new Done<>(written.value(), append(handle, kind, written.keys()));
        });
        publish(done.change());
        return done.value();
    }

    /** Changes after {@code afterId}, oldest first: how another node or a restarted index catches up. */
    public List<Change> since(long afterId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, at, kind, keys FROM changes WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("kind"), parseKeys(rs.getString("keys"))))
                .list());
    }

    public long latestId() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM changes")
                .mapTo(Long.class).one());
    }

    void publish(Change change) {
        for (Consumer<Change> subscriber : subscribers) {
            subscriber.accept(change);
        }
    }

    private Change append(Handle handle, String kind, Set<String> keys) {
        Instant at = clock.instant();
        long id = handle.createUpdate("INSERT INTO changes (at, kind, keys) VALUES (:at, :kind, :keys)")
                .bind("at", at.toEpochMilli())
                .bind("kind", kind)
                .bind("keys", String.join(" ", keys))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        if (notify) {
            handle.createQuery("SELECT pg_notify('" + CHANNEL + "', :id)").bind("id", String.valueOf(id))
                    .mapTo(String.class).one();
        }
        return new Change(id, at, kind, Set.copyOf(keys));
    }

    private static Set<String> parseKeys(String keys) {
        return keys.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(keys.split(" ")));
    }
}
