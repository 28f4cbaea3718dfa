package dev.byline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.config.Config;
import dev.byline.search.Audience;
import dev.byline.search.SearchRequest;
import dev.byline.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./byline reindex} on SQLite: with no site running it rebuilds the index itself; with a site running on the
 * same data directory it asks the site, which rebuilds in place while search keeps answering.
 */
class ReindexCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run reindex(Config config) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var args = new ArrayList<>(List.of("reindex", "--data-dir=" + config.dataDir()));
        int exit = Commands.run(args.toArray(String[]::new), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withNoSiteRunningTheCommandBuildsTheIndexItself() throws Exception {
        Config config = TestDatabases.SQLITE.config(dir).withDemo(true);
        try (Byline site = Byline.start(config)) {
            site.searchIndex().awaitRebuilt();
        }
        try (var files = Files.walk(dir.resolve("search"))) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        Run run = reindex(config);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s)Indexed \\d+ articles in [0-9.]+ s\\.\\s*"), run.out());
        try (Byline site = Byline.start(config)) {
            assertTrue(site.searchIndex().isComplete(), "the index was there at start");
            assertTrue(site.search().search(SearchRequest.of("plasma"), Audience.READERS).total() > 0);
        }
    }

    @Test
    void withASiteRunningTheSiteRebuildsWhileSearchKeepsAnswering() {
        Config config = TestDatabases.SQLITE.config(dir).withDemo(true);
        try (Byline site = Byline.start(config)) {
            site.searchIndex().awaitRebuilt();
            long before = site.searchIndex().rebuilds();
            Run run = reindex(config);
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("The running site is rebuilding its search index"), run.out());
            // the site reads the command's change from the feed within a second, then rebuilds in the background
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (site.searchIndex().rebuilds() == before && System.nanoTime() < deadline) {
                assertTrue(site.search().search(SearchRequest.of("plasma"), Audience.READERS).total() > 0,
                        "search answers during the rebuild");
                Thread.onSpinWait();
            }
            assertEquals(before + 1, site.searchIndex().rebuilds());
            site.services().articles().save(new ArticleDraft(0, "Narwhal census", "", "", "Counted.", "", null,
                    ArticleStatus.PUBLISHED, site.services().taxonomy().sections().getFirst().id(),
                    List.of(site.services().authors().all().getFirst().id()), List.of(), null));
            site.searchIndex().awaitIndexed();
            assertEquals(1, site.search().search(SearchRequest.of("narwhal"), Audience.READERS).total());
        }
    }
}
