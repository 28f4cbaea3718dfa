package dev.byline.change;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed. Every write goes through {@link #write}: the work and one row in {@code changes} saying what it
 * changed commit together, and only after the commit are subscribers told. So no reader can see an invalidation
 * before the data, and no committed write goes unannounced. Changes other nodes made arrive through
 * {@link ChangeFollower}, which hands them to the same subscribers: there is one list, wired in
 * {@code Byline.start}.
 *
 * <p>Keys ({@link Keys}) name what a page may show; entities ({@link Change.Entity}) name what was written and
 * whether readers could see it before and after.
 */
public final class ChangeFeed {

    /** What a unit of work returns: its result, the page keys it changed and the entities it wrote. */
    public record Written<T>(T value, Set<String> keys, List<Change.Entity> entities) {

        /** A change that names no entity: only for {@link Keys#ALL} (an import, a removal of everything). */
        public static <T> Written<T> of(T value, Set<String> keys) {
            return new Written<>(value, keys, List.of());
        }

        public static <T> Written<T> of(T value, Set<String> keys, List<Change.Entity> entities) {
            return new Written<>(value, keys, entities);
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        Written<T> run(Handle handle);
    }

    /**
     * Adds page keys to every write, inside its transaction, from what the write did ({@link Written#entities})
     * and state the writing service does not know about: the demo notice on every page changes when the last demo
     * article leaves the public site, whoever unpublished it. Registered in the composition root.
     */
    @FunctionalInterface
    public interface Participant {
        Set<String> keys(Handle handle, List<Change.Entity> entities);
    }

    /**
     * Told of each change inside its transaction, once its row is written: for an outbox whose rows must commit with
     * the change they tell of, or not at all (webhook deliveries). Registered in the composition root.
     */
    @FunctionalInterface
    public interface Recorder {
        void record(Handle handle, Change change);
    }

    /** The PostgreSQL channel every change is announced on, for other nodes' {@link ChangeFollower}. */
    static final String CHANNEL = "byline_changes";
    /** Change rows are kept this long; a node away for longer drops its whole cache when it returns. */
    static final Duration RETENTION = Duration.ofDays(7);
    /** Pruning runs after every this many writes, on the node that made the write. */
    private static final int PRUNE_EVERY = 500;
    /** How long a write on SQLite waits for the writers before it to finish (the pool's connection timeout). */
    private static final Duration WRITER_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final Jdbi jdbi;
    private final ChangeStore store;
    private final Clock clock;
    private final boolean postgres;
    private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final List<Recorder> recorders = new CopyOnWriteArrayList<>();
    /** the follower on this node, told of this node's own commits so it does not apply them twice */
    private final List<Consumer<Change>> localCommits = new CopyOnWriteArrayList<>();
    /** SQLite: the one writer at a time, first come first served (see {@link #write}); null on PostgreSQL */
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter;

    /** @param postgres PostgreSQL: record transaction ids and send a NOTIFY with each change */
    public ChangeFeed(Jdbi jdbi, Clock clock, boolean postgres) {
        this.jdbi = jdbi;
        this.store = new ChangeStore(jdbi, postgres);
        this.clock = clock;
        this.postgres = postgres;
        this.sqliteWriter = postgres ? null : new java.util.concurrent.locks.ReentrantLock(true);
    }

    public void subscribe(Consumer<Change> subscriber) {
        subscribers.add(subscriber);
    }

    public void participate(Participant participant) {
        participants.add(participant);
    }

    public void record(Recorder recorder) {
        recorders.add(recorder);
    }

    /**
     * Runs {@code work} in one transaction with its change row, then tells subscribers.
     *
     * <p>On SQLite, writers take {@link #sqliteWriter} first, in the order they arrive, and only then a connection
     * and SQLite's write lock. SQLite's busy timeout is no queue: a waiting writer sleeps and retries with a growing
     * back-off (up to 100 ms), so under a steady stream of writers (8 posting comments at once) an early waiter kept
     * losing the lock to newer ones and gave up after the 5 s timeout with SQLITE_BUSY: a 500 for that reader. Worse,
     * the SQLite driver begins the next transaction right after {@code commit} (its eager BEGIN IMMEDIATE), so a
     * writer starved there got an error for a write that was already committed, and its subscribers (the page
     * cache) were never told. With one writer at a time inside the process, SQLite's lock is only ever contended by
     * the few writes made outside the feed (sessions, sign-in throttles, the outbox), and the busy timeout is ample
     * for those. PostgreSQL locks rows, not the database, and is left alone.
     */
    public <T> T write(String kind, Work<T> work) {
        if (sqliteWriter == null) {
            return writeNow(kind, work);
        }
        try {
            if (!sqliteWriter.tryLock(WRITER_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the database stayed busy with other writes for "
                        + WRITER_WAIT.toSeconds() + " s; " + kind + " was not written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write " + kind, e);
        }
        try {
            return writeNow(kind, work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    private <T> T writeNow(String kind, Work<T> work) {
        record Done<T>(T value, Change change) {
        }
        Done<T> done = jdbi.inTransaction(handle -> {
            Written<T> written = work.run(handle);
            Set<String> keys = written.keys();
            for (Participant participant : participants) {
                Set<String> more = participant.keys(handle, written.entities());
                if (!more.isEmpty()) {
                    keys = new java.util.LinkedHashSet<>(keys);
                    keys.addAll(more);
                }
            }
            Change change = store.append(handle, clock.instant(), kind, written.entities(), keys);
            for (Recorder recorder : recorders) {
                recorder.record(handle, change);
            }
            if (postgres) {
                // delivered to listeners when, and only if, the transaction commits
                handle.createQuery("SELECT pg_notify('" + CHANNEL + "', :id)").bind("id", String.valueOf(change.id()))
                        .mapTo(String.class).one();
            }
            return new Done<>(written.value(), change);
        });
        localCommits.forEach(listener -> listener.accept(done.change()));
        publish(done.change());
        if (done.change().id() % PRUNE_EVERY == 0) {
            pruneQuietly();
        }
        return done.value();
    }

    /**
     * Changes after {@code afterId}, oldest first. Only on SQLite, where ids follow commit order, is this a complete
     * catch-up; on PostgreSQL {@link ChangeFollower} reads by transaction.
     */
    public List<Change> since(long afterId, int limit) {
        return store.since(afterId, limit);
    }

    public long latestId() {
        return store.latestId();
    }

    /** Deletes change rows older than the retention; a follower that had not read them yet resets. */
    public int prune() {
        return store.prune(clock.instant().minus(RETENTION));
    }

    void onLocalCommit(Consumer<Change> listener) {
        localCommits.add(listener);
    }

    ChangeStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** Tells every subscriber; a failing subscriber is logged and does not keep the others from hearing. */
    void publish(Change change) {
        for (Consumer<Change> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                LOG.error("a subscriber failed on change {} ({})", change.id(), change.kind(), e);
            }
        }
    }

    private void pruneQuietly() {
        try {
            int pruned = prune();
            if (pruned > 0) {
                LOG.debug("pruned {} change rows", pruned);
            }
        } catch (RuntimeException e) {
            LOG.warn("pruning the change feed failed; it will be tried again", e);
        }
    }
}
