package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.Http;
import dev.byline.support.TestConfigs;
import dev.byline.web.ops.OpsRoutes;
import dev.byline.web.ops.Readiness;
import dev.byline.web.site.SiteRoutes;
import dev.byline.web.support.PageCache;
import dev.byline.web.support.SecurityHeaders;
import dev.byline.web.support.Templates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /healthz and /readyz on a real server whose start-up the test steps through by hand: the routes are up, the
 * site waits for its handlers, and the test says when the database is "open" (a real SQLite database) or when
 * start-up failed. Nothing sleeps: each state is set before it is asked about.
 */
class OpsHttpTest {

    @TempDir
    Path dir;
    final Readiness readiness = new Readiness(Duration.ofSeconds(1));
    final PageCache cache = new PageCache(1 << 20, java.time.Clock.systemUTC());
    SiteRoutes site;
    WebServer web;
    Http http;

    @BeforeEach
    void startTheServerOnly() {
        site = new SiteRoutes(new Templates(), "/favicon.svg", SecurityHeaders.forSite(false), cache,
                dev.byline.web.support.Bypass.site(), dir.resolve("media"));
        web = WebServer.start("127.0.0.1", 0, new OpsRoutes(readiness), java.util.List.of(site));
        http = new Http("http://127.0.0.1:" + web.port());
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void readyzAnswers503UntilStartUpHasFinishedWhileHealthzAnswers200Throughout() {
        assertPlain(200, "ok", http.get("/healthz"));
        assertPlain(503, "starting", http.get("/readyz"));

        readiness.starting("opening the database");
        assertPlain(503, "starting: opening the database", http.get("/readyz"));
        assertPlain(200, "ok", http.get("/healthz"));

        try (Database database = Database.open(TestConfigs.forTests(dir))) {
            readiness.starting("loading the demo content");
            assertPlain(503, "starting: loading the demo content", http.get("/readyz"));
            readiness.ready(database);
            assertPlain(200, "ready", http.get("/readyz"));
            assertPlain(200, "ok", http.get("/healthz"));
            assertEquals(200, http.method("HEAD", "/readyz").statusCode());
        }
        assertTrue(cache.get("/readyz").isEmpty() && cache.get("/healthz").isEmpty(), "neither is cached");
    }

    @Test
    void aClosedDatabaseIsNotReady() {
        Database database = Database.open(TestConfigs.forTests(dir));
        readiness.ready(database);
        assertPlain(200, "ready", http.get("/readyz"));
        database.close();
        assertPlain(503, "the database is unreachable", http.get("/readyz"));
        assertPlain(200, "ok", http.get("/healthz"));
    }

    @Test
    void aFailedStartAnswersTheRequestsThatWaitedWith503() throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertPlain(503, "starting", http.get("/readyz"));
        assertFalse(waiting.isDone(), "the home page waits for the site");

        readiness.failed("Connection refused");
        site.failed(new IllegalStateException("Connection refused"));
        HttpResponse<String> answered = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(503, answered.statusCode());
        assertTrue(answered.body().contains("not available"), answered.body());
        assertFalse(answered.body().contains("Connection refused"), "no internals for readers");
        assertEquals(503, http.get("/section/world/").statusCode(), "and so does any request after");
        assertEquals(404, http.get("/no/such/page").statusCode(), "error pages do not wait either");
        assertPlain(503, "could not start: Connection refused", http.get("/readyz"));
    }

    private static void assertPlain(int status, String text, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(text + "\n", response.body());
        assertEquals("text/plain;charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
        assertTrue(response.headers().firstValue("etag").isEmpty(), "not a cached page");
    }
}
