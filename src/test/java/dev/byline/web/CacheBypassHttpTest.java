package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.demo.DemoContent;
import dev.byline.support.DemoSiteTest;
import dev.byline.web.support.CachedPage;
import dev.byline.web.support.PageCache;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that must never get shared bytes, over real HTTP. The shared cache holds a marker page under the seed
 * article's path: whoever gets the marker was served from the cache (by the fast path, or by the application
 * reading it); whoever gets the real article was not. The marker still being there afterwards shows the
 * application did not write the private render into the cache either.
 */
class CacheBypassHttpTest extends DemoSiteTest {

    static final String PATH = SiteHttpTest.SEED_URL;
    static final String MARKER = "<!doctype html><p>the shared copy</p>";

    PageCache cache;
    CachedPage marker;

    @BeforeEach
    void putAMarkerInTheSharedCache() {
        cache = byline.services().pageCache();
        cache.clear();
        marker = cache.get(PATH, () -> CachedPage.of("text/html; charset=utf-8",
                MARKER.getBytes(StandardCharsets.UTF_8), Set.of("test:marker"), Instant.now()));
    }

    @Test
    void aReaderWithoutThoseCookiesGetsTheSharedBytes() {
        for (String[] headers : new String[][] {{}, {"Cookie", "theme=dark"}, {"Cookie", "byline_sessionx=1"},
                {"Cookie", "note=byline_session"}}) {
            HttpResponse<String> response = http.get(PATH, headers);
            assertEquals(200, response.statusCode());
            assertEquals(MARKER, response.body(), "from the cache with " + String.join(": ", headers));
            assertEquals(CachedPage.CACHE_CONTROL, response.headers().firstValue("cache-control").orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"byline_session=editor-1", "theme=dark; byline_held=42"})
    void aSignedInEditorOrAHeldCommenterGetsAPageOfTheirOwn(String cookie) {
        HttpResponse<String> response = http.get(PATH, "Cookie", cookie);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<h1 class=\"article-title\">" + DemoContent.SEED_TITLE + "</h1>"),
                "rendered for this request, not the shared copy");
        assertEquals("private, no-store", response.headers().firstValue("cache-control").orElseThrow());
        assertTrue(response.headers().firstValue("surrogate-key").isEmpty(), "nothing for a CDN to file it under");
        assertTrue(response.headers().firstValue("content-security-policy").isPresent(), "the site's headers");
        assertSame(marker, cache.get(PATH).orElseThrow(), "the private render did not go into the shared cache");

        var head = http.method("HEAD", PATH, "Cookie", cookie);
        assertEquals("private, no-store", head.headers().firstValue("cache-control").orElseThrow());
    }

    /** Java's client joins cookies into one header, so this one is written by hand. */
    @Test
    void theCookieMayComeInAHeaderOfItsOwn() throws IOException {
        try (var socket = new Socket("127.0.0.1", byline.port())) {
            socket.getOutputStream().write(("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: theme=dark\r\n"
                    + "Cookie: byline_held=42\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response.lines().findFirst().orElse(""));
            assertTrue(response.toLowerCase(Locale.ROOT).contains("\r\ncache-control: private, no-store\r\n"));
            assertFalse(response.contains(MARKER));
        }
    }

    @Test
    void aPrivateRenderOnAnEmptyCacheLeavesItEmpty() {
        cache.clear();
        assertEquals(200, http.get(PATH, "Cookie", "byline_session=editor-1").statusCode());
        assertTrue(cache.get(PATH).isEmpty(), "nothing stored for a signed-in editor");
        assertEquals(200, http.get(PATH).statusCode());
        assertTrue(cache.get(PATH).isPresent(), "a reader's miss fills it");
    }

    @Test
    void pagesExpireAtTheNewYearTheFooterShows() {
        cache.clear();
        ZoneId zone = ZoneId.of("UTC"); // Config.forTests
        var response = http.get("/");
        int year = LocalDate.now(zone).getYear();
        assertTrue(response.body().contains(String.valueOf(year)), "the footer shows the year");
        Instant expiresAt = cache.get("/").orElseThrow().expiresAt();
        assertEquals(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant(), expiresAt);
        // an article page carries the comment form, whose signed token is renewed sooner (comments)
        http.get(PATH);
        Instant articleExpires = cache.get(PATH).orElseThrow().expiresAt();
        Instant rendered = cache.get(PATH).orElseThrow().lastModified();
        assertTrue(!articleExpires.isAfter(expiresAt) && articleExpires.isAfter(rendered)
                && !articleExpires.isAfter(rendered.plus(dev.byline.comment.FormTokens.PERIOD)),
                articleExpires::toString);
    }
}
