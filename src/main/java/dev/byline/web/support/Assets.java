package dev.byline.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The theme's static files, read from the classpath at start-up and served under fingerprinted names
 * (site.3fa2b1c9.css): a new release changes the name, so browsers and CDNs may keep each for a year.
 * Only the names listed here exist; nothing a request says can reach the file system.
 */
public final class Assets {

    private static final List<String> FILES = List.of("site.css", "favicon.svg", "admin.css", "admin.js", "media.js",
            "comments.js", "moderation.js");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "js", "text/javascript; charset=utf-8");

    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, CachedPage> byName = new HashMap<>();

    /** {@code clock} dates the files' Last-Modified: the moment this process loaded them. */
    public Assets(Clock clock) {
        Instant loaded = clock.instant();
        for (String file : FILES) {
            byte[] bytes = read("/static/" + file);
            var page = CachedPage.immutable(TYPES.get(file.substring(file.lastIndexOf('.') + 1)), bytes, loaded);
            String hash = page.etag().substring(1, 9).replace('-', 'x').replace('_', 'y');
            int dot = file.lastIndexOf('.');
            String name = file.substring(0, dot) + "." + hash + file.substring(dot);
            urls.put(file, "/assets/" + name);
            byName.put(name, page);
        }
    }

    /** The fingerprinted URL of a theme file, e.g. {@code url("site.css")}. */
    public String url(String file) {
        String url = urls.get(file);
        if (url == null) {
            throw new IllegalArgumentException("no asset " + file);
        }
        return url;
    }

    public Optional<CachedPage> find(String fingerprintedName) {
        return Optional.ofNullable(byName.get(fingerprintedName));
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
