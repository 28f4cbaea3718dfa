package dev.byline.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The feed on both databases: stored with what changed, told after commit, never for a rolled-back write, pruned. */
class ChangeFeedTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void storesWhatChangedAndTellsSubscribersAfterCommit(TestDatabases db) {
        var clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (Database database = Database.open(db.config(dir))) {
            var feed = new ChangeFeed(database.jdbi(), clock, db == TestDatabases.POSTGRES);
            var heard = new ArrayList<Change>();
            feed.subscribe(heard::add);
            feed.subscribe(change -> {
                throw new IllegalStateException("a broken subscriber");
            });
            var entity = new Change.Entity(Change.Entity.ARTICLE, 12, true, false);
            feed.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:12", "list:home"),
                    List.of(entity)));
            assertThrows(IllegalArgumentException.class, () -> feed.write("article.updated", handle -> {
                throw new IllegalArgumentException("rolled back");
            }));

            assertEquals(1, heard.size(), "told once; a broken subscriber does not stop the others");
            Change stored = feed.since(0, 10).getFirst();
            assertEquals(heard.getFirst(), stored);
            assertEquals(List.of(entity), stored.entities());
            assertEquals(Set.of("article:12", "list:home"), stored.keys());
            assertEquals(1, feed.since(0, 10).size(), "nothing of the rolled-back write");

            clock.advance(ChangeFeed.RETENTION.plus(Duration.ofMinutes(1)));
            feed.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:13"), List.of()));
            assertEquals(1, feed.prune(), "only the row older than the retention");
            assertEquals(List.of("article:13"), feed.since(0, 10).stream()
                    .flatMap(change -> change.keys().stream()).toList());
            assertTrue(feed.store().horizon().id() >= stored.id());
        }
    }
}
