package dev.byline.cli;

import dev.byline.Byline;
import dev.byline.config.Config;
import dev.byline.config.DatabaseOptions;
import dev.byline.db.Database;
import dev.byline.wordpress.WordPressImport;
import dev.byline.wordpress.WxrReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./byline import wordpress FILE}: a WordPress export into Byline, with a report of what it did. */
@Command(name = "wordpress", mixinStandardHelpOptions = true,
        description = {"Imports a WordPress export (Tools → Export → All content: a WXR .xml file): categories as "
                + "sections, tags, authors (as author profiles, no accounts), posts, pages and comments. Running it "
                + "again with the same file updates what it made instead of making it twice.",
                "Example: ./byline import wordpress site.wordpress.2026-11-28.xml"})
final class ImportWordPressCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;
    @Parameters(index = "0", paramLabel = "FILE", description = "The WXR file WordPress exported")
    Path file;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    ImportWordPressCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        var parsed = database.config(env, err);
        if (parsed.isEmpty()) {
            return 2;
        }
        Config config = parsed.get();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("There is no file to read at " + file + ". Nothing was imported.");
            return 2;
        }
        Database db;
        try {
            db = Database.open(config);
        } catch (RuntimeException e) {
            err.println("Byline could not open the database: " + AccountCommand.oneLine(Byline.rootMessage(e)));
            return 1;
        }
        try (db) {
            var services = Byline.wire(config, db, Clock.systemUTC());
            var importer = new WordPressImport(db.jdbi(), services.articles(), services.authors(), services.taxonomy(),
                    services.comments());
            WordPressImport.Report report = importer.run(file, out::println);
            out.printf("Imported %d articles and %d pages (%d updated from an earlier run), %d sections, %d authors, "
                            + "%d comments; %d items left out.%n", report.articles(), report.pages(), report.updated(),
                    report.sections(), report.authors(), report.comments(), report.skipped());
            if (!report.notes().isEmpty()) {
                out.println("Notes:");
                report.notes().forEach(note -> out.println("  - " + note));
            }
            return 0;
        } catch (WxrReader.Malformed e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("The import failed: " + AccountCommand.oneLine(Byline.rootMessage(e)));
            return 1;
        }
    }
}
