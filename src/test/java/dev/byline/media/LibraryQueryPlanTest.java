package dev.byline.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's list reads the date index in order and stops at the page (no sort of every image), with or
 * without a type or a month; the months' seek and "what uses it" read indexes too. The plans SQLite makes from
 * the schema alone, as on a fresh site.
 */
class LibraryQueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void theListAndItsFiltersWalkAnIndexInOrder() {
        try (Database database = Database.open(TestDatabases.SQLITE.config(dir))) {
            for (var filter : java.util.List.of(
                    new LibraryStore.Filter("", "", "", null, null),
                    new LibraryStore.Filter("", "", "image/png", null, null),
                    new LibraryStore.Filter("", "", "", 1L, 2L),
                    new LibraryStore.Filter("", "", "image/jpeg", 1L, 2L),
                    new LibraryStore.Filter("harbour", "harbour", "", null, null))) {
                String plan = plan(database, LibraryStore.LIST.formatted(LibraryStore.where(filter, false)));
                assertTrue(plan.contains("USING INDEX media_by_"), filter + "\n" + plan);
                assertFalse(plan.contains("TEMP B-TREE"), "sorts the images:\n" + plan);
                assertFalse(plan.contains("SCAN m\n") || plan.endsWith("SCAN m"), "reads the table:\n" + plan);
                assertTrue(plan.contains("article_media_by_media") || plan.contains("article_media"),
                        "in use: one index probe\n" + plan);
            }
            String months = plan(database, "SELECT created_at FROM media WHERE created_at < 5 "
                    + "ORDER BY created_at DESC, id DESC LIMIT 1");
            assertTrue(months.contains("SEARCH media USING") && months.contains("media_by_date"), months);
            String uses = plan(database, LibraryStore.USES.replace(":id", "3"));
            assertTrue(uses.contains("SEARCH u USING COVERING INDEX article_media_by_media"), uses);
            assertFalse(uses.contains("TEMP B-TREE"), "sorts every use before taking the first 50:\n" + uses);
            assertFalse(uses.contains("SCAN"), uses);
        }
    }

    private static String plan(Database database, String sql) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery("EXPLAIN QUERY PLAN " + sql);
            if (sql.contains(":limit")) {
                query.bind("limit", 49).bind("offset", 0);
            }
            if (sql.contains(":mimeType")) {
                query.bind("mimeType", "image/png");
            }
            if (sql.contains(":from")) {
                query.bind("from", 1L).bind("until", 2L);
            }
            if (sql.contains(":text")) {
                query.bind("text", "%harbour%");
            }
            if (sql.contains(":slug")) {
                query.bind("slug", "%harbour%");
            }
            return String.join("\n", query.map((rs, ctx) -> rs.getString("detail")).list());
        });
    }
}
