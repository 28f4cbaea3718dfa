package dev.byline.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Keys;
import dev.byline.config.Config;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A commenter's data exported and erased (WordPress's Export / Erase Personal Data) on both databases: only
 * administrators; every field stored, whatever the status; anonymised with the text kept, or deleted where no one
 * replied; the keys of exactly the articles whose pages showed the comments; bad addresses; and writers at once
 * (two administrators erasing, an erasure racing a new comment from the same address).
 */
class CommentPrivacyTest {

    static final String READER = "nadia.petrova@example.org";
    static final Actor ADMIN = new Actor(0, "Admin Person", Optional.of(Role.ADMINISTRATOR), 0, "127.0.0.1");
    static final Actor EDITOR = new Actor(0, "Editor Person", Optional.of(Role.EDITOR), 0, "127.0.0.1");
    static final AtomicInteger IP = new AtomicInteger();

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAdministratorsExportAndEraseAndBadAddressesSayWhatIsWrong(TestDatabases db) {
        try (var newsroom = new Newsroom(db.config(dir), clock)) {
            Article story = story(newsroom, "Rules");
            post(newsroom, story, "Nadia Petrova", READER, 0, "First.");
            CommentPrivacy privacy = newsroom.commentPrivacy;
            assertThrows(Forbidden.class, () -> privacy.export(EDITOR, READER));
            assertThrows(Forbidden.class, () -> privacy.erase(EDITOR, READER, false));
            assertThrows(Forbidden.class, () -> CommentPrivacy.check(EDITOR));
            assertEquals(1, privacy.export(ADMIN, READER).count(), "nothing was erased by the refusals");
            for (String bad : new String[] {"", "   ", "not-an-email", "two@@example.org"}) {
                Invalid invalid = assertThrows(Invalid.class, () -> privacy.erase(ADMIN, bad, true), bad);
                assertTrue(invalid.fieldErrors().containsKey("email"), bad);
            }
            assertEquals(0, privacy.export(ADMIN, "nobody@example.org").count());
            assertTrue(privacy.erase(ADMIN, "nobody@example.org", false).nothing(), "not an error: nothing to do");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theExportHasEveryCommentOfTheAddressWithEverythingStored(TestDatabases db) {
        try (var newsroom = new Newsroom(db.config(dir), clock)) {
            Article story = story(newsroom, "Export");
            Comment first = post(newsroom, story, "Nadia Petrova", READER, 0, "Approved one.");
            Comment held = post(newsroom, story, "Nadia Petrova", " Nadia.Petrova@Example.org ", 0, "Held one.");
            Comment approved = approve(newsroom, first);
            assertEquals(CommentStatus.PENDING, held.status());
            post(newsroom, story, "Someone Else", "else@example.org", 0, "Not hers.");

            CommentPrivacy.Export export = newsroom.commentPrivacy.export(ADMIN, "  NADIA.petrova@example.org ");
            assertEquals(READER, export.email());
            assertEquals(2, export.count());
            CommentPrivacy.Item item = export.comments().getFirst();
            assertEquals(approved.id(), item.id());
            assertEquals("Nadia Petrova", item.name());
            assertEquals(READER, item.email());
            assertEquals("https://nadia.example.org", item.website());
            assertEquals(approved.ip(), item.ip());
            assertEquals("Firefox/140", item.userAgent());
            assertEquals("approved", item.status());
            assertEquals("Approved one.", item.text());
            assertEquals("Export", item.articleTitle());
            assertTrue(item.articleUrl().contains("/" + story.slug() + "/#comment-" + approved.id()),
                    item.articleUrl());
            assertEquals(approved.createdAt().toString(), item.date());
            assertEquals("pending", export.comments().get(1).status(), "every status");
            var entries = newsroom.accounts.activity().list(ADMIN, new ActivityLog.Filter(Activity.COMMENTS_EXPORTED,
                    0, null, null, 1, 10)).entries();
            assertEquals(1, entries.size());
            assertFalse(entries.getFirst().detail().contains(READER), "the log keeps no address");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingAnonymisesKeepsTheTextAndDropsOnlyThePagesThatShowedTheComments(TestDatabases db) {
        try (var newsroom = new Newsroom(db.config(dir), clock)) {
            Article shown = story(newsroom, "Shown");
            Article heldOnly = story(newsroom, "Held only");
            Article untouched = story(newsroom, "Untouched");
            post(newsroom, heldOnly, "Nadia Petrova", READER, 0, "Waiting.");
            Comment mine = approve(newsroom, post(newsroom, shown, "Nadia Petrova", READER, 0, "Mine, notify me."));
            approve(newsroom, post(newsroom, untouched, "Someone Else", "else@example.org", 0, "Elsewhere."));

            CommentPrivacy.Erased erased = newsroom.commentPrivacy.erase(ADMIN, READER, false);
            assertEquals(new CommentPrivacy.Erased(READER, 2, 0, Set.of(shown.id())), erased);
            assertEquals(Set.of(Keys.comments(shown.id()), Keys.ALL_COMMENTS), Set.copyOf(newsroom.lastChange().keys()),
                    "the page showing her comment, not the one where it waited, not the others");
            Comment after = newsroom.comments.find(mine.id()).orElseThrow();
            assertEquals(CommentPrivacy.ANONYMOUS, after.authorName());
            assertEquals("", after.authorEmail());
            assertEquals("", after.authorUrl());
            assertEquals("", after.ip());
            assertEquals("", after.userAgent());
            assertFalse(after.followUps(), "the follow-up subscription is cancelled");
            assertEquals("Mine, notify me.", after.body(), "the text stays");
            assertEquals(CommentStatus.APPROVED, after.status());
            assertEquals(0, newsroom.commentPrivacy.export(ADMIN, READER).count());
            assertTrue(newsroom.commentPrivacy.erase(ADMIN, READER, false).nothing(), "a second time: nothing");
            var entries = newsroom.accounts.activity().list(ADMIN, new ActivityLog.Filter(Activity.COMMENTS_ERASED,
                    0, null, null, 1, 10)).entries();
            assertEquals(1, entries.size());
            assertTrue(entries.getFirst().detail().startsWith("2 anonymised, 0 deleted"), entries.getFirst().detail());
            assertFalse(entries.getFirst().detail().contains(READER));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deletingKeepsTheThreadsOfOthersWhole(TestDatabases db) {
        try (var newsroom = new Newsroom(db.config(dir), clock)) {
            Article story = story(newsroom, "Delete");
            Comment answered = approve(newsroom, post(newsroom, story, "Nadia Petrova", READER, 0, "Answered."));
            Comment reply = approve(newsroom, post(newsroom, story, "Someone Else", "else@example.org",
                    answered.id(), "A reply to her."));
            Comment alone = approve(newsroom, post(newsroom, story, "Nadia Petrova", READER, 0, "Alone."));
            Comment own = approve(newsroom, post(newsroom, story, "Nadia Petrova", READER, alone.id(), "Own reply."));

            CommentPrivacy.Erased erased = newsroom.commentPrivacy.erase(ADMIN, READER, true);
            assertEquals(1, erased.anonymised());
            assertEquals(2, erased.deleted(), "her reply to herself, then the comment it answered");
            assertTrue(newsroom.comments.find(alone.id()).isEmpty());
            assertTrue(newsroom.comments.find(own.id()).isEmpty());
            Comment kept = newsroom.comments.find(answered.id()).orElseThrow();
            assertEquals(CommentPrivacy.REMOVED, kept.body());
            assertEquals(CommentPrivacy.ANONYMOUS, kept.authorName());
            assertEquals(answered.id(), newsroom.comments.find(reply.id()).orElseThrow().parentId());
            var thread = newsroom.comments.thread(story.id(), 1, List.of());
            assertEquals(List.of(answered.id(), reply.id()), thread.comments().stream().map(Comment::id).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoAdministratorsErasingAtOnceOnTwoNodesEraseOnce(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            for (int round = 0; round < 5; round++) {
                Article story = story(nodeA, "Twice " + round);
                for (int i = 0; i < 3; i++) {
                    approve(nodeA, post(nodeA, story, "Nadia Petrova", READER, 0, "Round " + round + " n" + i));
                }
                var barrier = new CyclicBarrier(2);
                boolean delete = round % 2 == 1;
                var runs = new ArrayList<CompletableFuture<CommentPrivacy.Erased>>();
                try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (Newsroom node : List.of(nodeA, nodeB)) {
                        runs.add(CompletableFuture.supplyAsync(() -> {
                            await(barrier);
                            return node.commentPrivacy.erase(ADMIN, READER, delete);
                        }, threads));
                    }
                    int total = 0;
                    for (var run : runs) {
                        CommentPrivacy.Erased erased = run.get();
                        total += erased.anonymised() + erased.deleted();
                    }
                    assertEquals(3, total, "round " + round + ": each comment erased once, by one of them");
                }
                assertEquals(0, nodeB.commentPrivacy.export(ADMIN, READER).count());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasureRacingANewCommentFromTheAddressLeavesEachCommentWholeOneWayOrTheOther(TestDatabases db)
            throws Exception {
        Config config = db.config(dir);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            Article story = story(nodeA, "Racing");
            approve(nodeA, post(nodeA, story, "Nadia Petrova", READER, 0, "Before the race."));
            for (int round = 0; round < 8; round++) {
                clock.advance(Duration.ofSeconds(20)); // past the flood rule
                var barrier = new CyclicBarrier(2);
                int r = round;
                try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    var erase = CompletableFuture.supplyAsync(() -> {
                        await(barrier);
                        return nodeA.commentPrivacy.erase(ADMIN, READER, false);
                    }, threads);
                    var comment = CompletableFuture.supplyAsync(() -> {
                        await(barrier);
                        return post(nodeB, story, "Nadia Petrova", READER, 0, "Racing " + r);
                    }, threads);
                    erase.get();
                    Comment posted = comment.get();
                    Comment now = nodeA.comments.find(posted.id()).orElseThrow();
                    boolean erased = now.authorEmail().isEmpty();
                    assertEquals(erased ? CommentPrivacy.ANONYMOUS : "Nadia Petrova", now.authorName(),
                            "round " + r + ": name and email go together");
                    assertEquals(erased ? "" : posted.ip(), now.ip());
                    assertEquals("Racing " + r, now.body());
                }
            }
            // whatever came after the last erasure is erased by the next one, and nothing is left
            nodeB.commentPrivacy.erase(ADMIN, READER, false);
            assertEquals(0, nodeA.commentPrivacy.export(ADMIN, READER).count());
        }
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Article story(Newsroom newsroom, String title) {
        clock.advance(Duration.ofMinutes(1));
        Section section = newsroom.taxonomy.saveSection(new Section(0, "", "Sec " + title, "", null, 0));
        Author author = newsroom.authors.save(new Author(0, "", "Amina Rahimi " + title, "", null));
        return newsroom.articles.save(new ArticleDraft(0, title, "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(), null));
    }

    Comment post(Newsroom newsroom, Article story, String name, String email, long parentId, String text) {
        var comments = newsroom.comments;
        clock.advance(Duration.ofSeconds(20));
        return comments.post(new Submission(story.id(), parentId, name, email, "nadia.example.org", text, true,
                "198.51.100." + (IP.incrementAndGet() % 250), "Firefox/140", "",
                comments.tokens().issue(story.id(), clock.instant().minusSeconds(60)), null)).comment();
    }

    static Comment approve(Newsroom newsroom, Comment comment) {
        if (comment.approved()) {
            return comment;
        }
        return newsroom.moderation.act(Actor.commandLine(), comment.id(), comment.version(),
                CommentModeration.Action.APPROVE).orElseThrow();
    }
}
