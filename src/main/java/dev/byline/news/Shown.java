package dev.byline.news;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a read returns: the content, and the change-feed keys ({@link dev.byline.change.Keys}) of everything in it.
 * Whoever keeps a copy (the page cache, a CDN, an API ETag) drops it when a write announces one of these keys.
 */
public record Shown<T>(T content, Set<String> keys) {

    public Shown {
        keys = Collections.unmodifiableSet(new LinkedHashSet<>(keys)); // in the order gathered: stable headers
    }
}
