package dev.byline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.people.Author;
import dev.byline.support.Newsroom;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database that got the demo before marks existed: V003 marks what the loader made, and nothing of the
 * newsroom's. Tested by loading the demo, forgetting its marks, and running V003's marking statements again.
 */
class DemoMarksMigrationTest extends NewsroomTest {

    static final String BACKFILL = "-- Databases that got the demo before it was marked";

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void marksWhatTheLoaderMadeAndNothingElse(TestDatabases db) throws IOException {
        Newsroom newsroom = openNewsroom(db, Clock.systemUTC());
        newsroom.demo.loadIfEmpty();
        // the newsroom's own: a section with a demo name, an author, an article sharing one tag with the demo
        Section local = newsroom.taxonomy.saveSection(new Section(0, "", "Local", "News from around the world.",
                null, 9));
        Author ola = newsroom.authors.save(new Author(0, "", "Ola Nordmann", "", null));
        newsroom.articles.save(new ArticleDraft(0, "Harbour reopens", "", "", "Monday.", "", null,
                ArticleStatus.PUBLISHED, local.id(), List.of(ola.id()), List.of("Russia", "Harbour"), null));
        Set<String> marked = marks();
        long russia = newsroom.taxonomy.findTagBySlug("russia").orElseThrow().id();
        assertTrue(marked.contains("tag:" + russia));

        newsroom.database.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM demo_items");
            handle.execute("DELETE FROM settings");
            for (String statement : backfill()) {
                handle.execute(statement);
            }
        });

        var expected = new HashSet<>(marked);
        expected.remove("tag:" + russia); // the newsroom's article uses it too: it stays with the newsroom
        assertEquals(expected, marks());
        assertEquals(Optional.of("loaded"), newsroom.database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT value FROM settings WHERE name = 'demo'").mapTo(String.class).findOne()));
        assertTrue(newsroom.demoNotice.shown());
    }

    private Set<String> marks() {
        return Set.copyOf(newsroom.database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT kind, id FROM demo_items")
                .map((rs, ctx) -> rs.getString("kind") + ":" + rs.getLong("id")).list()));
    }

    /** V003's statements that mark an existing demo, as Flyway runs them. */
    private static List<String> backfill() throws IOException {
        try (InputStream in = DemoMarksMigrationTest.class.getResourceAsStream("/db/migration/V003__demo_marks.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf(BACKFILL);
            assertTrue(start > 0, "V003 marks an existing demo");
            return Arrays.stream(sql.substring(start).split(";\\s*\\n")).map(String::strip)
                    .map(statement -> statement.replaceAll("(?m)^--.*\\n", "").strip())
                    .filter(statement -> !statement.isEmpty()).toList();
        }
    }
}
