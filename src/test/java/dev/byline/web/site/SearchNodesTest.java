package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.config.Config;
import dev.byline.search.Audience;
import dev.byline.search.SearchRequest;
import dev.byline.support.Http;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL, each with its own index: what one node publishes, edits, unpublishes or deletes shows
 * in the other's search within a second, through the change feed (NOTIFY, not the follower's fallback poll).
 */
class SearchNodesTest {

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
        nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), true, config.zone(), config.siteName(), config.smtp()));
        nodeA.searchIndex().awaitRebuilt();
        nodeB.searchIndex().awaitRebuilt();
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    /** Asks node B's JSON endpoint until {@code wanted} holds, for at most a second; true if it did. */
    static boolean withinASecondOnB(String query, Predicate<String> wanted) {
        var http = new Http(nodeB.baseUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        do {
            if (wanted.test(http.get("/api/v1/search?q=" + query).body())) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void bothNodesIndexedTheSameArticles() {
        long onA = nodeA.search().search(SearchRequest.of("plasma"), Audience.READERS).total();
        assertTrue(onA > 0);
        assertEquals(onA, nodeB.search().search(SearchRequest.of("plasma"), Audience.READERS).total());
    }

    @Test
    void publishingEditingUnpublishingAndDeletingOnOneNodeShowOnTheOtherWithinASecond() {
        var services = nodeA.services();
        Article draft = services.articles().save(new ArticleDraft(0, "Albatross returns", "", "", "A big bird.", "",
                null, ArticleStatus.DRAFT, services.taxonomy().sections().getFirst().id(),
                List.of(services.authors().all().getFirst().id()), List.of(), null));
        Article published = services.articles().save(ArticleDraft.of(draft, List.of())
                .withStatus(ArticleStatus.PUBLISHED));
        assertTrue(withinASecondOnB("albatross", body -> body.contains("\"total\":1")), "published");

        Article edited = services.articles().save(new ArticleDraft(published.id(), "Petrel returns", "",
                published.slug(), "A big bird.", "", null, ArticleStatus.PUBLISHED, published.sectionId(),
                published.authorIds(), List.of(), published.publishedAt(), published.version()));
        assertTrue(withinASecondOnB("petrel", body -> body.contains("\"total\":1")), "edited");
        assertTrue(withinASecondOnB("albatross", body -> body.contains("\"total\":0")), "the old title");

        Article unpublished = services.articles().save(ArticleDraft.of(edited, List.of())
                .withStatus(ArticleStatus.DRAFT));
        assertTrue(withinASecondOnB("petrel", body -> body.contains("\"total\":0")), "unpublished");

        services.articles().delete(unpublished.id(), unpublished.version());
        nodeB.catchUp();
        nodeB.searchIndex().awaitIndexed();
        assertEquals(0, nodeB.search().search(SearchRequest.of("petrel"), new Audience.Desk("article", null, 0))
                .total(), "deleted: not even the newsroom finds it");
    }
}
