package dev.byline.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.Article;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Kind;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WordPress's own theme test export imported on both databases: every post, page, category, comment counted and
 * spot-checked; a second run updates instead of duplicating; a truncated file, an entity bomb and an external
 * entity are refused with where, before anything is written.
 */
class WordPressImportTest {

    static final Path FIXTURE = Path.of("..", "shared", "fixtures", "themeunittestdata.wordpress.xml");

    @TempDir
    Path dir;
    private Newsroom room;

    @AfterEach
    void close() {
        if (room != null) {
            room.close();
        }
    }

    private WordPressImport importer(TestDatabases db) {
        room = new Newsroom(db.config(dir), Clock.systemUTC());
        return new WordPressImport(room.database.jdbi(), room.articles, room.authors, room.taxonomy, room.comments);
    }

    private static Path fixture() {
        Path here = FIXTURE;
        if (!Files.exists(here)) {
            here = Path.of("/work/shared/fixtures/themeunittestdata.wordpress.xml");
        }
        return here;
    }

    private long count(String sql) {
        return room.database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theThemeUnitTestDataComesOverWholeAndASecondRunUpdatesIt(TestDatabases db) {
        WordPressImport importer = importer(db);
        var said = new ArrayList<String>();
        WordPressImport.Report report = importer.run(fixture(), said::add);
        assertEquals("The file is well formed: 186 items. Importing…", said.getFirst());
        assertEquals(58, report.articles(), report.toString());
        assertEquals(21, report.pages());
        assertEquals(0, report.updated());
        assertEquals(107, report.skipped(), "70 menu items and 37 attachments");
        assertEquals(29, report.comments(), "33 on posts and pages, less 4 pingbacks and trackbacks");
        assertEquals(2, report.authors());
        assertEquals(58, count("SELECT COUNT(*) FROM articles WHERE kind = 'article'"));
        assertEquals(21, count("SELECT COUNT(*) FROM articles WHERE kind = 'page'"));
        assertEquals(29, count("SELECT COUNT(*) FROM comments"));
        assertTrue(count("SELECT COUNT(*) FROM sections") >= 68, "every category a section");
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("several categories")), report.notes().toString());

        // the hierarchy: child-2 under child-1 under parent
        Section child2 = room.taxonomy.findSectionBySlug("child-2").orElseThrow();
        Section child1 = room.taxonomy.findSection(child2.parentId()).orElseThrow();
        assertEquals("child-1", child1.slug());
        assertEquals("parent", room.taxonomy.findSection(child1.parentId()).orElseThrow().slug());

        // a post: its status, date, section, tags and body
        Article post = room.articles.findBySlug("template-sticky").orElseThrow();
        assertEquals("Template: Sticky", post.title());
        assertEquals(ArticleStatus.PUBLISHED, post.status());
        assertEquals(Instant.parse("2012-01-07T14:07:21Z"), post.publishedAt());
        assertTrue(post.bodyHtml().contains("sticky"), post.bodyHtml());
        Article draft = room.articles.findBySlug("template-draft").orElse(null);
        assertTrue(draft == null || draft.status() == ArticleStatus.DRAFT);
        Article future = room.articles.find(count("SELECT id FROM articles WHERE status = 'scheduled'")).orElseThrow();
        assertEquals(ArticleStatus.SCHEDULED, future.status());
        Article about = room.articles.findPageBySlug("about").orElseThrow();
        assertEquals(Kind.PAGE, about.kind());

        // a captioned image became a figure with its caption
        Article captions = room.articles.findBySlug("image-alignment").or(() ->
                room.articles.findBySlug("markup-image-alignment")).orElseThrow();
        assertTrue(captions.bodyHtml().contains("<figcaption>"), captions.bodyHtml());

        // threads: replies under their parents, held ones held
        assertTrue(count("SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL") >= 10);
        assertEquals(3, count("SELECT COUNT(*) FROM comments WHERE status = 'pending'"), "the 3 held in WordPress");
        assertEquals(26, count("SELECT COUNT(*) FROM comments WHERE status = 'approved'"));
        assertEquals(0, count("SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id "
                + "WHERE p.article_id <> c.article_id"), "a reply's parent is on its article");

        // again: nothing doubled, everything updated
        WordPressImport.Report again = importer.run(fixture(), line -> { });
        assertEquals(0, again.articles());
        assertEquals(0, again.pages());
        assertEquals(79, again.updated());
        assertEquals(0, again.comments());
        assertEquals(58, count("SELECT COUNT(*) FROM articles WHERE kind = 'article'"));
        assertEquals(29, count("SELECT COUNT(*) FROM comments"));
    }

    /** A file that is not a well-formed export, and where the refusal points. */
    record Bad(String name, String xml, String says) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aMalformedHostileOrTruncatedFileIsRefusedBeforeAnythingIsWritten(TestDatabases db) throws IOException {
        WordPressImport importer = importer(db);
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "the server's secret");
        String fixture = Files.readString(fixture(), StandardCharsets.UTF_8);
        var cases = List.of(
                new Bad("truncated", fixture.substring(0, fixture.length() / 2), "line "),
                new Bad("not XML", "this is not XML at all", "line 1"),
                new Bad("not a feed", "<?xml version=\"1.0\"?><html><body/></html>", "it starts with <html>, not <rss>"),
                new Bad("entity bomb", """
                        <?xml version="1.0"?>
                        <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
                        <rss><channel><item><title>&c;</title></item></channel></rss>""", "DTD"),
                new Bad("external entity", """
                        <?xml version="1.0"?>
                        <!DOCTYPE rss [<!ENTITY x SYSTEM "file://%s">]>
                        <rss><channel><item><title>&x;</title><wp:post_type xmlns:wp="https://wordpress.org/export/1.2/">post</wp:post_type></item></channel></rss>"""
                        .formatted(secret.toAbsolutePath()), "DTD"));
        for (Bad bad : cases) {
            Path file = dir.resolve(bad.name().replace(' ', '-') + ".xml");
            Files.writeString(file, bad.xml());
            WxrReader.Malformed refused = assertThrows(WxrReader.Malformed.class, () -> importer.run(file, l -> { }),
                    bad.name());
            assertTrue(refused.getMessage().contains(bad.says()), bad.name() + ": " + refused.getMessage());
            assertTrue(refused.getMessage().endsWith("Nothing was imported."), refused.getMessage());
            assertFalse(refused.getMessage().contains("the server's secret"));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM articles"), "nothing half-imported");
        assertEquals(0, count("SELECT COUNT(*) FROM wordpress_imports"));
    }

    @org.junit.jupiter.api.Test
    void wordPressBodiesBecomeMarkdownSayingWhatWasKeptAsItWas() {
        var bodies = new WordPressBodies();
        var converted = bodies.convert("""
                <!-- wp:paragraph -->First line
                second line.

                Second paragraph with <strong>bold</strong>.<!-- /wp:paragraph -->

                [caption id="attachment_1" align="alignnone" width="300"]<img src="https://old.example/a.jpg" alt="A harbour" /> The harbour at dawn.[/caption]

                <table><tr><td>1</td></tr></table>

                [gallery ids="1,2"]
                """);
        String md = converted.markdown();
        assertTrue(md.startsWith("First line  \nsecond line.") || md.startsWith("First line\\\nsecond line."), md);
        assertTrue(md.contains("Second paragraph with **bold**."), md);
        assertTrue(md.contains("![A harbour](https://old.example/a.jpg \"The harbour at dawn.\")"), md);
        assertFalse(md.contains("wp:paragraph"), md);
        assertTrue(md.contains("\n<table><tbody><tr><td>1</td></tr></tbody></table>\n"), md);
        assertEquals(List.of("the shortcode [gallery] was kept as text", "a table was kept as HTML"),
                converted.notes());
    }
}
