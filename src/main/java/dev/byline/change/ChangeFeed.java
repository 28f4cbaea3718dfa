package dev.byline.change;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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
    /** SQLite: at most this many writes share one transaction (one sync of the log). */
    static final int BATCH = 64;
    /** The group whose transaction this thread is running, for writes started inside a write's work. */
    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();
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
    /** SQLite: writes waiting for the writer holding {@link #sqliteWriter} to take them into its group */
    private final ArrayDeque<Queued<?>> queue = new ArrayDeque<>();
    private volatile IntConsumer queueTap;
    private volatile IntConsumer groupTap;

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
     * Runs {@code work} in one transaction with its change row, then tells subscribers, and returns once the write
     * is committed (on SQLite: synced to disk, {@code synchronous=FULL}) and its subscribers were told. An exception
     * from {@code work} (or a participant) rolls back that write alone and is thrown here as it was thrown.
     *
     * <p>On SQLite, writes are <em>grouped</em>: each writer queues its write and takes {@link #sqliteWriter} (fair:
     * in arrival order). The writer holding it commits everything queued at that moment, up to {@link #BATCH}
     * writes, in one transaction, each write inside its own {@code SAVEPOINT} with its change row after it: a write
     * that throws is rolled back to its savepoint and the others go on. One {@code COMMIT}, so one sync of the log
     * for the whole group; then, in commit order, each write's subscribers are told and its caller is released. The
     * writers queued behind find their write done when the lock comes to them and return at once. So no caller
     * returns before the commit holding its write: acknowledged still means on disk, and a commit that fails fails
     * every write of its group (none was acknowledged). The one-writer-at-a-time lock stays: SQLite's busy timeout
     * is no queue: a waiting writer sleeps and retries with a growing back-off (up to 100 ms), so under a steady
     * stream of writers (8 posting comments at once) an early waiter kept losing the lock to newer ones and gave up
     * after the 5 s timeout with SQLITE_BUSY: a 500 for that reader. Worse, the SQLite driver begins the next
     * transaction right after {@code commit} (its eager BEGIN IMMEDIATE), so a writer starved there got an error for
     * a write that was already committed, and its subscribers (the page cache) were never told. With one writer at
     * a time inside the process, SQLite's lock is only ever contended by the few writes made outside the feed
     * (sessions, sign-in throttles, the outbox), and the busy timeout is ample for those.
     *
     * <p>A write started from inside another write's {@code work}, on the same thread, joins the transaction under
     * way (in a savepoint of its own) and is announced after that transaction commits, before the outer write. A
     * write called inside a Jdbi handle the caller already holds is not grouped: it runs alone in that handle, as
     * before; inside a transaction of the caller's, it is told when that transaction commits, never before. Work on SQLite may run on another writer's thread: it must not rely on thread-bound state beyond the
     * handle (Jdbi calls inside it reuse the group's handle on that thread, as they reused the writer's own).
     *
     * <p>PostgreSQL locks rows, not the database: each write is its own transaction, on the caller's thread.
     */
    public <T> T write(String kind, Work<T> work) {
        if (sqliteWriter == null) {
            return writeNow(kind, work);
        }
        Batch batch = CURRENT.get();
        if (batch != null && batch.feed == this) {
            return batch.nested(kind, work);
        }
        if (jdbi.getHandleScope().get() != null) {
            // called inside a handle this thread holds (an outer jdbi.withHandle or transaction): the write joins
            // that handle as before, alone, never with other callers' writes whose commit it would decide
            return alone(kind, work);
        }
        Queued<T> queued = new Queued<>(kind, work);
        int waiting;
        synchronized (queue) {
            queue.add(queued);
            waiting = queue.size();
        }
        IntConsumer tap = queueTap;
        if (tap != null) {
            tap.accept(waiting);
        }
        boolean locked;
        try {
            locked = sqliteWriter.tryLock(WRITER_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon(queued, new IllegalStateException("interrupted while waiting to write " + kind, e));
        }
        if (!locked) {
            return abandon(queued, new IllegalStateException("the database stayed busy with other writes for "
                    + WRITER_WAIT.toSeconds() + " s; " + kind + " was not written"));
        }
        boolean interrupted = false;
        try {
            while (!queued.result.isDone()) {
                List<Queued<?>> next = new ArrayList<>();
                synchronized (queue) {
                    while (next.size() < BATCH && !queue.isEmpty()) {
                        next.add(queue.poll());
                    }
                }
                if (next.isEmpty()) {
                    throw new IllegalStateException(kind + " was neither queued nor written");
                }
                interrupted |= commitGroup(next);
            }
        } finally {
            sqliteWriter.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt(); // this thread's own, held back while others' works ran on it
            }
        }
        return queued.outcome();
    }

    /** SQLite, inside a handle the caller holds: the writer's turn, then the write in that handle by itself. */
    private <T> T alone(String kind, Work<T> work) {
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

    /**
     * A writer that gave up waiting: its write is taken off the queue and not written, or, when a group already
     * holds it, waited for (that group commits or fails soon).
     */
    private <T> T abandon(Queued<T> queued, IllegalStateException why) {
        synchronized (queue) {
            if (queue.remove(queued)) {
                throw why;
            }
        }
        boolean interrupted = false;
        while (true) {
            try {
                queued.result.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return queued.outcome();
    }

    /**
     * SQLite: the writes in {@code group} in one transaction, each in a savepoint; then announced in order. The
     * works run on this thread, but an interrupt stays with the caller it was for: one pending for this thread is
     * cleared while they run (and returned: true), one a work leaves goes back to that work's caller.
     */
    private boolean commitGroup(List<Queued<?>> group) {
        Batch batch = new Batch(this);
        batch.interrupted = Thread.interrupted();
        try {
            CURRENT.set(batch);
            jdbi.useTransaction(handle -> {
                batch.handle = handle;
                for (Queued<?> queued : group) {
                    batch.run(queued);
                }
            });
        } catch (RuntimeException | Error e) {
            CURRENT.remove();
            // the commit failed, or the transaction was lost: no write of the group was acknowledged
            for (Queued<?> queued : group) {
                if (!queued.result.isDone()) {
                    queued.result.completeExceptionally(e);
                }
            }
            return batch.interrupted | Thread.interrupted();
        }
        CURRENT.remove();
        IntConsumer tap = groupTap;
        if (tap != null) {
            tap.accept(batch.committed.stream().filter(done -> done.queued != null).mapToInt(done -> 1).sum());
        }
        for (Committed done : batch.committed) {
            try {
                announce(done.change);
                if (done.queued != null) {
                    done.queued.complete(done.value);
                }
            } catch (RuntimeException | Error e) {
                // as when each write was alone: committed, but its caller hears what failed after the commit
                if (done.queued != null) {
                    done.queued.result.completeExceptionally(e);
                } else {
                    LOG.error("announcing nested change {} ({}) failed", done.change.id(), done.change.kind(), e);
                }
            }
        }
        return batch.interrupted | Thread.interrupted();
    }

    private <T> T writeNow(String kind, Work<T> work) {
        var supplier = jdbi.getHandleScope().get();
        Handle held = supplier == null ? null : supplier.getHandle();
        if (held != null && held.isInTransaction()) {
            // part of a transaction the caller holds: told when, and only if, that transaction commits (told now, a
            // page re-rendered before that commit would show the old data and be kept)
            Done<T> done = held.inTransaction(handle -> inside(handle, kind, work));
            held.afterCommit(() -> announce(done.change()));
            return done.value();
        }
        Done<T> done = jdbi.inTransaction(handle -> inside(handle, kind, work));
        announce(done.change());
        return done.value();
    }

    private record Done<T>(T value, Change change) {
    }

    /** The work, the participants' keys and the change row, in the transaction of {@code handle}. */
    private <T> Done<T> inside(Handle handle, String kind, Work<T> work) {
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
            recorder.record(handle, change); // in the write's savepoint on SQLite: gone with it when it fails
        }
        if (postgres) {
            // delivered to listeners when, and only if, the transaction commits
            handle.createQuery("SELECT pg_notify('" + CHANNEL + "', :id)").bind("id", String.valueOf(change.id()))
                    .mapTo(String.class).one();
        }
        return new Done<>(written.value(), change);
    }

    /** After the commit: the follower on this node, then the subscribers; pruning now and then. */
    private void announce(Change change) {
        localCommits.forEach(listener -> listener.accept(change));
        publish(change);
        if (change.id() % PRUNE_EVERY == 0) {
            pruneQuietly();
        }
    }

    /** A write waiting for its group (SQLite). */
    private static final class Queued<T> {
        final String kind;
        final Work<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        /** its work left the thread interrupted (it ran on another writer's thread): its caller's interrupt */
        volatile boolean interrupted;

        Queued(String kind, Work<T> work) {
            this.kind = kind;
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete(Object value) {
            result.complete((T) value);
        }

        /** The value, or the very exception the work (or the commit) threw. */
        T outcome() {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            try {
                return result.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            } catch (java.util.concurrent.CancellationException e) {
                throw new IllegalStateException(kind + " was not written", e);
            }
        }
    }

    /** A write of a group that will be announced once the group commits; {@code queued} null for a nested one. */
    private record Committed(Queued<?> queued, Object value, Change change) {
    }

    /** One group's transaction, bound to the writing thread while it runs (for writes nested in a write). */
    private static final class Batch {
        final ChangeFeed feed;
        final List<Committed> committed = new ArrayList<>();
        Handle handle;
        int depth;
        /** an interrupt pending for the group's own thread, held back while the works run */
        boolean interrupted;

        Batch(ChangeFeed feed) {
            this.feed = feed;
        }

        /** One queued write in its savepoint; a failure rolls back to it and goes to that write's caller alone. */
        <T> void run(Queued<T> queued) {
            int mark = committed.size();
            interrupted |= Thread.interrupted(); // not for this work: it would fail a wait of someone else's
            String savepoint = savepoint();
            try {
                Done<T> done = feed.inside(handle, queued.kind, queued.work);
                queued.interrupted = Thread.interrupted();
                handle.execute("RELEASE SAVEPOINT " + savepoint);
                committed.add(new Committed(queued, done.value(), done.change()));
            } catch (RuntimeException | Error e) {
                queued.interrupted |= Thread.interrupted();
                queued.result.completeExceptionally(e); // its caller's own exception, whatever comes of the group
                rollBack(savepoint, mark, e);
            } finally {
                depth--;
            }
        }

        /** A write started inside another's work: in a savepoint of its own, announced after the commit. */
        <T> T nested(String kind, Work<T> work) {
            int mark = committed.size();
            String savepoint = savepoint();
            try {
                Done<T> done = feed.inside(handle, kind, work);
                handle.execute("RELEASE SAVEPOINT " + savepoint);
                committed.add(new Committed(null, done.value(), done.change()));
                return done.value();
            } catch (RuntimeException | Error e) {
                rollBack(savepoint, mark, e);
                throw e;
            } finally {
                depth--;
            }
        }

        private String savepoint() {
            String name = "feed_write_" + (++depth);
            handle.execute("SAVEPOINT " + name);
            return name;
        }

        /** Undoes one write; when SQLite has already rolled back the whole transaction, the group is lost. */
        private void rollBack(String savepoint, int mark, Throwable cause) {
            committed.subList(mark, committed.size()).clear();
            try {
                handle.execute("ROLLBACK TO SAVEPOINT " + savepoint);
                handle.execute("RELEASE SAVEPOINT " + savepoint);
            } catch (RuntimeException e) {
                e.addSuppressed(cause);
                throw new IllegalStateException("the transaction of a group of writes was lost when one failed; "
                        + "none of the group was written", e);
            }
        }
    }

    /** Package-private for tests: told the queue's length each time a write joins it (SQLite). */
    void tapQueue(IntConsumer tap) {
        this.queueTap = tap;
    }

    /** Package-private for tests: told how many queued writes each group committed (SQLite). */
    void tapGroups(IntConsumer tap) {
        this.groupTap = tap;
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
