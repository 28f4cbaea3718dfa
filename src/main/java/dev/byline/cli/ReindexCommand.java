package dev.byline.cli;

import dev.byline.Byline;
import dev.byline.change.ChangeFeed;
import dev.byline.config.Config;
import dev.byline.config.DatabaseOptions;
import dev.byline.db.Database;
import dev.byline.search.SearchIndex;
import dev.byline.search.SearchStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./byline reindex}: rebuilds the search index from the database. It writes a change of kind
 * {@link SearchIndex#REINDEX} to the change feed, and every running node (each keeps its own index) rebuilds in
 * place, in the background, answering searches from what it has meanwhile. When no site runs on this data directory,
 * the index here is rebuilt by the command itself, and it says how long that took.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuilds the search index from the database. A running site keeps serving and rebuilds "
                + "its own index in place; on PostgreSQL every node does."})
final class ReindexCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    ReindexCommand(Map<String, String> env, PrintStream out, PrintStream err) {
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
            err.println("There is no Byline database at " + Database.sqliteFile(config) + "; nothing to index.");
            return 1;
        }
        try (Database db = Database.open(config)) {
            var feed = new ChangeFeed(db.jdbi(), Clock.systemUTC(), config.usesPostgres());
            feed.write(SearchIndex.REINDEX, handle -> ChangeFeed.Written.of(Boolean.TRUE, Set.of()));
            String language = Byline.wire(config, db, Clock.systemUTC()).settings().current().language();
            SearchIndex index;
            try {
                index = SearchIndex.open(config.dataDir().resolve("search"), new SearchStore(db.jdbi()),
                        () -> language, Clock.systemUTC());
            } catch (IllegalStateException inUse) {
                out.println("The running site is rebuilding its search index in the background; search keeps "
                        + "answering meanwhile." + (config.usesPostgres() ? " Every node rebuilds its own." : ""));
                return 0;
            }
            try (index) {
                long started = System.nanoTime();
                long count;
                if (index.isComplete()) { // an index was there: written again, article by article
                    index.awaitIndexed();
                    count = index.rebuild();
                } else { // none, or a damaged one: opening it started building it from nothing
                    index.awaitRebuilt();
                    count = index.size();
                }
                out.printf("Indexed %,d articles in %.1f s.%s%n", count, (System.nanoTime() - started) / 1e9,
                        config.usesPostgres() ? " Running nodes rebuild their own indexes." : "");
                return 0;
            }
        } catch (RuntimeException e) {
            err.println("Rebuilding the search index failed: " + Byline.rootMessage(e));
            return 1;
        }
    }
}
