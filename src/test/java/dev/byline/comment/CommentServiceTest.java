package dev.byline.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Change;
import dev.byline.change.Keys;
import dev.byline.comment.CommentModeration.Action;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Posting and moderating comments through the real services, on SQLite and PostgreSQL: every outcome of
 * {@link CommentService#post} (held, approved, spam, and each refusal) with the reason stored, the keys each write
 * announces, reply depth, closing, and who may moderate.
 */
class CommentServiceTest extends NewsroomTest {

    static final Actor EDITOR = new Actor(1, "editor@newsroom.test", Optional.of(Role.EDITOR), 0, "192.0.2.1");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Article story;
    Author author;
    CommentService comments;
    CommentModeration moderation;
    int ip;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        Section world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        author = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "", null));
        story = newsroom.articles.save(new ArticleDraft(0, "Story", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of(), null));
        comments = newsroom.comments;
        moderation = newsroom.moderation;
    }

    /** A reader's comment from a form opened a minute ago, from an address of its own (no flood between them). */
    Submission reader(String name, String email, String text) {
        String token = comments.tokens().issue(story.id(), clock.instant().minusSeconds(60));
        return new Submission(story.id(), 0, name, email, "", text, false, "198.51.100." + (++ip), "Firefox", "",
                token, null);
    }

    Submission reply(long parent, String name, String email, String text) {
        Submission s = reader(name, email, text);
        return new Submission(s.articleId(), parent, s.name(), s.email(), s.url(), s.text(), false, s.ip(),
                s.userAgent(), "", s.token(), null);
    }

    Comment approved(String name, String text) {
        Comment held = comments.post(reader(name, name.toLowerCase().replace(' ', '.') + "@example.org", text))
                .comment();
        return held.approved() ? held : moderation.act(EDITOR, held.id(), held.version(), Action.APPROVE).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aFirstCommentWaitsAndAnnouncesNothingThenTheSameCommenterIsApprovedAtOnce(TestDatabases db) {
        open(db);
        Comment first = comments.post(reader("Nadia Petrova", "Nadia@Example.org", "Exactly what I was thinking."))
                .comment();
        assertEquals(CommentStatus.PENDING, first.status());
        assertEquals("First comment from this name and email.", first.reason());
        assertEquals("nadia@example.org", first.authorEmail());
        assertEquals(Set.of(), newsroom.lastChange().keys(), "nothing readers see has changed");
        assertEquals(List.of(new Change.Entity("comment", first.id(), false, false)),
                newsroom.lastChange().entities());

        moderation.act(EDITOR, first.id(), first.version(), Action.APPROVE);
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys());
        clock.advance(Duration.ofSeconds(20));
        Comment second = comments.post(reader("Nadia Petrova", "nadia@example.org", "And another thing.")).comment();
        assertEquals(CommentStatus.APPROVED, second.status());
        assertEquals("Passed every rule.", second.reason());
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys());
        var thread = comments.thread(story.id(), 1, List.of());
        assertEquals(2, thread.approved());
        assertEquals(List.of(first.id(), second.id()), thread.comments().stream().map(Comment::id).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aHeldCommentIsInTheThreadOnlyForItsAuthor(TestDatabases db) {
        open(db);
        Comment visible = approved("Yuki Tanaka", "Trade routes matter.");
        Comment held = comments.post(reader("Sara Lindqvist", "sara@example.org", "Waiting.")).comment();
        assertEquals(List.of(visible.id()), ids(comments.thread(story.id(), 1, List.of())));
        assertEquals(List.of(visible.id(), held.id()), ids(comments.thread(story.id(), 1, List.of(held.id()))));
        assertEquals(1, comments.thread(story.id(), 1, List.of(held.id())).approved(), "the count is the public's");
        assertEquals(List.of(visible.id()), ids(comments.thread(story.id(), 1, List.of(visible.id() + 100))));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void refusalsWriteNothing(TestDatabases db) {
        open(db);
        Comment once = approved("Daniel Okafor", "Legitimacy requires responsible governance.");
        int changes = newsroom.published.size();
        // a duplicate, by name or by email
        clock.advance(Duration.ofSeconds(20));
        assertEquals(CommentService.DUPLICATE, assertThrows(Conflict.class, () -> comments.post(
                reader("Daniel Okafor", "other@example.org", once.body()))).getMessage());
        assertEquals(CommentService.DUPLICATE, assertThrows(Conflict.class, () -> comments.post(
                reader("D. O.", once.authorEmail(), once.body()))).getMessage());
        // fields, all at once
        Invalid invalid = assertThrows(Invalid.class, () -> comments.post(reader("", "nope", "")));
        assertEquals(Set.of("author", "email", "comment"), invalid.fieldErrors().keySet());
        // a forged token, a token for another article, an expired one
        Submission good = reader("Jo", "jo@example.org", "Hello");
        for (String token : List.of("", "12.34.abc", good.token() + "x",
                comments.tokens().issue(story.id() + 1, clock.instant().minusSeconds(60)),
                comments.tokens().issue(story.id(), clock.instant().minus(Duration.ofHours(25))))) {
            var refused = assertThrows(Invalid.class, () -> comments.post(new Submission(story.id(), 0, "Jo",
                    "jo@example.org", "", "Hello", false, "198.51.100.200", "", "", token, null)));
            assertTrue(refused.fieldErrors().get("form").contains("please send it again"), token);
        }
        // an article that is not published, or not there
        assertThrows(NotFound.class, () -> comments.post(new Submission(story.id() + 99, 0, "Jo", "jo@example.org",
                "", "Hi", false, "", "", "", comments.tokens().issue(story.id() + 99, clock.instant()
                .minusSeconds(60)), null)));
        // a reply to a comment that is not approved
        Comment held = comments.post(reader("Held Person", "held@example.org", "Held.")).comment();
        changes = newsroom.published.size();
        assertEquals(CommentService.UNAPPROVED_PARENT, assertThrows(Forbidden.class,
                () -> comments.post(reply(held.id(), "Jo", "jo@example.org", "Replying."))).getMessage());
        assertEquals(changes, newsroom.published.size(), "no change was written for a refusal");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theSameAddressOrEmailWithinFifteenSecondsIsRefusedWith429(TestDatabases db) {
        open(db);
        Submission first = reader("Jo", "jo@example.org", "One.");
        comments.post(first);
        clock.advance(Duration.ofSeconds(14));
        Submission sameIp = new Submission(story.id(), 0, "Kim", "kim@example.org", "", "Two.", false, first.ip(),
                "", "", comments.tokens().issue(story.id(), clock.instant().minusSeconds(30)), null);
        Throttled throttled = assertThrows(Throttled.class, () -> comments.post(sameIp));
        assertEquals(CommentService.FLOOD, throttled.getMessage());
        assertEquals(15, throttled.retryAfterSeconds());
        assertThrows(Throttled.class, () -> comments.post(reader("Jo", "jo@example.org", "Three.")),
                "the same email from another address");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(CommentStatus.PENDING, comments.post(sameIp).comment().status(), "15 s on, it is taken");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAddressEmptiesItsBucketThenGetsOneCommentPerRefill(TestDatabases db) {
        open(db);
        var limited = new CommentService(new CommentStore(newsroom.database.jdbi()), newsroom.changes,
                newsroom.settings::current, comments.tokens(), new CommentLimits(Duration.ofSeconds(15), 3,
                Duration.ofMinutes(1), Duration.ofSeconds(3)), clock);
        for (int i = 0; i < 3; i++) {
            limited.post(fromIp("203.0.113.5", "person" + i + "@example.org", "Comment " + i));
            clock.advance(Duration.ofSeconds(16));
        }
        Throttled empty = assertThrows(Throttled.class,
                () -> limited.post(fromIp("203.0.113.5", "late@example.org", "Comment 3")));
        assertTrue(empty.getMessage().startsWith("Too many comments have come from your address."),
                empty.getMessage());
        limited.post(fromIp("203.0.113.6", "other@example.org", "Another address has its own bucket"));
        clock.advance(Duration.ofSeconds(12)); // 48 s since the last comment, 60 s for a token
        assertThrows(Throttled.class, () -> limited.post(fromIp("203.0.113.5", "late@example.org", "Comment 3")));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(CommentStatus.PENDING,
                limited.post(fromIp("203.0.113.5", "late@example.org", "Comment 3")).comment().status());
    }

    Submission fromIp(String address, String email, String text) {
        return new Submission(story.id(), 0, email, email, "", text, false, address, "", "",
                comments.tokens().issue(story.id(), clock.instant().minusSeconds(60)), null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void spamIsStoredWithItsReasonAndShownToNoOne(TestDatabases db) {
        open(db);
        Submission s = reader("Bot", "bot@example.org", "Buy now");
        Comment spam = comments.post(new Submission(s.articleId(), 0, s.name(), s.email(), "", s.text(), false,
                s.ip(), "", "http://robot.example", s.token(), null)).comment();
        assertEquals(CommentStatus.SPAM, spam.status());
        assertEquals("The hidden field only robots see was filled in.", spam.reason());
        Submission quick = new Submission(story.id(), 0, "Quick", "quick@example.org", "", "Fast", false,
                "198.51.100.250", "", "", comments.tokens().issue(story.id(), clock.instant().minusSeconds(1)), null);
        assertEquals("Posted 1 s after the form was shown (the minimum is 3 s).",
                comments.post(quick).comment().reason());
        assertEquals(0, comments.thread(story.id(), 1, List.of(spam.id())).comments().size(),
                "not even its author's cookie shows spam");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void repliesNestToTheSetDepthAndThenAttachAtTheDeepestLevel(TestDatabases db) {
        open(db);
        newsroom.settings.save(Actor.commandLine(), newsroom.settings.form(Actor.commandLine())
                .with("thread_comments_depth", "3").with("comment_previously_approved", ""));
        Comment top = approved("A", "Top.");
        Comment second = comments.post(reply(top.id(), "B", "b@example.org", "Level two.")).comment();
        Comment third = comments.post(reply(second.id(), "C", "c@example.org", "Level three.")).comment();
        Comment fourth = comments.post(reply(third.id(), "D", "d@example.org", "Past the limit.")).comment();
        assertEquals(List.of(1, 2, 3, 3), List.of(top.depth(), second.depth(), third.depth(), fourth.depth()));
        assertEquals(second.id(), fourth.parentId(), "beside the comment it answers");
        assertEquals(List.of(top.id(), top.id(), top.id(), top.id()),
                List.of(top.threadId(), second.threadId(), third.threadId(), fourth.threadId()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void discussionsCloseByAgeWhenTheSettingSaysAndEachOnItsOwn(TestDatabases db) {
        open(db);
        assertTrue(comments.thread(story.id(), 1, List.of()).open());
        assertEquals(null, comments.thread(story.id(), 1, List.of()).closesAt(), "off by default");
        newsroom.settings.save(Actor.commandLine(), newsroom.settings.form(Actor.commandLine())
                .with("close_comments_days_old", "14"));
        assertEquals(story.publishedAt().plus(Duration.ofDays(14)), comments.thread(story.id(), 1, List.of())
                .closesAt());
        clock.advance(Duration.ofDays(14));
        assertFalse(comments.thread(story.id(), 1, List.of()).open());
        assertEquals(CommentService.CLOSED, assertThrows(Forbidden.class,
                () -> comments.post(reader("Jo", "jo@example.org", "Late."))).getMessage());
        newsroom.settings.save(Actor.commandLine(), newsroom.settings.form(Actor.commandLine())
                .with("close_comments_days_old", "0"));
        assertTrue(comments.thread(story.id(), 1, List.of()).open());

        moderation.close(EDITOR, story.id(), true);
        assertEquals(Set.of(Keys.comments(story.id())), newsroom.lastChange().keys());
        assertFalse(comments.thread(story.id(), 1, List.of()).open());
        assertThrows(Forbidden.class, () -> comments.post(reader("Jo", "jo@example.org", "Closed.")));
        moderation.close(EDITOR, story.id(), false);
        assertTrue(comments.thread(story.id(), 1, List.of()).open());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachModerationAnnouncesTheArticlesCommentsExactlyWhenReadersCouldSeeTheComment(TestDatabases db) {
        open(db);
        Comment held = comments.post(reader("Jo", "jo@example.org", "Held one.")).comment();
        Comment c = moderation.act(EDITOR, held.id(), held.version(), Action.TRASH).orElseThrow();
        assertEquals(Set.of(), newsroom.lastChange().keys(), "never public: no page changes");
        c = moderation.act(EDITOR, c.id(), c.version(), Action.RESTORE).orElseThrow();
        assertEquals(CommentStatus.PENDING, c.status(), "back where it was");
        c = moderation.act(EDITOR, c.id(), c.version(), Action.APPROVE).orElseThrow();
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys());
        assertEquals("Approved by editor@newsroom.test.", c.reason());
        c = moderation.edit(EDITOR, c.id(), c.version(), "Jo", "jo@example.org", "", "Edited <em>text</em>.");
        assertEquals("<p>Edited <em>text</em>.</p>", c.bodyHtml());
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys());
        long stale = c.version() - 1;
        Comment now = c;
        assertThrows(Conflict.class, () -> moderation.act(EDITOR, now.id(), stale, Action.SPAM));
        c = moderation.act(EDITOR, c.id(), c.version(), Action.TRASH).orElseThrow();
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys());
        c = moderation.act(EDITOR, c.id(), c.version(), Action.RESTORE).orElseThrow();
        assertEquals(CommentStatus.APPROVED, c.status());
        c = moderation.act(EDITOR, c.id(), c.version(), Action.SPAM).orElseThrow();
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys());
        assertEquals(List.of(new Change.Entity("comment", c.id(), true, false)), newsroom.lastChange().entities());
        assertEquals(Optional.empty(), moderation.act(EDITOR, c.id(), c.version(), Action.DELETE));
        assertEquals(Set.of(), newsroom.lastChange().keys());
        assertTrue(comments.find(c.id()).isEmpty());
        Comment approved = approved("Kim", "Approved.");
        assertThrows(Forbidden.class, () -> moderation.act(EDITOR, approved.id(), approved.version(), Action.DELETE),
                "only spam and trash are deleted for good");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void editorsModerateEveryArticleAuthorsTheirOwnContributorsNone(TestDatabases db) {
        open(db);
        Comment held = comments.post(reader("Jo", "jo@example.org", "Held.")).comment();
        var own = new Actor(7, "amina@newsroom.test", Optional.of(Role.AUTHOR), author.id(), "");
        var otherAuthor = new Actor(8, "other@newsroom.test", Optional.of(Role.AUTHOR), author.id() + 50, "");
        var contributor = new Actor(9, "c@newsroom.test", Optional.of(Role.CONTRIBUTOR), author.id(), "");
        for (Actor actor : List.of(otherAuthor, contributor, Actor.visitor("192.0.2.3"))) {
            assertThrows(Forbidden.class, () -> moderation.act(actor, held.id(), held.version(), Action.APPROVE));
            assertThrows(Forbidden.class, () -> moderation.edit(actor, held.id(), held.version(), "X",
                    "x@example.org", "", "Changed."));
            assertThrows(Forbidden.class, () -> moderation.close(actor, story.id(), true));
        }
        assertEquals(CommentStatus.APPROVED,
                moderation.act(own, held.id(), held.version(), Action.APPROVE).orElseThrow().status());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void staffCommentAsThemselvesAndTheArticlesModeratorsAreApprovedAtOnce(TestDatabases db) {
        open(db);
        var accounts = newsroom.accounts.service();
        var editor = accounts.add(Actor.commandLine(), new dev.byline.account.AccountService.NewUser(
                "ed@newsroom.test", "Edith Editor", "editor"), "lantern orchard cobalt 1987");
        Comment comment = comments.post(new Submission(story.id(), 0, "ignored", "ignored", "http://x.test",
                "Thanks for reading.", false, "192.0.2.50", "", "", null,
                new Submission.Staff(Actor.of(editor, "192.0.2.50"), "Edith Editor", editor.email()))).comment();
        assertEquals(CommentStatus.APPROVED, comment.status());
        assertEquals("Staff: may moderate this article.", comment.reason());
        assertEquals(editor.id(), comment.userId());
        assertEquals("Edith Editor", comment.authorName());
        assertEquals("", comment.authorUrl());
        // an author on someone else's article comments as a reader would be judged: a first comment waits
        var other = accounts.add(Actor.commandLine(), new dev.byline.account.AccountService.NewUser(
                "au@newsroom.test", "Arno Author", "author"), "lantern orchard cobalt 1987");
        Comment held = comments.post(new Submission(story.id(), 0, "", "", "", "A question.", false, "192.0.2.51",
                "", "", null, new Submission.Staff(Actor.of(other, "192.0.2.51"), "Arno Author", other.email())))
                .comment();
        assertEquals(CommentStatus.PENDING, held.status());
        assertEquals(other.id(), held.userId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void addressesAreForgottenAfterTheRetentionPeriod(TestDatabases db) {
        open(db);
        Comment old = comments.post(reader("Jo", "jo@example.org", "Old.")).comment();
        clock.advance(Duration.ofDays(29));
        Comment recent = comments.post(reader("Kim", "kim@example.org", "Recent.")).comment();
        clock.advance(Duration.ofDays(2));
        assertEquals(1, comments.sweep(), "30 days by default");
        assertEquals("", comments.find(old.id()).orElseThrow().ip());
        assertEquals(recent.ip(), comments.find(recent.id()).orElseThrow().ip());
        assertEquals(0, comments.sweep(), "a second sweep finds nothing");
    }

    static List<Long> ids(CommentService.Thread thread) {
        return thread.comments().stream().map(Comment::id).toList();
    }

    /** The form's token as the cached page carries it: how long the form was open is unknown, so it waits. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentSentWithThePagesOwnTokenWaitsForAModerator(TestDatabases db) {
        open(db);
        Comment known = approved("Nadia Petrova", "First words.");
        clock.advance(Duration.ofSeconds(20));
        Submission fresh = reader("Nadia Petrova", "nadia.petrova@example.org", "Sent at once with the page's token.");
        Comment sent = comments.post(new Submission(story.id(), 0, fresh.name(), fresh.email(), "", fresh.text(),
                false, fresh.ip(), "curl", "", comments.tokens().issueForPage(story.id()), null)).comment();
        assertEquals(CommentStatus.PENDING, sent.status(), "previously approved, but the time open is unknown");
        assertEquals(CommentService.PAGE_FORM, sent.reason());
        assertTrue(known.approved());
        String forgedFresh = comments.tokens().issueForPage(story.id()).replaceFirst("\\.[^.]+$", ".x");
        assertThrows(Invalid.class, () -> comments.post(new Submission(story.id(), 0, "Kim", "kim@example.org", "",
                "Hi.", false, "198.51.100.250", "curl", "", forgedFresh, null)));
    }

    /**
     * Deleting a comment for good: its replies rise a level and stay in the thread (a reply to a top-level comment
     * heads its own thread), the count is what readers see, and the page is announced when replies come to light.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deletingACommentForGoodKeepsItsRepliesAndTheCountIsWhatReadersSee(TestDatabases db) {
        open(db);
        Comment top = approved("Dana Top", "Top.");
        clock.advance(Duration.ofSeconds(20));
        Comment reply = moderation.act(EDITOR, comments.post(reply(top.id(), "Eli Reply", "eli@example.org",
                "A reply.")).comment().id(), 1, Action.APPROVE).orElseThrow();
        clock.advance(Duration.ofSeconds(20));
        Comment deeper = moderation.act(EDITOR, comments.post(reply(reply.id(), "Fay Deeper", "fay@example.org",
                "Deeper.")).comment().id(), 1, Action.APPROVE).orElseThrow();
        assertEquals(3, comments.thread(story.id(), 1, List.of()).approved());

        Comment trashed = moderation.act(EDITOR, top.id(), comments.find(top.id()).orElseThrow().version(),
                Action.TRASH).orElseThrow();
        var hidden = comments.thread(story.id(), 1, List.of());
        assertEquals(List.of(), ids(hidden), "its replies go with it from the page");
        assertEquals(0, hidden.approved(), "and from the count by the headline");

        moderation.act(EDITOR, trashed.id(), trashed.version(), Action.DELETE);
        assertEquals(Set.of(Keys.comments(story.id()), Keys.ALL_COMMENTS), newsroom.lastChange().keys(), "replies came to light");
        var after = comments.thread(story.id(), 1, List.of());
        assertEquals(List.of(reply.id(), deeper.id()), ids(after));
        assertEquals(2, after.approved());
        Comment risen = comments.find(reply.id()).orElseThrow();
        assertEquals(List.of(0L, reply.id(), 1), List.of(risen.parentId(), risen.threadId(), risen.depth()));
        Comment below = comments.find(deeper.id()).orElseThrow();
        assertEquals(List.of(reply.id(), reply.id(), 2), List.of(below.parentId(), below.threadId(), below.depth()));
    }

    /** WordPress's duplicate check includes the comment replied to: "Thanks!" under two comments is no duplicate. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theSameShortReplyUnderTwoCommentsIsNoDuplicate(TestDatabases db) {
        open(db);
        Comment one = approved("Dana Top", "One.");
        Comment two = approved("Eli Top", "Two.");
        clock.advance(Duration.ofSeconds(20));
        comments.post(reply(one.id(), "Kim Lee", "kim@example.org", "Thanks!"));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(two.id(), comments.post(reply(two.id(), "Kim Lee", "kim@example.org", "Thanks!")).comment()
                .parentId());
        clock.advance(Duration.ofSeconds(20));
        assertThrows(Conflict.class, () -> comments.post(reply(two.id(), "Kim Lee", "kim@example.org", "Thanks!")));
    }

    @org.junit.jupiter.api.Test
    void anIpv6AddressIsLimitedByItsSlash64() {
        assertEquals("2001:db8:1:2::/64", CommentService.throttleKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", CommentService.throttleKey("2001:db8:1:2::1"));
        assertEquals("198.51.100.7", CommentService.throttleKey("198.51.100.7"));
        assertEquals("not an address", CommentService.throttleKey("not an address"));
    }
}
