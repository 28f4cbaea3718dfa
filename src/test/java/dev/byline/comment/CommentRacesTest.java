package dev.byline.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flood rule and the token bucket under writers at once: two nodes (two sets of services over one database;
 * on PostgreSQL truly concurrent transactions) posting from the same address at the same moment. The limits are
 * rows in the database taken with conditional writes, so however the writers interleave, exactly as many comments
 * are accepted as the limits allow, round after round.
 */
class CommentRacesTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoWritersFromOneAddressAtOnceGetOneCommentInThenTheFloodRule(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            Article story = story(nodeA);
            var limits = new CommentLimits(Duration.ofSeconds(15), 1000, Duration.ofMillis(1), Duration.ZERO);
            List<CommentService> writers = List.of(service(nodeA, limits), service(nodeB, limits));
            for (int round = 0; round < 10; round++) {
                int r = round;
                Outcome outcome = race(writers, 2, (writer, i) -> writer.post(submission(writer, story,
                        "203.0.113.7", "r" + r + "-w" + i + "@example.org", "Round " + r + " writer " + i)));
                assertEquals(new Outcome(1, 1), outcome, "round " + round);
                clock.advance(Duration.ofSeconds(15));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void writersOnTwoNodesNeverTakeMoreThanTheBucketHolds(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            Article story = story(nodeA);
            // no flood rule (a window of 0); 3 in a burst, one more a minute
            var limits = new CommentLimits(Duration.ZERO, 3, Duration.ofMinutes(1), Duration.ZERO);
            List<CommentService> writers = List.of(service(nodeA, limits), service(nodeB, limits));
            var counter = new AtomicInteger();
            Outcome burst = race(writers, 8, (writer, i) -> writer.post(submission(writer, story, "203.0.113.8",
                    "b" + counter.incrementAndGet() + "@example.org", "Burst " + counter.get())));
            assertEquals(new Outcome(3, 5), burst);
            clock.advance(Duration.ofMinutes(2));
            Outcome refilled = race(writers, 6, (writer, i) -> writer.post(submission(writer, story, "203.0.113.8",
                    "c" + counter.incrementAndGet() + "@example.org", "Later " + counter.get())));
            assertEquals(new Outcome(2, 4), refilled, "two minutes later: two tokens");
        }
    }

    record Outcome(int accepted, int throttled) {
    }

    interface Post {
        void run(CommentService writer, int index);
    }

    /** {@code count} posts at once, alternating between the writers; how many went in and how many were refused. */
    static Outcome race(List<CommentService> writers, int count, Post post) throws Exception {
        var barrier = new CyclicBarrier(count);
        var accepted = new AtomicInteger();
        var throttled = new AtomicInteger();
        var runs = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < count; i++) {
            int index = i;
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    barrier.await();
                    post.run(writers.get(index % writers.size()), index);
                    accepted.incrementAndGet();
                } catch (Throttled refused) {
                    throttled.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        return new Outcome(accepted.get(), throttled.get());
    }

    Article story(Newsroom newsroom) {
        Section world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        Author author = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "", null));
        return newsroom.articles.save(new ArticleDraft(0, "Story", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of(), null));
    }

    CommentService service(Newsroom node, CommentLimits limits) {
        return new CommentService(new CommentStore(node.database.jdbi()), node.changes, node.settings::current,
                node.comments.tokens(), limits, clock);
    }

    Submission submission(CommentService writer, Article story, String ip, String email, String text) {
        return new Submission(story.id(), 0, email, email, "", text, false, ip, "", "",
                writer.tokens().issue(story.id(), clock.instant().minusSeconds(60)), null);
    }
}
