package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.demo.DemoContent;
import dev.byline.support.DemoSiteTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public site over HTTP: the wired application on a random port, SQLite, demo content. */
class SiteHttpTest extends DemoSiteTest {

    static final String SEED_URL =
            "/2025/10/08/russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan/";
    static final List<String> SEED_SECTIONS = List.of("Lavrov praises Taliban and rejects foreign bases",
            "Russia hosts Taliban delegation amid global tensions", "Taliban welcomes Moscow’s recognition",
            "Regional powers attend Russia-Taliban talks", "Afghanistan’s isolation continues",
            "Economic and security cooperation deepens", "Russia hosts Taliban delegation to expand influence",
            "Conclusion");


    @Test
    void homeLeadsWithTheSeedArticleThenTheLatest() {
        var home = http.get("/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("content-type").orElseThrow()
                .replace(";charset", "; charset"));
        String html = home.body();
        assertTrue(html.contains("class=\"lead-title\"><a href=\"" + SEED_URL + "\">" + DemoContent.SEED_TITLE),
                "seed article leads");
        assertTrue(html.contains("fetchpriority=\"high\""), "the lead image loads first");
        assertEquals(9, count(html, "class=\"teaser\""), "nine more on the first page");
        assertTrue(html.contains("<a rel=\"next\" href=\"/?page=2\">"));
        for (String section : List.of("World", "Politics", "Business", "Technology", "Science")) {
            assertTrue(html.contains(">" + section + "</a></li>"), section + " in the menu");
        }
    }

    @Test
    void theSeedArticleIsThereWhole() {
        var response = http.get(SEED_URL);
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<h1 class=\"article-title\">" + DemoContent.SEED_TITLE + "</h1>"));
        assertEquals(1, count(html, "<h1"));
        assertTrue(html.contains("<p>Russia hosts Taliban delegation in Moscow, signaling growing engagement"),
                "the lede opens the body");
        int at = 0;
        for (String heading : SEED_SECTIONS) {
            int found = html.indexOf(">" + heading + "</h2>", at);
            assertTrue(found > at, "section '" + heading + "' in order");
            at = found;
        }
        assertTrue(html.contains("<figcaption>Representatives pose for a photo prior for talks in Moscow</figcaption>"));
        assertTrue(html.contains("<figcaption>Afghanistan Foreign Minister</figcaption>"));
        assertTrue(html.contains("<figcaption>Russian and Afghanistan Foreign Ministers shake hands</figcaption>"));
        assertEquals(3, count(html, "<figure>"), "the three photographs, no duplicate hero");
        assertTrue(html.contains("By <a rel=\"author\" href=\"/author/muhammad-gulriaz/\">Muhammad Gulriaz</a>"));
        assertTrue(html.contains("<time datetime=\"2025-10-08T09:30Z\">October 8, 2025</time>"));
        for (String tag : List.of("russia", "afghanistan", "taliban")) {
            assertTrue(html.contains("href=\"/tag/" + tag + "/\" rel=\"tag\""), tag);
        }
        assertTrue(html.contains("class=\"author-box\""));
        assertTrue(html.contains("More in World"));
        assertTrue(html.contains("\"@type\":\"NewsArticle\""));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + byline.baseUrl() + SEED_URL + "\">"));
        // the WordPress page furniture is the site around the article, not its text
        assertFalse(html.contains("Muhammad Gulriaz Avatar"));
        assertFalse(html.contains(", ,"));
        assertEquals(1, count(html, DemoContent.SEED_TITLE + "</h1>"));
    }

    @Test
    void everyArchivePaginates() {
        for (String archive : List.of("/section/world/", "/section/asia/", "/section/europe/", "/section/politics/",
                "/section/business/", "/section/technology/", "/section/science/", "/tag/russia/",
                "/tag/afghanistan/", "/tag/taliban/", "/author/muhammad-gulriaz/", "/author/amina-rahimi/",
                "/author/daniel-okafor/", "/author/sofia-lindqvist/")) {
            var first = http.get(archive);
            assertEquals(200, first.statusCode(), archive);
            assertTrue(first.body().contains("rel=\"next\" href=\"" + archive + "?page=2\""),
                    archive + " has more than one page");
            var second = http.get(archive + "?page=2");
            assertEquals(200, second.statusCode(), archive + "?page=2");
            assertTrue(second.body().contains("rel=\"prev\""), archive);
        }
        assertTrue(http.get("/section/world/").body().contains("Kabul reopens"), "subsections roll up");
    }

    @Test
    void cachedPagesAnswerConditionalRequestsAndGzip() throws IOException {
        HttpResponse<byte[]> plain = http.getBytes(SEED_URL);
        String etag = plain.headers().firstValue("etag").orElseThrow();
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
        assertTrue(plain.headers().firstValue("last-modified").isPresent());
        assertEquals("public, max-age=60, s-maxage=300, stale-while-revalidate=60",
                plain.headers().firstValue("cache-control").orElseThrow());
        assertTrue(plain.headers().firstValue("surrogate-key").orElseThrow().contains("article:"));

        assertEquals(304, http.get(SEED_URL, "If-None-Match", etag).statusCode());
        assertEquals(304, http.get(SEED_URL, "If-Modified-Since",
                plain.headers().firstValue("last-modified").orElseThrow()).statusCode());

        HttpResponse<byte[]> gzip = http.getBytes(SEED_URL, "Accept-Encoding", "gzip");
        assertEquals("gzip", gzip.headers().firstValue("content-encoding").orElseThrow());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        assertTrue(gzip.body().length * 3 < plain.body().length, "gzip pays");

        var head = http.method("HEAD", SEED_URL);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(plain.body().length), head.headers().firstValue("content-length").orElseThrow());
    }

    @Test
    void everyPageCarriesSecurityHeaders() {
        for (String path : List.of("/", SEED_URL, "/no/such/page", "/section/world/?page=abc")) {
            var response = http.get(path);
            var headers = response.headers();
            assertTrue(headers.firstValue("content-security-policy").orElseThrow().contains("default-src 'self'"), path);
            assertEquals("nosniff", headers.firstValue("x-content-type-options").orElseThrow(), path);
            assertEquals("DENY", headers.firstValue("x-frame-options").orElseThrow(), path);
            assertTrue(headers.firstValue("referrer-policy").isPresent(), path);
        }
    }

    @Test
    void stableUrlsRedirectToTheCanonicalForm() {
        String withoutSlash = SEED_URL.substring(0, SEED_URL.length() - 1);
        assertRedirect(withoutSlash, SEED_URL);
        assertRedirect(SEED_URL.replace("/10/08/", "/10/09/"), SEED_URL);
        assertRedirect("/section/world", "/section/world/");
        assertRedirect("/section/world/?page=1", "/section/world/");
        assertRedirect("/?page=01", "/");
    }

    @Test
    void aChangedSlugAnswers301AndEditsShowAtOnce() {
        var services = byline.services();
        Article article = services.articles().findBySlug("solar-panel-prices-hit-a-new-low").orElseThrow();
        String oldUrl = "/" + java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .format(article.publishedAt().atZone(java.time.ZoneOffset.UTC)) + "/" + article.slug() + "/";
        assertEquals(200, http.get(oldUrl).statusCode());
        assertTrue(http.get("/section/business/").body().contains("Solar panel prices hit a new low"));

        services.articles().save(new ArticleDraft(article.id(), "Solar panel prices fall again", article.dek(),
                "solar-panel-prices-fall-again", article.bodyMarkdown(), article.excerpt(), article.featuredMediaId(),
                article.status(), article.sectionId(), article.authorIds(), List.of("Energy"), article.publishedAt(),
                article.version()));

        String newUrl = oldUrl.replace("solar-panel-prices-hit-a-new-low", "solar-panel-prices-fall-again");
        assertRedirect(oldUrl, newUrl);
        var moved = http.get(newUrl);
        assertEquals(200, moved.statusCode());
        assertTrue(moved.body().contains("<h1 class=\"article-title\">Solar panel prices fall again</h1>"));
        String section = http.get("/section/business/").body();
        assertTrue(section.contains("Solar panel prices fall again"), "the cached archive was invalidated");
        assertFalse(section.contains("Solar panel prices hit a new low"));
    }

    @Test
    void unknownPagesGetAHelpful404() {
        for (String path : List.of("/no/such/page", "/2025/10/08/no-such-article/", "/section/nowhere/",
                "/tag/nothing/", "/author/nobody/", "/abcd/10/08/x/", "/assets/site.css", "/media/2025/none.jpg")) {
            var response = http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("<h1>Page not found</h1>"), path);
            assertTrue(response.body().contains("Go to the front page"), path);
            assertNoStackTrace(response.body());
        }
        assertTrue(http.get("/no/such/page").body().contains("Latest news"), "404 offers the latest articles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "%00", "%3Cscript%3E"})
    void badPageNumbersAre400(String page) {
        var response = http.get("/section/world/?page=" + page);
        assertEquals(400, response.statusCode(), page);
        assertTrue(response.body().contains(page.equals("%00") ? "The address has a control character in it"
                : "The page number must be a whole number, 1 or more"), page);
        assertFalse(response.body().contains("<script>"), "what was typed is shown escaped");
        assertNoStackTrace(response.body());
    }

    @Test
    void pagesPastTheEndAre404() {
        assertEquals(404, http.get("/?page=1000000000000").statusCode());
        assertEquals(404, http.get("/tag/russia/?page=99").statusCode());
        assertTrue(http.get("/tag/russia/?page=99").body().contains("the last page is 2"));
        assertEquals(404, http.get("/?page=" + "9".repeat(40)).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/media/../byline.db", "/media/..%2Fbyline.db", "/media/%2e%2e/byline.db",
            "/media/%2e%2e%2f%2e%2e%2fetc/passwd", "/assets/..%2Fstatic%2Fsite.css", "/media/..%5Cbyline.db",
            "/media//etc/passwd", "/media/%252e%252e/byline.db"})
    void pathTraversalIsRefused(String path) {
        HttpResponse<byte[]> response = http.getBytes(path);
        int status = response.statusCode();
        assertTrue(status == 400 || status == 404, path + " answered " + status);
        assertFalse(new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("SQLite format"));
    }

    @Test
    void unsupportedMethodsAre405() {
        // POST is the comment form's (it posts to the article's own address): without the form, a 400 that says so
        var post = http.method("POST", SEED_URL);
        assertEquals(400, post.statusCode());
        assertTrue(post.body().contains("No comment came with this request"), post.body());
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            var response = http.method(method, SEED_URL);
            assertEquals(405, response.statusCode(), method);
            assertTrue(response.body().contains("Method not allowed"), method);
        }
    }

    @Test
    void assetsAndMediaAreImmutable() {
        String home = http.get("/").body();
        Matcher css = Pattern.compile("href=\"(/assets/site\\.[^\"]+\\.css)\"").matcher(home);
        assertTrue(css.find());
        var stylesheet = http.get(css.group(1));
        assertEquals(200, stylesheet.statusCode());
        assertEquals("public, max-age=31536000, immutable", stylesheet.headers().firstValue("cache-control").orElseThrow());
        assertTrue(stylesheet.headers().firstValue("surrogate-key").isEmpty(), "a theme file shows no content");
        assertTrue(stylesheet.body().contains("prefers-color-scheme: dark"));

        Matcher img = Pattern.compile("src=\"(/media/[^\"]+\\.jpg)\"").matcher(home);
        assertTrue(img.find());
        HttpResponse<byte[]> image = http.getBytes(img.group(1));
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("content-type").orElseThrow());
        assertEquals((byte) 0xff, image.body()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%", "/section/%ZZ/", "/../../etc/passwd", "/media/%2e%2e/%2e%2e/etc/passwd"})
    void malformedAddressesGetAPlain4xxPage(String rawPath) throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", byline.port())) {
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status == 400 || status == 404, rawPath + " answered " + status);
            assertTrue(response.contains("Go to the front page"), response);
            assertTrue(response.contains("X-Content-Type-Options: nosniff"), response);
            assertNoStackTrace(response);
        }
    }

    @Test
    void robotsMayCrawl() {
        var robots = http.get("/robots.txt");
        assertEquals(200, robots.statusCode());
        assertTrue(robots.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
        assertTrue(robots.body().contains("User-agent: *"));
    }

    private static void assertRedirect(String from, String to) {
        var response = http.get(from);
        assertEquals(301, response.statusCode(), from);
        assertEquals(to, response.headers().firstValue("location").orElseThrow()
                .replace(byline.baseUrl(), ""), from);
    }

    static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception"), body);
        assertFalse(body.contains("at dev.byline"), body);
    }

    static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
