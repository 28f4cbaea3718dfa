package dev.byline.cli;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.config.Config;
import dev.byline.config.DatabaseOptions;
import dev.byline.db.Database;
import dev.byline.demo.DemoRemoval;
import dev.byline.demo.DemoRemoval.Removed;
import dev.byline.demo.DemoStore.Use;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./byline demo remove}: a thin handler around {@link DemoRemoval}, saying what it removed or why not. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Removes the demo content for good: its articles, authors, sections, tags and images "
                + "(files included). Content your newsroom added stays, and the demo does not come back.",
                "If your own articles use demo sections, authors, tags or images, nothing is removed and the "
                        + "uses are listed; --keep-used keeps those as yours and removes the rest."})
final class DemoRemoveCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;
    @Option(names = "--keep-used", description = "Keep the demo items your own content uses, as yours")
    boolean keepUsed;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    DemoRemoveCommand(Map<String, String> env, PrintStream out, PrintStream err) {
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
        if (!config.usesPostgres() && !Files.exists(Database.sqliteFile(config))) {
            err.println("There is no Byline database at " + Database.sqliteFile(config) + "; nothing to remove.");
            return 1;
        }
        Database db;
        try {
            db = Database.open(config);
        } catch (RuntimeException e) {
            err.println("Byline could not open the database: " + oneLine(Byline.rootMessage(e)));
            return 1;
        }
        try (db) {
            Removed removed = Byline.wire(config, db, Clock.systemUTC()).demoRemoval()
                    .remove(Actor.commandLine(), keepUsed);
            report(removed, config);
            return 0;
        } catch (DemoRemoval.InUse e) {
            err.println("Nothing was removed: your own content uses demo items.");
            e.uses().forEach(use -> err.println("  - " + use.describe()));
            err.println("Move or change those first, or keep what they use as yours: ./byline demo remove --keep-used");
            return 1;
        } catch (RuntimeException e) {
            err.println("Removing the demo content failed: " + oneLine(Byline.rootMessage(e)));
            return 1;
        }
    }

    /** Some drivers' and Flyway's messages run over several lines; an operator's terminal gets one. */
    private static String oneLine(String message) {
        return String.join(" ", message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    private void report(Removed removed, Config config) {
        if (removed.nothing()) {
            out.println("There is no demo content to remove.");
            return;
        }
        out.printf("Removed the demo content: %d articles, %d authors, %d sections, %d tags, %d images (%d files).%n",
                removed.articles(), removed.authors(), removed.sections(), removed.tags(), removed.media(),
                removed.files());
        if (!removed.kept().isEmpty()) {
            out.println("Kept as yours, because what stays uses them:");
            for (Use use : removed.kept()) {
                out.println("  - " + use.describe());
            }
        }
        if (!config.usesPostgres()) {
            // other nodes on PostgreSQL hear of the removal through the change feed; a SQLite site does not
            out.println("If Byline is running on this data directory, restart it to drop the pages it has cached.");
        }
    }
}
