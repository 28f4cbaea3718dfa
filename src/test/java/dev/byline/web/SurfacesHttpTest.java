package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.support.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web server's surfaces over real HTTP: the site and the API each answer their own paths with their own error
 * format, Content-Security-Policy, body size limit and cache policy.
 *
 * <pre>
 * request                                  site (/ and the rest)             api (/api/)
 * unknown path                             404 HTML page                     404 application/problem+json
 * Content-Security-Policy                  default-src 'self'; …             default-src 'none'; frame-ancestors 'none'
 * body over the limit (declared, chunked)  413 HTML page                     413 problem+json
 * a method the path does not take          405 page, Allow                   405 problem+json, Allow
 * a site pattern matching an api path      -                                 the api answers, not the site
 * GET twice                                cached page, ETag                 no ETag, no-store, never in the page cache
 * </pre>
 */
class SurfacesHttpTest {

    static final String SITE_CSP_START = "default-src 'self';";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static Byline byline;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        byline = Byline.start(TestConfigs.forTests(dataDir));
    }

    @AfterAll
    static void stop() {
        byline.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/no/such/page, site",
            "/apix,         site",
            "/API/v1/,      site",
            "/api,          api",
            "/api/,         api",
            "/api/v2/,      api",
            "/api/nothing/here, api",
            "/api/2025/10/08/looks-like-an-article/, api"})
    void eachPathIsAnsweredByItsOwnSurface(String path, String surface) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertEquals(404, response.statusCode(), path);
        String csp = response.headers().firstValue("content-security-policy").orElseThrow();
        if (surface.equals("site")) {
            assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/html"), path);
            assertTrue(response.body().contains("<h1>Page not found</h1>"), path);
            assertTrue(csp.startsWith(SITE_CSP_START), csp);
        } else {
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(404, problem.get("status").asInt());
            assertEquals("Not Found", problem.get("title").asText());
            assertEquals("There is nothing at this address in the API.", problem.get("detail").asText());
            assertEquals(API_CSP, csp);
            assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
        }
    }

    @Test
    void theApiIndexIsJsonThatNoCacheKeeps() throws IOException {
        long pagesBefore = byline.services().pageCache().size();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> index = send(HttpRequest.newBuilder(uri("/api/v1/")).GET());
            assertEquals(200, index.statusCode());
            assertEquals("application/json", index.headers().firstValue("content-type").orElseThrow());
            JsonNode body = JSON.readTree(index.body());
            assertEquals("Byline Test", body.get("name").asText());
            assertEquals("1", body.get("version").asText());
            assertEquals(API_CSP, index.headers().firstValue("content-security-policy").orElseThrow());
            assertEquals("no-store", index.headers().firstValue("cache-control").orElseThrow());
            assertTrue(index.headers().firstValue("etag").isEmpty(), "no ETag: it did not come from the page cache");
            assertTrue(index.headers().firstValue("surrogate-key").isEmpty());
        }
        assertTrue(byline.services().pageCache().get("/api/v1/").isEmpty());
        assertEquals(pagesBefore, byline.services().pageCache().size(), "nothing entered the page cache");

        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/api/v1/")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void theSitesPagesStillEnterTheCache() {
        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/")).GET());
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("content-security-policy").orElseThrow().startsWith(SITE_CSP_START));
        String etag = home.headers().firstValue("etag").orElseThrow();
        assertEquals(etag, send(HttpRequest.newBuilder(uri("/")).GET()).headers().firstValue("etag").orElseThrow());
        assertTrue(byline.services().pageCache().get("/").isPresent());
    }

    @Test
    void aBodyOverTheApisLimitIs413InJson() throws IOException {
        byte[] tooMuch = new byte[1_000_001];
        // as a client sending a large body should (curl does), it waits for "100 Continue": a refusal then comes
        // before the body is sent, instead of racing the upload and the connection's close
        var declared = HttpRequest.newBuilder(uri("/api/v1/")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooMuch));
        var chunked = HttpRequest.newBuilder(uri("/api/v1/")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooMuch)));
        for (var request : java.util.List.of(declared, chunked)) {
            HttpResponse<String> response = send(request);
            assertEquals(413, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            assertEquals(413, JSON.readTree(response.body()).get("status").asInt());
            assertEquals(API_CSP, response.headers().firstValue("content-security-policy").orElseThrow());
        }
        // under the limit, the body is no problem; the method is
        HttpResponse<String> small = send(HttpRequest.newBuilder(uri("/api/v1/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, small.statusCode());
        assertEquals("application/problem+json", small.headers().firstValue("content-type").orElseThrow());
        assertEquals("This address does not take POST.", JSON.readTree(small.body()).get("detail").asText());
        assertEquals("GET, HEAD", small.headers().firstValue("allow").orElseThrow());
    }

    @Test
    void aBodyOverTheSitesLimitIs413AsAPage() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])));
        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("<h1>Too much sent</h1>"), response.body());
        assertTrue(response.headers().firstValue("content-security-policy").orElseThrow().startsWith(SITE_CSP_START));

        HttpResponse<String> small = send(HttpRequest.newBuilder(uri("/"))
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));
        assertEquals(405, small.statusCode(), "the site's own answer to a method it does not take");
        assertTrue(small.body().contains("Method not allowed"));
        assertFalse(small.body().contains("problem"));
    }

    private static URI uri(String path) {
        return URI.create(byline.baseUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
