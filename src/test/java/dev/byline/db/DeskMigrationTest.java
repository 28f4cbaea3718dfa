package dev.byline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Config;
import dev.byline.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V007 on a database that already holds articles: SQLite rebuilds `articles` to let its CHECK take 'trash', and
 * must keep every row, every link to it (bylines, tags, images, old slugs: a DROP with foreign keys on would have
 * cascaded into them), its indexes, the foreign keys themselves and the AUTOINCREMENT high mark; PostgreSQL alters
 * the constraint in place. Migrated to V006 with Flyway, filled with SQL, then opened as the site opens it.
 */
class DeskMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void articlesAndEverythingPointingAtThemSurviveV007(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        Database.Dialect dialect = db == TestDatabases.SQLITE ? Database.Dialect.SQLITE : Database.Dialect.POSTGRES;
        String url;
        if (db == TestDatabases.SQLITE) {
            Files.createDirectories(config.dataDir());
            url = "jdbc:sqlite:" + Database.sqliteFile(config) + "?foreign_keys=on";
        } else {
            url = config.dbUrl().orElseThrow();
        }
        String user = config.dbUser().orElse(null);
        String password = config.dbPassword().orElse(null);
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/" + dialect.folder())
                .placeholders(dialect.placeholders()).target("6").load().migrate();
        Jdbi before = user == null ? Jdbi.create(url) : Jdbi.create(url, user, password);
        before.useHandle(DeskMigrationTest::fill);

        try (Database opened = Database.open(config)) {
            opened.jdbi().useHandle(handle -> {
                assertEquals(List.of("draft", "published", "scheduled"), handle.createQuery(
                        "SELECT status FROM articles ORDER BY id").mapTo(String.class).list());
                assertEquals(List.of("article", "article", "article"), handle.createQuery(
                        "SELECT kind FROM articles ORDER BY id").mapTo(String.class).list());
                assertEquals(List.of(7L, 3L, 2L), handle.createQuery(
                        "SELECT version FROM articles ORDER BY id").mapTo(Long.class).list());
                assertEquals(3, count(handle, "article_authors"), "bylines kept");
                assertEquals(2, count(handle, "article_tags"), "tags kept");
                assertEquals(1, count(handle, "article_media"), "image use kept");
                assertEquals(1, count(handle, "article_old_slugs"), "old slugs kept");
                assertEquals(1, count(handle, "demo_items"));

                handle.execute("UPDATE articles SET status = 'trash', status_before_trash = 'published', "
                        + "trashed_at = 1 WHERE id = 2");
                assertThrows(Exception.class, () -> handle.execute("UPDATE articles SET status = 'gone' WHERE id = 1"),
                        "the CHECK still refuses unknown statuses");
                assertThrows(Exception.class, () -> handle.execute("UPDATE articles SET kind = 'blog' WHERE id = 1"));
                assertThrows(Exception.class, () -> handle.execute("UPDATE articles SET section_id = NULL WHERE id = 1"),
                        "only a page may have no section");
                handle.execute("UPDATE articles SET kind = 'page', section_id = NULL WHERE id = 1");
                assertThrows(Exception.class, () -> handle.execute(
                        "INSERT INTO article_authors (article_id, author_id, position, status) VALUES (99, 1, 0, 'draft')"),
                        "the bylines' foreign key still holds");
                assertThrows(Exception.class, () -> handle.execute(
                        "UPDATE articles SET section_id = 99 WHERE id = 2"), "the article's own foreign keys hold");
                handle.execute("DELETE FROM articles WHERE id = 3");
                assertEquals(2, count(handle, "article_authors"), "a delete still cascades to the bylines");
                long next = handle.createUpdate("""
                                INSERT INTO articles (slug, title, status, section_id, created_at, updated_at)
                                VALUES ('new', 'New', 'draft', 1, 1, 1)""")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                assertTrue(next > 4, "ids of deleted articles are never handed out again: " + next);
                if (db == TestDatabases.SQLITE) {
                    assertEquals(List.of(), handle.createQuery("PRAGMA foreign_key_check").mapToMap().list());
                    assertEquals(1, handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one(),
                            "foreign keys are on again on the connection that migrated");
                    assertEquals(List.of("articles_by_section", "articles_by_status_date"), handle.createQuery("""
                                    SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'
                                    AND name LIKE 'articles_by_%' ORDER BY name""")
                            .mapTo(String.class).list());
                    assertEquals(0, count(handle, "sqlite_master WHERE name = 'articles_rebuilt'"));
                }
            });
        }
    }

    private static void fill(Handle handle) {
        handle.execute("INSERT INTO media (id, path, mime_type, width, height, created_at) "
                + "VALUES (1, '2026/01/a.jpg', 'image/jpeg', 10, 10, 1)");
        handle.execute("INSERT INTO authors (id, slug, display_name, created_at, updated_at) VALUES (1, 'ann', 'Ann', 1, 1)");
        handle.execute("INSERT INTO sections (id, slug, name) VALUES (1, 'world', 'World')");
        handle.execute("INSERT INTO tags (id, slug, name) VALUES (1, 'rain', 'Rain')");
        for (var row : List.of(Map.of("id", 1, "slug", "one", "status", "draft", "version", 7),
                Map.of("id", 2, "slug", "two", "status", "published", "version", 3),
                Map.of("id", 3, "slug", "three", "status", "scheduled", "version", 2),
                Map.of("id", 4, "slug", "four", "status", "draft", "version", 1))) {
            handle.createUpdate("""
                            INSERT INTO articles (id, slug, title, status, section_id, featured_media_id, published_at,
                                                  created_at, updated_at, version)
                            VALUES (:id, :slug, :slug, :status, 1, NULL, 5, 1, 1, :version)""")
                    .bindMap(row).execute();
        }
        handle.execute("DELETE FROM articles WHERE id = 4"); // the high mark stays at 4
        for (int id = 1; id <= 3; id++) {
            handle.execute("INSERT INTO article_authors (article_id, author_id, position, status) VALUES (?, 1, 0, 'x')", id);
        }
        handle.execute("INSERT INTO article_tags (article_id, tag_id, position, status) VALUES (2, 1, 0, 'published')");
        handle.execute("INSERT INTO article_tags (article_id, tag_id, position, status) VALUES (3, 1, 0, 'scheduled')");
        handle.execute("INSERT INTO article_media (article_id, media_id) VALUES (2, 1)");
        handle.execute("INSERT INTO article_old_slugs (slug, article_id) VALUES ('two-old', 2)");
        handle.execute("INSERT INTO demo_items (kind, id) VALUES ('article', 2)");
        if (handle.getConnection().getClass().getName().contains("postgresql")) {
            handle.execute("SELECT setval(pg_get_serial_sequence('articles', 'id'), 4)");
        }
    }

    private static long count(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }
}
