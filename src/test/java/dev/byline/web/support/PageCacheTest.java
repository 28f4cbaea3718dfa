package dev.byline.web.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.change.Keys;
import dev.byline.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T10:00:00Z"));
    final PageCache cache = new PageCache(10_000_000, clock);
    final AtomicInteger renders = new AtomicInteger();

    CachedPage page(String text, String... keys) {
        return expiring(null, text, keys);
    }

    CachedPage expiring(Instant expiresAt, String text, String... keys) {
        renders.incrementAndGet();
        return CachedPage.of("text/html", text.getBytes(StandardCharsets.UTF_8), Set.of(keys), clock.instant(),
                expiresAt);
    }

    static String text(CachedPage page) {
        return new String(page.body(), StandardCharsets.UTF_8);
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
    void aWriteToAListDropsOnlyThePagesReadingDownToIt() {
        // page 1 reads the home list down to the article published at t=900 (id 9); page 2 down to t=500; the
        // last page reads to the end
        cache.get("/", () -> page("1", "list:home>900.9"));
        cache.get("/?page=2", () -> page("2", "list:home>500.5"));
        cache.get("/?page=3", () -> page("3", "list:home"));
        cache.get("/tag/x/", () -> page("x", "list:tag:1>100.1"));

        cache.invalidate(List.of("list:home@600.6")); // an article between page 1's end and page 2's end
        assertTrue(cache.get("/").isPresent(), "everything page 1 reads sits above the write");
        assertTrue(cache.get("/?page=2").isEmpty());
        assertTrue(cache.get("/?page=3").isEmpty(), "the last page reads to the end");
        assertTrue(cache.get("/tag/x/").isPresent(), "another list");

        cache.invalidate(List.of("list:home@900.9"));
        assertTrue(cache.get("/").isEmpty(), "the page's own last row");
        cache.get("/", () -> page("1", "list:home>900.9"));
        cache.invalidate(List.of("list:home"));
        assertTrue(cache.get("/").isEmpty(), "a list key without a position reaches every page of the list");
        assertEquals("list:tag:1", cache.get("/tag/x/", () -> page("x")).surrogateKey(),
                "a CDN is given the list's name");
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
        assertEquals("stale", text(served));
        assertTrue(cache.get("/a").isEmpty(), "the page read before the write must not be kept");
    }

    @Test
    void aWriteToWhatAPageDoesNotShowKeepsARenderItOverlapped() {
        for (String shown : List.of("article:1", "nav", "list:home")) {
            assertNotEquals(PageCache.stripe("article:99"), PageCache.stripe(shown), "the keys share no stripe");
        }
        CachedPage served = cache.get("/a", () -> {
            CachedPage rendered = page("fresh", "article:1", "nav", "list:home");
            cache.invalidate(List.of("article:99")); // another article is saved meanwhile
            return rendered;
        });
        assertSame(served, cache.get("/a").orElseThrow(), "a write to article:99 does not discard a page without it");
        assertSame(served, cache.get("/a", () -> page("again", "article:1")));
        assertEquals(1, renders.get());
    }

    @Test
    void aWriteToEverythingDiscardsEveryRenderItOverlapped() {
        cache.get("/a", () -> {
            CachedPage rendered = page("stale", "article:1");
            cache.invalidate(List.of(Keys.ALL));
            return rendered;
        });
        assertTrue(cache.get("/a").isEmpty());
    }

    @Test
    void aRenderThatBeganAfterAWriteIsKept() {
        cache.get("/a", () -> page("old", "article:1"));
        cache.invalidate(List.of("article:1"));
        CachedPage fresh = cache.get("/a", () -> page("new", "article:1"));
        assertSame(fresh, cache.get("/a").orElseThrow(), "only renders that began before the write are refused");
        cache.invalidate(List.of("article:1"));
        assertTrue(cache.get("/a").isEmpty(), "and the next write to it still finds it");
    }

    @Test
    void aPageLeavesWhenTheClockPassesItsExpiry() {
        Instant until = clock.instant().plus(Duration.ofHours(48));
        CachedPage sitemap = cache.get("/news-sitemap.xml", () -> expiring(until, "last 48 hours", "list:home"));
        clock.advance(Duration.ofHours(48).minusMillis(1));
        assertSame(sitemap, cache.get("/news-sitemap.xml").orElseThrow(), "still valid a moment before");
        clock.advance(Duration.ofMillis(1));
        assertTrue(cache.get("/news-sitemap.xml").isEmpty(), "never served once its time has come");
        CachedPage next = cache.get("/news-sitemap.xml",
                () -> expiring(clock.instant().plus(Duration.ofHours(48)), "next 48 hours", "list:home"));
        assertEquals(2, renders.get());
        assertSame(next, cache.get("/news-sitemap.xml").orElseThrow(), "the new render carries its own expiry");
    }

    @Test
    void aPageWithoutExpiryStaysUntilAKeyChanges() {
        CachedPage page = cache.get("/a", () -> page("a", "article:1"));
        clock.advance(Duration.ofDays(3650));
        assertSame(page, cache.get("/a").orElseThrow());
    }

    @Test
    void aPageAlreadyOutOfDateWhenRenderedIsServedButNotKept() {
        CachedPage served = cache.get("/a", () -> expiring(clock.instant(), "at midnight", "article:1"));
        assertEquals("at midnight", text(served));
        assertTrue(cache.get("/a").isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void aPageForOneReaderSaysSoAndNamesNoKeys() {
        CachedPage shared = page("a", "article:1");
        CachedPage mine = shared.forOneReader();
        assertEquals(CachedPage.CACHE_CONTROL, shared.cacheControl());
        assertEquals("private, no-store", mine.cacheControl());
        assertEquals("", mine.surrogateKey());
        assertArrayEquals(shared.body(), mine.body());
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
