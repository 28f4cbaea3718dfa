package dev.byline.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.account.AccountService;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.NoteKind;
import dev.byline.article.Placement;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.Submission;
import dev.byline.config.Config;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webhooks on both databases, with a real receiver on a port: the events each write makes (the table in
 * {@link WebhookEvents}), queued in the write's transaction (a refused write queues nothing), signed, sent once,
 * retried after a failure, given up after a day, sent after a restart, and sent once by two nodes racing.
 */
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IP = "198.51.100.20";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final List<Newsroom> rooms = new ArrayList<>();
    private Receiver receiver;

    @BeforeEach
    void receive() {
        receiver = new Receiver();
    }

    @AfterEach
    void close() {
        rooms.forEach(Newsroom::close);
        receiver.close();
    }

    private Newsroom open(Config config) {
        var room = new Newsroom(config, clock);
        rooms.add(room);
        return room;
    }

    private static Actor editor(Newsroom room) {
        User user = room.accounts.service().add(Actor.commandLine(), new AccountService.NewUser(
                "ed" + System.nanoTime() + "@example.org", "Ed Itor", Role.EDITOR.key()), "lantern orchard cobalt 1987");
        return Actor.of(user, IP);
    }

    private static Article draft(Newsroom room, Actor actor, String title) {
        Article any = room.articles.findBySlug("girls-schooling-ban-enters-its-fifth-year").orElseThrow();
        return room.desk.save(actor, new ArticleDraft(0, title, "A dek.", "", "The body.", "", null,
                ArticleStatus.DRAFT, any.sectionId(), any.authorIds(), List.of("Weather"), null));
    }

    private static Article saved(Newsroom room, Actor actor, Article article, ArticleStatus status, String body) {
        return room.desk.save(actor, new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), body,
                "", null, status, article.sectionId(), article.authorIds(), List.of("Weather"), null,
                article.version()));
    }

    private Comment comment(Newsroom room, long articleId, String email, String text) {
        return room.comments.post(new Submission(articleId, 0, "Mina Rahimi", email, "", text, false, IP, "Firefox",
                "", room.comments.tokens().issue(articleId, clock.instant().minusSeconds(60)), null)).comment();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachWriteSendsTheEventsOfTheTableSignedAndWithoutAnyEmail(TestDatabases db) throws Exception {
        Newsroom room = open(db.config(dir).withDemo(true));
        room.demo.loadIfEmpty();
        Actor admin = editor(room);
        Actor boss = Actor.commandLine();
        Webhook hook = room.webhooks.add(boss, receiver.url(), WebhookEvent.ALL);
        assertTrue(hook.secret().startsWith("whsec_") && hook.secret().length() > 40);

        Article story = draft(room, admin, "Ferries run again");                       // draft: nothing
        story = saved(room, admin, story, ArticleStatus.PUBLISHED, "The body.");       // published
        story = saved(room, admin, story, ArticleStatus.PUBLISHED, "A better body.");   // updated
        story = room.desk.addNote(admin, story.id(), NoteKind.CORRECTION, "It was Tuesday.", Placement.TOP); // updated
        story = saved(room, admin, story, ArticleStatus.DRAFT, "A better body.");       // unpublished
        story = saved(room, admin, story, ArticleStatus.DRAFT, "Draft again.");         // nothing
        story = saved(room, admin, story, ArticleStatus.PUBLISHED, "Draft again.");     // published
        Comment held = comment(room, story.id(), "mina@example.org", "A first comment."); // created (held)
        room.moderation.act(admin, held.id(), held.version(), CommentModeration.Action.APPROVE); // approved
        clock.advance(Duration.ofMinutes(2));
        comment(room, story.id(), "mina@example.org", "A second one, approved at once."); // created + approved
        room.desk.trash(admin, story.id(), story.version());                             // deleted

        assertEquals(10, room.webhooks.deliverDue());
        assertEquals(List.of("article.published", "article.updated", "article.updated", "article.unpublished",
                "article.published", "comment.created", "comment.approved", "comment.created", "comment.approved",
                "article.deleted"), receiver.events());
        for (Receiver.Received request : receiver.received()) {
            Map<String, String> signature = Receiver.signature(request);
            assertEquals(String.valueOf(clock.millis() / 1000), signature.get("t"));
            assertEquals(Signatures.hmac(hook.secret(), signature.get("t") + "." + request.body()), signature.get("v1"),
                    "the receiver can check it with the secret");
            assertTrue(request.contentType().startsWith("application/json"));
            assertFalse(request.body().contains("mina@example.org"), "no commenter's email: " + request.body());
            assertFalse(request.body().contains(IP), "no IP address: " + request.body());
            JsonNode body = JSON.readTree(request.body());
            assertEquals(request.event(), body.get("event").asText());
        }
        JsonNode published = JSON.readTree(receiver.received().getFirst().body());
        assertEquals(story.id(), published.at("/data/id").asLong());
        assertEquals("Ferries run again", published.at("/data/title").asText());
        assertTrue(published.at("/data/url").asText().startsWith("http") && published.at("/data/url").asText()
                .endsWith("/" + story.slug() + "/"), published.toString());
        JsonNode created = JSON.readTree(receiver.received().get(5).body());
        assertEquals("pending", created.at("/data/status").asText());
        assertEquals("Mina Rahimi", created.at("/data/author_name").asText());
        assertEquals("A first comment.", created.at("/data/content").asText());
        JsonNode deleted = JSON.readTree(receiver.received().get(9).body());
        assertEquals("trash", deleted.at("/data/status").asText());

        // the log says delivered, with the receiver's answer
        List<Webhooks.Delivery> log = room.webhooks.log(boss, hook.id());
        assertEquals(10, log.size());
        assertTrue(log.stream().allMatch(d -> d.status().equals("delivered") && d.lastStatus() == 204
                && d.attempts() == 1), log.toString());
        assertEquals(0, room.webhooks.deliverDue(), "nothing twice");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aWebhookGetsOnlyItsEventsNothingWhilePausedAndARefusedWriteQueuesNothing(TestDatabases db) {
        Newsroom room = open(db.config(dir).withDemo(true));
        room.demo.loadIfEmpty();
        Actor admin = editor(room);
        Webhook comments = room.webhooks.add(Actor.commandLine(), receiver.url(), List.of(WebhookEvent.COMMENT_CREATED));
        Article story = saved(room, admin, draft(room, admin, "Quiet"), ArticleStatus.PUBLISHED, "Body.");
        comment(room, story.id(), "reader@example.org", "Hello.");
        Article stale = story;
        saved(room, admin, story, ArticleStatus.PUBLISHED, "Edited first.");
        assertThrows(Conflict.class, () -> saved(room, admin, stale, ArticleStatus.PUBLISHED, "Edited second."));
        assertEquals(1, room.webhooks.deliverDue());
        assertEquals(List.of("comment.created"), receiver.events());

        room.webhooks.update(Actor.commandLine(), comments.id(), receiver.url(), List.of(WebhookEvent.COMMENT_CREATED),
                false);
        clock.advance(Duration.ofMinutes(1));
        comment(room, story.id(), "other@example.org", "Paused.");
        assertEquals(0, room.webhooks.deliverDue(), "paused: nothing queued");
        room.webhooks.sendTest(Actor.commandLine(), comments.id());
        assertEquals(1, room.webhooks.deliverDue(), "but the test goes");
        assertEquals(List.of("comment.created", "ping"), receiver.events());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aFailedDeliveryIsRetriedWithBackOffThenGivenUpAfterADay(TestDatabases db) {
        Newsroom room = open(db.config(dir));
        Webhook hook = room.webhooks.add(Actor.commandLine(), receiver.url(), List.of(WebhookEvent.ARTICLE_PUBLISHED));
        receiver.answer(500, 302);
        room.webhooks.sendTest(Actor.commandLine(), hook.id());
        assertEquals(0, room.webhooks.deliverDue());
        Webhooks.Delivery first = room.webhooks.log(Actor.commandLine(), hook.id()).getFirst();
        assertEquals("waiting", first.status());
        assertEquals(500, first.lastStatus());
        assertEquals("The receiver answered 500.", first.lastError());
        assertEquals(clock.instant().plusSeconds(30), first.nextAttempt());
        assertEquals(0, room.webhooks.deliverDue(), "not before its time");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, room.webhooks.deliverDue());
        Webhooks.Delivery second = room.webhooks.log(Actor.commandLine(), hook.id()).getFirst();
        assertTrue(second.lastError().contains("a redirect"), second.lastError());
        assertEquals(clock.instant().plusSeconds(60), second.nextAttempt(), "the wait doubles");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, room.webhooks.deliverDue());
        assertEquals("delivered", room.webhooks.log(Actor.commandLine(), hook.id()).getFirst().status());
        assertEquals(3, receiver.received().size());

        // an address that never answers is given up after 24 hours
        room.webhooks.update(Actor.commandLine(), hook.id(), "http://127.0.0.1:1/nobody",
                List.of(WebhookEvent.ARTICLE_PUBLISHED), true);
        room.webhooks.sendTest(Actor.commandLine(), hook.id());
        for (int hour = 0; hour <= 25 && room.webhooks.log(Actor.commandLine(), hook.id()).getFirst().status()
                .equals("waiting"); hour++) {
            room.webhooks.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        Webhooks.Delivery abandoned = room.webhooks.log(Actor.commandLine(), hook.id()).getFirst();
        assertEquals("given-up", abandoned.status());
        assertTrue(abandoned.lastError().startsWith("Could not reach the receiver"), abandoned.lastError());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDeliveryQueuedBeforeAStopIsSentAfterTheRestart(TestDatabases db) {
        Config config = db.config(dir).withDemo(true);
        Newsroom before = open(config);
        before.demo.loadIfEmpty();
        Actor admin = editor(before);
        before.webhooks.add(Actor.commandLine(), receiver.url(), List.of(WebhookEvent.ARTICLE_PUBLISHED));
        saved(before, admin, draft(before, admin, "Before the stop"), ArticleStatus.PUBLISHED, "Body.");
        before.close();
        rooms.remove(before);
        assertEquals(List.of(), receiver.events(), "the node stopped before sending");

        Newsroom after = open(config);
        assertEquals(1, after.webhooks.deliverDue());
        assertEquals(List.of("article.published"), receiver.events());
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.class, names = "POSTGRES")
    void twoNodesSendingAtOnceSendEachDeliveryOnce(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        Newsroom a = open(config);
        Newsroom b = open(config);
        Webhook hook = a.webhooks.add(Actor.commandLine(), receiver.url(), List.of(WebhookEvent.ARTICLE_PUBLISHED));
        for (int i = 0; i < 40; i++) {
            (i % 2 == 0 ? a : b).webhooks.sendTest(Actor.commandLine(), hook.id());
        }
        var start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (Newsroom node : List.of(a, b)) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return node.webhooks.deliverDue();
                }));
            }
            start.countDown();
            assertEquals(40, sent.get(0).get() + sent.get(1).get());
        }
        List<String> deliveries = receiver.received().stream().map(Receiver.Received::delivery).toList();
        assertEquals(40, deliveries.size(), "each once");
        assertEquals(40, new HashSet<>(deliveries).size());
    }

    /** An address or events as typed, and what the form says. */
    record Refused(String url, List<String> events, Map<String, String> says) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAdministratorsManageWebhooksAndBadAddressesAreRefusedAtTheField(TestDatabases db) {
        Newsroom room = open(db.config(dir));
        Actor editor = editor(room);
        assertThrows(Forbidden.class, () -> room.webhooks.add(editor, receiver.url(), WebhookEvent.ALL));
        assertThrows(Forbidden.class, () -> room.webhooks.list(editor));
        var all = WebhookEvent.ALL;
        var cases = List.of(
                new Refused("", all, Map.of("url", "Enter the address to send to, such as "
                        + "https://example.org/hooks/byline.")),
                new Refused("ftp://example.org/x", all, Map.of("url", "The address must start with https:// (or "
                        + "http://).")),
                new Refused("https:///nohost", all, Map.of("url", "The address has no host name.")),
                new Refused("https://user:pw@example.org/x", all, Map.of("url", "Leave the user name and password "
                        + "out of the address: deliveries are signed instead.")),
                new Refused("https://example.org/a b", all, Map.of("url", "The address has a space or a control "
                        + "character in it.")),
                new Refused("https://example.org/x#top", all, Map.of("url", "Leave the #fragment out of the address.")),
                new Refused("https://example.org/" + "x".repeat(2_000), all, Map.of("url", "The address is 2020 "
                        + "characters long; 2000 at most.")),
                new Refused("https://example.org/x", List.of(), Map.of("events", "Choose at least one event to send.")),
                new Refused("https://example.org/x", List.of("article.published", "article.exploded"), Map.of("events",
                        "Choose among the events listed.")));
        for (Refused refused : cases) {
            Invalid invalid = assertThrows(Invalid.class, () -> room.webhooks.add(Actor.commandLine(), refused.url(),
                    refused.events()), refused.url());
            assertEquals(refused.says(), invalid.fieldErrors(), refused.url());
        }
        assertEquals(List.of(), room.webhooks.list(Actor.commandLine()));
    }
}
