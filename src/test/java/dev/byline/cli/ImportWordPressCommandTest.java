package dev.byline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Config;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./byline import wordpress FILE} as the launcher runs it: the report, the exit codes, a refused file. */
class ImportWordPressCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(Config config, String... words) {
        var args = new ArrayList<>(List.of(words));
        args.add("--data-dir=" + config.dataDir());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Commands.run(args.toArray(String[]::new), Map.of("BYLINE_DEMO", "false"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsTheThemeTestDataAndSaysWhatItDid() throws Exception {
        Config config = TestDatabases.SQLITE.config(dir);
        Path fixture = Path.of("/work/shared/fixtures/themeunittestdata.wordpress.xml");
        if (!Files.exists(fixture)) {
            fixture = Path.of("..", "shared", "fixtures", "themeunittestdata.wordpress.xml");
        }
        assertTrue(Commands.isCommand(new String[] {"import", "wordpress", "x.xml"}), "./byline dispatches it");
        Run first = run(config, "import", "wordpress", fixture.toString());
        assertEquals(0, first.exit(), first.err());
        List<String> lines = first.out().lines().toList();
        assertEquals("The file is well formed: 186 items. Importing…", lines.getFirst());
        assertTrue(lines.contains("Imported 58 articles and 21 pages (0 updated from an earlier run), 68 sections, "
                + "2 authors, 29 comments; 107 items left out."), first.out());
        assertTrue(lines.contains("Notes:"));

        Run again = run(config, "import", "wordpress", fixture.toString());
        assertTrue(again.out().contains("Imported 0 articles and 0 pages (79 updated from an earlier run)"), again.out());
        try (var room = new Newsroom(config, Clock.systemUTC())) {
            assertEquals(79L, (long) room.database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM articles").mapTo(Long.class).one()));
        }

        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<rss><channel><item><title>Half");
        Run refused = run(config, "import", "wordpress", broken.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("The file is not a WordPress export that can be read:"), refused.err());
        assertTrue(refused.err().contains("(line 1, column"), refused.err());
        assertTrue(refused.err().strip().endsWith("Nothing was imported."), refused.err());

        Run missing = run(config, "import", "wordpress", dir.resolve("nowhere.xml").toString());
        assertEquals(2, missing.exit());
        assertEquals("There is no file to read at " + dir.resolve("nowhere.xml") + ". Nothing was imported.\n",
                missing.err());
    }
}
