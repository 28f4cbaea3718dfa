package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration.Action;
import dev.byline.comment.CommentService;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments on two nodes sharing one PostgreSQL: a comment posted on one node, or moderated there, drops the other
 * node's cached article page as soon as its change follower reads the change (read at once with {@code catchUp}
 * instead of waiting for the NOTIFY), so no reader of either node is served the page from before; comments written
 * on both nodes at once are all kept and all shown, with the right count, on both.
 */
class CommentNodesTest {

    static final Pattern COMMENT = Pattern.compile("<li id=\"comment-\\d+\"");
    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    static Byline nodeA;
    static Byline nodeB;
    static Article story;
    static String path;

    @BeforeAll
    static void start() {
        Config config = TestDatabases.POSTGRES.config(dirA);
        nodeA = Byline.start(config, clock);
        nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), false, config.zone(), config.siteName(), config.smtp()), clock);
        var services = nodeA.services();
        Section world = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
        Author author = services.authors().save(new Author(0, "", "Amina Rahimi", "", null));
        story = services.articles().save(new ArticleDraft(0, "Two nodes", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of(), null));
        path = "/2026/03/02/" + story.slug() + "/";
        services.settings().save(Actor.commandLine(), services.settings().form(Actor.commandLine())
                .with("comment_previously_approved", ""));
        nodeB.catchUp();
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void aCommentPostedOnOneNodeAndModeratedOnTheOtherIsNeverServedStale() {
        var onA = new Http(nodeA.baseUrl());
        var onB = new Http(nodeB.baseUrl());
        int before = comments(onB.get(path).body());
        assertTrue(nodeB.services().pageCache().get(path).isPresent(), "node B has the page cached");
        assertEquals(before, comments(onA.get(path).body()));

        clock.advance(Duration.ofMinutes(1));
        var reader = new AdminBrowser(nodeA.baseUrl());
        var form = CommentsHttpTest.form(new CommentsHttpTest.Site(nodeA, clock, null, null), reader, path,
                "Yuki Tanaka", "yuki@example.org", "Trade routes through Central Asia matter more than speeches.");
        var posted = reader.postRaw("/comments", form, java.util.Map.of());
        assertEquals(303, posted.statusCode(), posted.body());
        Comment comment = nodeA.services().comments().find(Long.parseLong(posted.headers().firstValue("Location")
                .orElseThrow().replaceAll(".*#comment-", ""))).orElseThrow();
        assertEquals(CommentStatus.APPROVED, comment.status());
        nodeB.catchUp();
        assertTrue(nodeB.services().pageCache().get(path).isEmpty(), "node B dropped its copy");
        String fresh = onB.get(path).body();
        assertTrue(fresh.contains("Trade routes through Central Asia"), "node B serves the comment");
        assertEquals(before + 1, comments(fresh));

        nodeB.services().moderation().act(Actor.commandLine(), comment.id(), comment.version(), Action.TRASH);
        nodeA.catchUp();
        assertFalse(onA.get(path).body().contains("Trade routes through Central Asia"), "node A no longer shows it");
        assertFalse(onB.get(path).body().contains("Trade routes through Central Asia"));
    }

    @Test
    void commentsWrittenOnBothNodesAtOnceAreAllKeptAndShownOnBoth() throws Exception {
        var onA = new Http(nodeA.baseUrl());
        var onB = new Http(nodeB.baseUrl());
        int before = comments(onA.get(path).body());
        onB.get(path);
        clock.advance(Duration.ofMinutes(1));
        var writes = new ArrayList<CompletableFuture<Comment>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 24; i++) {
                CommentService service = (i % 2 == 0 ? nodeA : nodeB).services().comments();
                int n = i;
                writes.add(CompletableFuture.supplyAsync(() -> service.post(new Submission(story.id(), 0,
                        "Reader " + n, "reader" + n + "@example.org", "", "Comment number " + n + ".", false,
                        "198.51.100." + (n + 1), "", "", service.tokens().issue(story.id(),
                        clock.instant().minusSeconds(60)), null)).comment(), pool));
            }
        }
        for (var write : writes) {
            assertEquals(CommentStatus.APPROVED, write.get().status());
        }
        nodeA.catchUp();
        nodeB.catchUp();
        for (Http node : List.of(onA, onB)) {
            String page = node.get(path).body();
            assertEquals(before + 24, comments(page));
            for (int i = 0; i < 24; i++) {
                assertTrue(page.contains("Comment number " + i + "."), "comment " + i);
            }
            assertTrue(page.contains(">" + (before + 24) + " Comments</a>"), "the count by the headline");
        }
    }

    static int comments(String page) {
        return (int) COMMENT.matcher(page).results().count();
    }
}
