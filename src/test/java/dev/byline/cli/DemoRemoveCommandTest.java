package dev.byline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ./byline demo remove} as the launcher runs it ({@link Commands#run}, which {@code Byline.main} hands
 * commands to), on a real data directory or PostgreSQL database.
 *
 * <pre>
 * case                                              exit  says
 * demo loaded                                       0     what it removed, in counts
 * run again                                         0     there is no demo content
 * no SQLite database in the data directory          1     one line: nothing to remove
 * a PostgreSQL server that does not answer          1     one line: could not open the database
 * the newsroom's article is in a demo section       1     nothing removed, the use listed, --keep-used offered
 * the same with --keep-used                         0     removed, the kept section listed
 * an unknown flag                                   2     the usage
 * </pre>
 */
class DemoRemoveCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void removesTheDemoAndSaysWhat(TestDatabases db) {
        Config config = db.config(dir);
        try (var newsroom = new Newsroom(config, Clock.systemUTC())) {
            newsroom.demo.loadIfEmpty();
        }
        List<String> flags = flags(config);

        Run first = run(flags, "demo", "remove");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().matches("(?s)Removed the demo content: 67 articles, 4 authors, 7 sections, \\d+ tags, "
                + "73 images \\(\\d+ files\\)\\.\n.*"), first.out());
        assertEquals(db == TestDatabases.SQLITE, first.out().contains("restart it"), "advice for a SQLite site");
        assertEquals("", first.err());

        Run second = run(flags, "demo", "remove");
        assertEquals(0, second.exit());
        assertEquals("There is no demo content to remove.\n", second.out());
        try (var newsroom = new Newsroom(config, Clock.systemUTC())) {
            assertFalse(newsroom.demo.loadIfEmpty(), "the demo stays away");
        }
    }

    @Test
    void refusesWhileOwnContentUsesTheDemoThenKeepsWhatIsUsedWhenAsked() {
        Config config = TestDatabases.SQLITE.config(dir);
        try (var newsroom = new Newsroom(config, Clock.systemUTC())) {
            newsroom.demo.loadIfEmpty();
            Section world = newsroom.taxonomy.findSectionBySlug("world").orElseThrow();
            Author ola = newsroom.authors.save(new Author(0, "", "Ola Nordmann", "", null));
            newsroom.articles.save(new ArticleDraft(0, "Harbour reopens", "", "", "Monday.", "", null,
                    ArticleStatus.PUBLISHED, world.id(), List.of(ola.id()), List.of(), null));
        }

        Run refused = run(flags(config), "demo", "remove");
        assertEquals(1, refused.exit());
        assertEquals(List.of("Nothing was removed: your own content uses demo items.",
                "  - section “World” holds the article “Harbour reopens”",
                "Move or change those first, or keep what they use as yours: ./byline demo remove --keep-used"),
                refused.errLines());
        assertEquals("", refused.out());

        Run kept = run(flags(config), "demo", "remove", "--keep-used");
        assertEquals(0, kept.exit(), kept.err());
        assertTrue(kept.out().contains("Removed the demo content: 67 articles, 4 authors, 6 sections,"), kept.out());
        assertTrue(kept.out().contains("Kept as yours, because what stays uses them:\n"
                + "  - section “World” holds the article “Harbour reopens”\n"), kept.out());
    }

    @Test
    void aDatabaseThatIsNotThereIsOneLineAndExitOne() {
        Run noFile = run(List.of("--data-dir=" + dir.resolve("nowhere")), "demo", "remove");
        assertEquals(1, noFile.exit());
        assertEquals(List.of("There is no Byline database at " + dir.resolve("nowhere").resolve("byline.db")
                + "; nothing to remove."), noFile.errLines());
        assertFalse(dir.resolve("nowhere").toFile().exists(), "nothing created");

        Run noServer = run(List.of("--db-url=jdbc:postgresql://127.0.0.1:1/byline"), "demo", "remove");
        assertEquals(1, noServer.exit());
        assertEquals(1, noServer.errLines().size(), noServer.err());
        assertTrue(noServer.err().startsWith("Byline could not open the database: "), noServer.err());
    }

    @Test
    void anUnknownFlagGetsTheUsage() {
        Run run = run(List.of(), "demo", "remove", "--everything");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Unknown option: '--everything'\nUsage: byline demo remove"), run.err());
    }

    private static List<String> flags(Config config) {
        var flags = new ArrayList<String>(List.of("--data-dir=" + config.dataDir()));
        config.dbUrl().ifPresent(url -> flags.add("--db-url=" + url));
        config.dbUser().ifPresent(user -> flags.add("--db-user=" + user));
        config.dbPassword().ifPresent(password -> flags.add("--db-password=" + password));
        return flags;
    }

    /** The command words, then the flags, with no BYLINE_* variables around. */
    private static Run run(List<String> flags, String... words) {
        var args = new ArrayList<>(List.of(words));
        args.addAll(flags);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Commands.run(args.toArray(String[]::new), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
