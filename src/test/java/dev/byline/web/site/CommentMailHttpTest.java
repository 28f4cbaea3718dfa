package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration.Action;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.support.Http;
import dev.byline.support.MailServer;
import dev.byline.support.MutableClock;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mail comments send, through the durable outbox to an in-process SMTP server, on both databases: moderators
 * and the article's author hear of a held comment, the author of an approved one, a commenter who asked of a
 * reply, with a link that unsubscribes in one click (then no more mail), and nobody of their own comment.
 */
class CommentMailHttpTest {

    @TempDir
    Path dir;
    MailServer server;
    Byline site;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    int ip;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
        server.stop();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void heldApprovedAndFollowUpMailWithAOneClickUnsubscribe(TestDatabases db) throws Exception {
        server = MailServer.start();
        site = Byline.start(db.config(dir).withSmtp(server.smtp()), clock);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR, "Amina Rahimi", "amina@newsroom.test");
        User editor = staff.add(Role.EDITOR, "Edith Editor", "edith@newsroom.test");
        var services = site.services();
        Section world = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
        Article story = services.articles().save(new ArticleDraft(0, "Mail story", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.authorId()), List.of(), null));
        services.mail().deliverDue(); // the accounts' own mail, if any, out of the way
        int before = server.messages().size();

        Comment held = post(story, 0, "Nadia Petrova", "nadia@example.org", "Tell me when someone answers.", true);
        assertEquals(CommentStatus.PENDING, held.status());
        services.mail().deliverDue();
        var waiting = subject(server.await(before + 2, Duration.ofSeconds(10)),
                "A comment waits for moderation on “Mail story”");
        assertEquals(Set.of("amina@newsroom.test", "edith@newsroom.test"), recipients(waiting));
        for (MimeMessage message : waiting) {
            assertTrue(MailServer.body(message).contains("/admin/comments/" + held.id()));
        }

        services.moderation().act(Staff.actor(editor), held.id(), held.version(), Action.APPROVE);
        services.mail().deliverDue();
        var approved = subject(server.await(before + 3, Duration.ofSeconds(10)), "New comment on “Mail story”");
        assertEquals(Set.of("amina@newsroom.test"), recipients(approved));
        assertTrue(MailServer.body(approved.getFirst()).contains("Tell me when someone answers."));

        services.settings().save(Actor.commandLine(), services.settings().form(Actor.commandLine())
                .with("comment_previously_approved", ""));
        post(story, held.id(), "Yuki Tanaka", "yuki@example.org", "Here is an answer.", false);
        services.mail().deliverDue();
        var all = server.await(before + 5, Duration.ofSeconds(10));
        assertEquals(2, subject(all, "New comment on “Mail story”").size(), "the author, again");
        var followUps = subject(all, "New reply to your comment on “Mail story”");
        assertEquals(Set.of("nadia@example.org"), recipients(followUps));
        MimeMessage followUp = followUps.getFirst();
        String body = MailServer.body(followUp);
        assertTrue(body.contains("Here is an answer."));
        var found = java.util.regex.Pattern.compile("https?://\\S+/comments/unsubscribe\\?\\S+").matcher(body);
        assertTrue(found.find(), body);
        String link = found.group();
        String path = link.substring(site.baseUrl().length());

        var http = new Http(site.baseUrl());
        assertEquals(400, http.get(path.replaceAll("s=[^&]+", "s=forged")).statusCode());
        var unsubscribed = http.get(path);
        assertEquals(200, unsubscribed.statusCode());
        assertTrue(unsubscribed.body().contains("You will get no more emails about replies"));
        assertEquals(200, http.get(path).statusCode(), "twice is the same as once");
        assertFalse(services.comments().find(held.id()).orElseThrow().followUps());

        post(story, held.id(), "Kim Lee", "kim@example.org", "Another answer.", false);
        services.mail().deliverDue();
        var last = server.await(before + 6, Duration.ofSeconds(10));
        assertEquals(before + 6, last.size(), "only the author is told this time");
        assertEquals(3, subject(last, "New comment on “Mail story”").size());
        assertEquals(1, subject(last, "New reply to your comment on “Mail story”").size());
    }

    /**
     * Mail goes once: approving a comment again after unapproving it mails no one again. A reply past the deepest
     * level is stored beside the comment it answers, and the follow-up still goes to the person answered.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void approvalMailGoesOnceAndAFollowUpPastTheDeepestLevelReachesThePersonAnswered(TestDatabases db)
            throws Exception {
        server = MailServer.start();
        site = Byline.start(db.config(dir).withSmtp(server.smtp()), clock);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR, "Amina Rahimi", "amina@newsroom.test");
        User editor = staff.add(Role.EDITOR, "Edith Editor", "edith@newsroom.test");
        var services = site.services();
        services.settings().save(Actor.commandLine(), services.settings().form(Actor.commandLine())
                .with("comment_previously_approved", "").with("thread_comments_depth", "2"));
        Section world = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
        Article story = services.articles().save(new ArticleDraft(0, "Deep story", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.authorId()), List.of(), null));
        services.mail().deliverDue();
        int before = server.messages().size();

        Comment top = post(story, 0, "Dana Top", "dana@example.org", "Top.", true);
        Comment second = post(story, top.id(), "Eli Second", "eli@example.org", "Second level.", true);
        assertEquals(2, second.depth());
        Comment third = post(story, second.id(), "Fay Third", "fay@example.org", "Answering Eli.", false);
        assertEquals(2, third.depth(), "past the deepest level: beside the comment it answers");
        assertEquals(top.id(), third.parentId());
        services.mail().deliverDue();
        var mails = server.await(before + 5, Duration.ofSeconds(10));
        var followUps = subject(mails, "New reply to your comment on “Deep story”");
        assertEquals(List.of("dana@example.org", "eli@example.org"), followUps.stream().map(message -> {
            try {
                return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
                        .getAddress();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList(), "Eli, who was answered, not Dana, whose comment holds the reply");
        assertEquals(3, subject(mails, "New comment on “Deep story”").size(), "the author, once per comment");

        Comment current = services.comments().find(third.id()).orElseThrow();
        current = services.moderation().act(Staff.actor(editor), current.id(), current.version(), Action.UNAPPROVE)
                .orElseThrow();
        services.moderation().act(Staff.actor(editor), current.id(), current.version(), Action.APPROVE);
        assertEquals(0, services.mail().deliverDue(), "approved again: nothing queued, no one is mailed twice");
        assertEquals(before + 5, server.messages().size());
    }

    Comment post(Article story, long parent, String name, String email, String text, boolean followUps) {
        clock.advance(Duration.ofSeconds(20));
        var comments = site.services().comments();
        return comments.post(new Submission(story.id(), parent, name, email, "", text, followUps,
                "198.51.100." + (++ip), "", "", comments.tokens().issue(story.id(), clock.instant().minusSeconds(60)),
                null)).comment();
    }

    static List<MimeMessage> subject(List<MimeMessage> messages, String subject) {
        return messages.stream().filter(message -> {
            try {
                return subject.equals(message.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static Set<String> recipients(List<MimeMessage> messages) {
        return messages.stream().flatMap(message -> {
            try {
                return java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress()).collect(Collectors.toSet());
    }
}
