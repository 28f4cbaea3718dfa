package dev.byline.web.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.Keys;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered public pages in memory, keyed by their canonical path and query. Entries never expire by time: they
 * are dropped exactly when the change feed names a key they show. A render that overlapped an invalidation is
 * served but not kept, so a page rendered from data read just before a write can never outlive that write.
 */
public final class PageCache {

    private final Cache<String, CachedPage> pages;
    /** key (e.g. article:12) → cache entries showing it */
    private final ConcurrentHashMap<String, Set<String>> byKey = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    public PageCache(long maxBytes) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String path, CachedPage page) -> page.weight())
                // synchronous, and only for evictions: replacements and invalidations keep their registrations
                .evictionListener((String path, CachedPage page, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (path != null && page != null) {
                        page.keys().forEach(key -> byKey.computeIfPresent(key, (k, paths) -> {
                            paths.remove(path);
                            return paths.isEmpty() ? null : paths;
                        }));
                    }
                })
                .build();
    }

    /** A subscriber for {@link ChangeFeed}: drops every page that shows a changed key. */
    public void onChange(Change change) {
        invalidate(change.keys());
    }

    public Optional<CachedPage> get(String path) {
        return Optional.ofNullable(pages.getIfPresent(path));
    }

    /** The cached page for {@code path}, rendering it on a miss. Exceptions from the render pass through. */
    public CachedPage get(String path, Supplier<CachedPage> render) {
        CachedPage cached = pages.getIfPresent(path);
        if (cached != null) {
            return cached;
        }
        long before = invalidations.get();
        CachedPage fresh = render.get();
        pages.put(path, fresh);
        for (String key : fresh.keys()) {
            byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(path);
        }
        // registered after the put, checked after registering: an invalidation at any point since the render
        // began either finds the registration or is seen here
        if (invalidations.get() != before) {
            pages.asMap().remove(path, fresh);
        }
        return fresh;
    }

    /** Drops the pages showing any of {@code keys}; the key {@code all} drops every page. */
    public void invalidate(Collection<String> keys) {
        if (keys.contains(Keys.ALL)) {
            clear();
            return;
        }
        invalidations.incrementAndGet();
        for (String key : keys) {
            Set<String> paths = byKey.remove(Keys.parse(key).name());
            if (paths != null) {
                pages.invalidateAll(paths);
            }
        }
    }

    public void clear() {
        invalidations.incrementAndGet();
        pages.invalidateAll();
        byKey.clear();
    }

    public long size() {
        return pages.estimatedSize();
    }
}
