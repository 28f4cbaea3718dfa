package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.config.Config;
import dev.byline.demo.DemoContent;
import dev.byline.support.Http;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byline on PostgreSQL as it runs behind a load balancer: two nodes, one database. A write on one node reaches the
 * other's page cache through the change feed.
 */
class PostgresNodesTest {

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    static Byline nodeA;
    static Byline nodeB;

    @BeforeAll
    static void start() {
        Config config = TestDatabases.POSTGRES.config(dirA).withDemo(true);
        nodeA = Byline.start(config);
        // the second node shares the database; demo loading sees content and does nothing
        nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), true, config.zone(), config.siteName(), config.smtp()));
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void bothNodesServeTheSeedArticle() {
        for (Byline node : List.of(nodeA, nodeB)) {
            var home = new Http(node.baseUrl()).get("/");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains(DemoContent.SEED_TITLE));
        }
        assertEquals(67, nodeB.services().articles().countLatest(), "loaded once, not twice");
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseLoadTheDemoOnce(@TempDir Path one, @TempDir Path two)
            throws Exception {
        Config config = TestDatabases.POSTGRES.config(one).withDemo(true);
        Config sameDatabase = new Config(config.host(), 0, two, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), true, config.zone(), config.siteName(), config.smtp());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> Byline.start(config));
            var second = pool.submit(() -> Byline.start(sameDatabase));
            try (Byline a = first.get(); Byline b = second.get()) {
                assertEquals(67, a.services().articles().countLatest());
                assertEquals(4, b.services().authors().all().size());
            }
        }
    }

    @Test
    void anEditOnOneNodeReachesTheOthersCache() {
        var http = new Http(nodeB.baseUrl());
        String path = "/section/science/";
        assertTrue(http.get(path).body().contains("Fusion experiment holds plasma for a record time"));
        assertTrue(nodeB.services().pageCache().get(path).isPresent(), "node B has it cached");

        Article article = nodeA.services().articles().findBySlug("fusion-experiment-holds-plasma-for-a-record-time")
                .orElseThrow();
        nodeA.services().articles().save(new ArticleDraft(article.id(), "Fusion record broken again", article.dek(),
                article.slug(), article.bodyMarkdown(), article.excerpt(), article.featuredMediaId(),
                article.status(), article.sectionId(), article.authorIds(), List.of("Energy"),
                article.publishedAt(), article.version()));

        // node B reads the change now instead of at the NOTIFY (bench/lag measures how soon that comes)
        nodeB.catchUp();
        assertTrue(nodeB.services().pageCache().get(path).isEmpty(), "node B dropped its copy");
        assertTrue(http.get(path).body().contains("Fusion record broken again"), "node B shows the edit made on node A");
    }
}
