package dev.byline.web.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    final PageCache cache = new PageCache(10_000_000);
    final AtomicInteger renders = new AtomicInteger();

    CachedPage page(String text, String... keys) {
        renders.incrementAndGet();
        return CachedPage.of("text/html", text.getBytes(StandardCharsets.UTF_8), Set.of(keys), Instant.EPOCH);
    }

    @Test
    void rendersOnceThenServesFromMemory() {
        CachedPage first = cache.get("/a", () -> page("A", "article:1"));
        assertSame(first, cache.get("/a", () -> page("A again", "article:1")));
        assertEquals(1, renders.get());
    }

    @Test
    void dropsExactlyThePagesShowingAChangedKey() {
        cache.get("/article-1", () -> page("1", "article:1", "list:section:2"));
        cache.get("/article-2", () -> page("2", "article:2", "list:section:2"));
        cache.get("/section-3", () -> page("3", "list:section:3"));
        cache.invalidate(List.of("list:section:2"));
        assertTrue(cache.get("/article-1").isEmpty());
        assertTrue(cache.get("/article-2").isEmpty());
        assertTrue(cache.get("/section-3").isPresent(), "a page not showing the key stays");
    }

    @Test
    void theKeyAllDropsEverything() {
        cache.get("/a", () -> page("a", "article:1"));
        cache.get("/b", () -> page("b", "list:home"));
        cache.invalidate(List.of(dev.byline.change.Keys.ALL));
        assertEquals(0, cache.size());
        assertTrue(cache.get("/a").isEmpty());
    }

    @Test
    void aRenderOverlappingAnInvalidationIsServedButNotKept() {
        CachedPage served = cache.get("/a", () -> {
            CachedPage rendered = page("stale", "article:1");
            cache.invalidate(List.of("article:1")); // a write commits while this render runs
            return rendered;
        });
        assertEquals("stale", new String(served.body(), StandardCharsets.UTF_8));
        assertTrue(cache.get("/a").isEmpty(), "the page read before the write must not be kept");
    }

    @Test
    void conditionalRequestsAndGzip() throws IOException {
        CachedPage page = page("<p>hello hello hello</p>", "k");
        CachedPage.Reply plain = page.reply(null, null, null);
        assertEquals(200, plain.status());
        assertArrayEquals(page.body(), plain.body());

        CachedPage.Reply gzip = page.reply(null, null, "br, gzip;q=0.8");
        assertTrue(gzip.gzip());
        assertNotEquals(plain.etag(), gzip.etag(), "each encoding has its own strong ETag");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertArrayEquals(page.body(), in.readAllBytes());
        }
        assertTrue(page.reply(null, null, "gzip;q=0").body() == page.body(), "q=0 refuses gzip");

        assertEquals(304, page.reply(plain.etag(), null, null).status());
        assertEquals(304, page.reply("\"other\", " + gzip.etag(), null, "gzip").status());
        assertNull(page.reply(plain.etag(), null, null).body());
        assertEquals(200, page.reply("\"other\"", null, null).status());
        assertEquals(304, page.reply(null, page.lastModifiedHeader(), null).status());
        CachedPage newer = CachedPage.of("text/html", new byte[] {1}, Set.of(), Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(200, newer.reply(null, "Thu, 01 Jan 1970 00:00:00 GMT", null).status());
        assertEquals(200, page.reply(null, "not a date", null).status());
    }
}
