package dev.byline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's list never reads the articles' rows to find a page (on 100k articles they are hundreds of megabytes
 * of bodies: a scan took 1.5 s cold on the benchmark data set, the indexed reads under 5 ms): every view below
 * reads an index, and the usual ones walk it in order without sorting. Plans are SQLite's, from the schema alone
 * (no ANALYZE), as a fresh site runs them. The indexes are {@link DeskListingStore#INDEXES}, made by the
 * migrations (V010): the test uses the schema as migrated.
 */
class DeskListingPlanTest {

    @TempDir
    Path dir;

    @Test
    void everyViewOfTheListReadsAnIndex() {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            List<String> made = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'articles_desk%' ORDER BY name")
                    .mapTo(String.class).list());
            assertEquals(List.of("articles_desk", "articles_desk_changed", "articles_desk_title"), made);
            var everything = filter(null, null, null, null, null, "", DeskFilter.Sort.CHANGED);
            assertWalksInOrder(database, everything, 0);
            assertWalksInOrder(database, filter(ArticleStatus.PENDING, null, null, null, null, "",
                    DeskFilter.Sort.CHANGED), 0);
            assertWalksInOrder(database, filter(null, null, null, null, null, "", DeskFilter.Sort.CHANGED_OLDEST), 0);
            assertWalksInOrder(database, filter(null, null, null, null, null, "", DeskFilter.Sort.TITLE), 0);
            // a title search or a date range: the index holds what they test, so SQLite tests it there and reads a
            // row only for what matches (no match on 100k articles: ~40 ms of CPU, no row read)
            assertCovered(database, filter(null, null, null, null, null, "harbour", DeskFilter.Sort.CHANGED));
            assertCovered(database, filter(null, null, null, Instant.EPOCH, Instant.now(), "", DeskFilter.Sort.CHANGED));
            // a person's own, a tag's, a section's: from their own index, never a scan of the articles
            assertNoScan(database, everything, 12);
            assertNoScan(database, filter(null, null, 5L, null, null, "", DeskFilter.Sort.CHANGED), 0);
            assertNoScan(database, filter(null, List.of(3L, 4L), null, null, null, "", DeskFilter.Sort.CHANGED), 0);
            String counts = database.jdbi().withHandle(handle -> String.join("\n", handle.createQuery(
                            "EXPLAIN QUERY PLAN SELECT a.status, COUNT(*) FROM articles a WHERE a.kind = 'article' "
                                    + "GROUP BY a.status")
                    .map((rs, ctx) -> rs.getString("detail")).list()));
            assertTrue(counts.contains("COVERING INDEX articles_desk"), counts);
        }
    }

    /**
     * A title search tests the title itself, with no function on it: SQLite's LIKE ignores ASCII case (its LOWER
     * lowers only ASCII too), PostgreSQL's ILIKE any case. LOWER(a.title) on each of 100k index entries walked
     * made a search matching nothing cost about twice as much (DeskHttpTest finds titles in any case on both).
     */
    @Test
    void aTitleSearchCallsNoFunctionOnEachTitle() {
        var search = filter(null, null, null, null, null, "Harbour", DeskFilter.Sort.CHANGED);
        String sqlite = DeskListingStore.sql(search, 0, false);
        String postgres = DeskListingStore.sql(search, 0, true);
        assertTrue(sqlite.contains("a.title LIKE :search"), sqlite);
        assertTrue(postgres.contains("a.title ILIKE :search"), postgres);
        assertFalse(sqlite.toUpperCase(java.util.Locale.ROOT).contains("LOWER("), sqlite);
        assertFalse(postgres.toUpperCase(java.util.Locale.ROOT).contains("LOWER("), postgres);
    }

    private static DeskFilter filter(ArticleStatus status, List<Long> sections, Long tagId, Instant from,
                                     Instant until, String search, DeskFilter.Sort sort) {
        return new DeskFilter(Kind.ARTICLE, status, sections, tagId, null, from, until, search, sort);
    }

    private static void assertWalksInOrder(Database database, DeskFilter filter, long ownerId) {
        String plan = plan(database, filter, ownerId);
        assertTrue(plan.contains("INDEX articles_desk"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), "sorts the matching rows:\n" + plan);
        assertFalse(plan.contains("SCAN a"), "full scan:\n" + plan);
    }

    private static void assertCovered(Database database, DeskFilter filter) {
        String plan = plan(database, filter, 0);
        assertTrue(plan.contains("INDEX articles_desk_changed"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), "sorts the matching rows:\n" + plan);
    }

    private static void assertNoScan(Database database, DeskFilter filter, long ownerId) {
        String plan = plan(database, filter, ownerId);
        assertFalse(plan.contains("SCAN a "), "full scan of the articles:\n" + plan);
        assertFalse(plan.matches("(?s).*SCAN a$.*"), "full scan of the articles:\n" + plan);
    }

    private static String plan(Database database, DeskFilter filter, long ownerId) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery("EXPLAIN QUERY PLAN " + DeskListingStore.sql(filter, ownerId, false)
                    + " LIMIT 26 OFFSET 0");
            DeskListingStore.bind(query, filter, ownerId);
            return String.join("\n", query.map((rs, ctx) -> rs.getString("detail")).list());
        });
    }
}
