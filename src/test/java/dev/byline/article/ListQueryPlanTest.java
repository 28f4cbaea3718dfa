package dev.byline.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every list reads one index in order: no full scan of a table, no sort of the matching rows. That is what keeps
 * an archive page as cheap on 100k articles as on 1k (docs/BENCHMARKS.md). SQLite's planner decides from the
 * schema here (no ANALYZE statistics), so the plan checked is the plan a fresh site runs.
 */
class ListQueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void everyListWalksAnIndexInOrder() {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            assertOrderedIndexRange(database, ArticleStore.LATEST, Map.of(), List.of());
            assertOrderedIndexRange(database, ArticleStore.IN_SECTIONS, Map.of(), List.of(3L));
            assertOrderedIndexRange(database, ArticleStore.WITH_TAG, Map.of("tagId", 5L), List.of());
            assertOrderedIndexRange(database, ArticleStore.BY_AUTHOR, Map.of("authorId", 2L), List.of());
            // a section with subsections: one ordered walk of the date index, filtered, never a table scan
            String plan = plan(database, ArticleStore.IN_SECTIONS, Map.of(), List.of(1L, 6L, 7L));
            assertFalse(plan.contains("SCAN "), plan);
        }
    }

    private static void assertOrderedIndexRange(Database database, String sql, Map<String, Object> binds,
                                                List<Long> ids) {
        String plan = plan(database, sql, binds, ids);
        assertTrue(plan.contains("USING") && plan.contains("INDEX"), plan);
        assertFalse(plan.contains("SCAN "), "full scan:\n" + plan);
        assertFalse(plan.contains("TEMP B-TREE"), "sorts the matching rows:\n" + plan);
    }

    private static String plan(Database database, String sql, Map<String, Object> binds, List<Long> ids) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery("EXPLAIN QUERY PLAN " + sql.formatted(ArticleStore.SUMMARY))
                    .bindMap(binds).bind("limit", 11).bind("offset", 20);
            if (!ids.isEmpty()) {
                query.bindList("ids", ids);
            }
            return String.join("\n", query.map((rs, ctx) -> rs.getString("detail")).list());
        });
    }
}
