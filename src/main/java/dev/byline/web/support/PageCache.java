package dev.byline.web.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.Keys;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Rendered public pages in memory, keyed by their canonical path and query. An entry is dropped exactly when the
 * change feed names a key it shows, or when the time it carries ({@link CachedPage#expiresAt}) passes on the
 * injected clock.
 *
 * <p><b>Renders racing writes.</b> A write commits, then calls {@link #invalidate}. A render that read some of
 * the data before that commit must not be kept, and a render that did not read what the write changed must not
 * be thrown away. Every invalidation takes the next number from {@code sequence} and raises the stamp of each of
 * its keys to it ({@link Keys#ALL} raises {@code everything}), then removes the entries registered under its
 * keys. A render notes {@code sequence} before it reads anything. When it is done it registers its path under
 * the keys it ended up showing, then stores the page in one atomic step with a check: if {@code everything} or
 * the stamp of one of its keys is above the number it noted, a write to what it shows began after it started
 * reading, and the page is not stored. A write that stamps a key after that check finds the registration (made
 * before the check) and removes the entry; its removal of the path and the check-and-store are atomic with
 * respect to each other, so the entry is gone before the write returns. Registrations stay until their page
 * has left the cache, so two writes of one key at once both find it, and neither returns before it is gone. So
 * a request that begins after a write has returned never gets a page read before it, and a write to
 * {@code article:99} never discards a render that does not show it. {@code all} takes a write lock that every
 * store and its registration hold for reading, so it empties the cache without missing an entry being stored
 * meanwhile.
 *
 * <p><b>Stamps take fixed memory.</b> Keys are hashed into {@value #STRIPES} stripes of one counter each (32 KB in
 * all), not kept per key: two keys sharing a stripe only make a write to one discard a concurrent render showing
 * the other, which costs one more render, never a stale page. Registrations are removed with their entries.
 *
 * <p><b>Lists by position.</b> Keys are indexed by name ({@link Keys#parse}): a page that records
 * {@code list:home>T.ID} (it reads the home list down to that position) is registered under {@code list:home}
 * with that bound, and a write announced as {@code list:home@P} removes it only if P is at or above the bound
 * ({@link Keys#reaches}). Stamps are by name, so a render racing any write to a list it shows is not kept.
 *
 * <p><b>One render per page.</b> Concurrent misses for a path wait for the first one's render and get its page,
 * or its exception (then nothing is stored). A request never joins a render that began before a write that had
 * finished invalidating when the request arrived: every invalidation forgets the renders under way, so requests
 * after it start a fresh one.
 */
public final class PageCache {

    static final int STRIPES = 4096;

    private final Cache<String, CachedPage> pages;
    private final Clock clock;
    /** key (e.g. article:12) → the pages showing it, stored or about to be */
    private final ConcurrentHashMap<String, Set<Shown>> byKey = new ConcurrentHashMap<>();
    /** path → the render under way for it, for requests that miss meanwhile */
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final AtomicLong everything = new AtomicLong();
    /** read: one render's registration and store; write: invalidating everything */
    private final ReadWriteLock storing = new ReentrantReadWriteLock();

    public PageCache(long maxBytes, Clock clock) {
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String path, CachedPage page) -> page.weight())
                .expireAfter(new UntilExpiresAt())
                // the injected clock, so expiry follows it (tests move it); whole milliseconds are precise enough
                .ticker(ticker(clock))
                // after the fact, on Caffeine's executor: only tidies registrations (see forget)
                .removalListener((String path, CachedPage page, RemovalCause cause) -> {
                    if (path != null && page != null) {
                        forget(path, page);
                    }
                })
                .build();
    }

    /** A subscriber for {@link ChangeFeed}: drops every page that shows a changed key. */
    public void onChange(Change change) {
        invalidate(change.keys());
    }

    /** The cached page for {@code path}, if there is one that has not expired. */
    public Optional<CachedPage> get(String path) {
        return Optional.ofNullable(pages.getIfPresent(path));
    }

    /**
     * The cached page for {@code path}, rendering it on a miss; concurrent misses share one render. The page
     * returned is always the one rendered, but it is only kept if nothing it shows was invalidated since the
     * render began and it has not already expired. Exceptions from the render reach every request waiting for
     * it, and nothing is kept.
     */
    public CachedPage get(String path, Supplier<CachedPage> render) {
        CachedPage cached = pages.getIfPresent(path);
        if (cached != null) {
            return cached;
        }
        var mine = new CompletableFuture<CachedPage>();
        CompletableFuture<CachedPage> running = rendering.putIfAbsent(path, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // a render may have finished between the miss above and taking the slot
            cached = pages.getIfPresent(path);
            CachedPage page = cached != null ? cached : renderAndKeep(path, render);
            mine.complete(page);
            return page;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(path, mine);
        }
    }

    /** Drops the pages showing any of {@code keys}; the key {@code all} drops every page. */
    public void invalidate(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (keys.contains(Keys.ALL)) {
            storing.writeLock().lock();
            try {
                everything.set(sequence.incrementAndGet());
                rendering.clear();
                pages.invalidateAll();
            } finally {
                storing.writeLock().unlock();
            }
            return;
        }
        long stamp = sequence.incrementAndGet();
        for (String key : keys) {
            stamps.accumulateAndGet(stripe(Keys.parse(key).name()), stamp, Math::max);
        }
        rendering.clear();
        for (String key : keys) {
            Keys.Parsed written = Keys.parse(key);
            Set<Shown> shown = byKey.get(written.name());
            if (shown != null) {
                for (Shown registered : shown) {
                    if (Keys.reaches(written, registered.key())) {
                        pages.asMap().remove(registered.path(), registered.page());
                    }
                }
            }
        }
    }

    public void clear() {
        invalidate(Set.of(Keys.ALL));
    }

    public long size() {
        return pages.estimatedSize();
    }

    private CachedPage renderAndKeep(String path, Supplier<CachedPage> render) {
        long began = sequence.get();
        CachedPage page = render.get();
        if (page.expiredAt(clock.instant())) {
            return page;
        }
        var stored = new boolean[1];
        storing.readLock().lock();
        try {
            for (String key : page.keys()) {
                var registration = new Shown(path, page, Keys.parse(key));
                // atomic with forget's removal of a set it emptied: lands in the set that stays, or in a new one
                byKey.compute(registration.key().name(), (k, shown) -> {
                    Set<Shown> registered = shown == null ? ConcurrentHashMap.newKeySet() : shown;
                    registered.add(registration);
                    return registered;
                });
            }
            // atomic with invalidate's removal of the path: checked and stored before it, or refused after it
            pages.asMap().compute(path, (p, current) -> {
                if (invalidatedSince(began, page.keys())) {
                    return current;
                }
                stored[0] = true;
                return page;
            });
        } finally {
            storing.readLock().unlock();
        }
        if (!stored[0]) {
            forget(path, page);
        }
        return page;
    }

    private boolean invalidatedSince(long began, Set<String> keys) {
        if (everything.get() > began) {
            return true;
        }
        for (String key : keys) {
            if (stamps.get(stripe(Keys.parse(key).name())) > began) {
                return true;
            }
        }
        return false;
    }

    /**
     * After an entry left the cache (or was refused): removes its registrations. Only its own: another page
     * registered at the same path, cached or about to be, stays registered.
     */
    private void forget(String path, CachedPage page) {
        for (String key : page.keys()) {
            var registration = new Shown(path, page, Keys.parse(key));
            byKey.computeIfPresent(registration.key().name(), (k, shown) -> {
                shown.remove(registration);
                return shown.isEmpty() ? null : shown;
            });
        }
    }

    /**
     * One page registered under a key's name, with the key as the page recorded it (for a list, how far down it
     * reads): equal only for the same page at the same path under the same key.
     */
    private record Shown(String path, CachedPage page, Keys.Parsed key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Shown shown && shown.path.equals(path) && shown.page == page
                    && shown.key.equals(key);
        }

        @Override
        public int hashCode() {
            return (path.hashCode() * 31 + System.identityHashCode(page)) * 31 + key.hashCode();
        }
    }

    static int stripe(String key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }

    private static CachedPage await(CompletableFuture<CachedPage> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Ticker ticker(Clock clock) {
        return () -> clock.millis() * 1_000_000;
    }

    /** Each entry lives until its own {@link CachedPage#expiresAt}, measured on the cache's ticker. */
    private static final class UntilExpiresAt implements Expiry<String, CachedPage> {

        @Override
        public long expireAfterCreate(String path, CachedPage page, long currentTime) {
            if (page.expiresAt() == null) {
                return Long.MAX_VALUE;
            }
            long millis = page.expiresAt().toEpochMilli() - currentTime / 1_000_000;
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        }

        @Override
        public long expireAfterUpdate(String path, CachedPage page, long currentTime, long currentDuration) {
            return expireAfterCreate(path, page, currentTime);
        }

        @Override
        public long expireAfterRead(String path, CachedPage page, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
