package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /admin/comments over real HTTP on both databases: the queue with each comment's reason and history and the
 * count in the navigation, a button and a bulk action changing the public page at once, edit (422, 409), reply,
 * closing one article's discussion, CSRF, and who may moderate what (editors everything, authors their own
 * articles' comments, contributors nothing).
 */
class CommentsAdminHttpTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    static final AdminSites SITES = new AdminSites(CLOCK);
    static final AtomicInteger IP = new AtomicInteger();

    @AfterAll
    static void stop() {
        SITES.close();
    }

    record Story(Article article, String path) {
    }

    static Story story(Byline site, long authorId, String title) {
        var services = site.services();
        CLOCK.advance(Duration.ofMinutes(1));
        Section section = services.taxonomy().saveSection(new Section(0, "", "Sec " + title, "", null, 0));
        Article article = services.articles().save(new ArticleDraft(0, title, "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, section.id(), List.of(authorId), List.of(), null));
        return new Story(article, "/" + article.publishedAt().toString().substring(0, 10).replace('-', '/') + "/"
                + article.slug() + "/");
    }

    static Comment held(Byline site, Story story, String name, String text) {
        var comments = site.services().comments();
        Comment comment = comments.post(new Submission(story.article().id(), 0, name,
                name.toLowerCase().replace(' ', '.') + "@example.org", "", text, false,
                "198.51.100." + IP.incrementAndGet(), "Firefox", "", comments.tokens().issue(story.article().id(),
                CLOCK.instant().minusSeconds(60)), null)).comment();
        assertEquals(CommentStatus.PENDING, comment.status());
        return comment;
    }

    static Map<String, String> button(Comment comment, String action) {
        var form = new LinkedHashMap<String, String>();
        form.put("action", action);
        form.put("version-" + comment.id(), String.valueOf(comment.version()));
        form.put("return_to", "/admin/comments?status=pending");
        return form;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEditorSeesWhyEachCommentWaitsAndApprovingShowsItToReadersAtOnce(TestDatabases db) {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        User author = staff.add(Role.AUTHOR);
        Story story = story(site, author.authorId(), "Queue one");
        Comment comment = held(site, story, "Nadia Petrova", "Exactly what I was thinking.");
        var reader = new Http(site.baseUrl());
        assertFalse(reader.get(story.path()).body().contains("Exactly what I was thinking."));
        assertTrue(site.services().pageCache().get(story.path()).isPresent());

        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        String queue = editor.get("/admin/comments").body();
        assertTrue(queue.contains("Exactly what I was thinking."));
        assertTrue(queue.contains("First comment from this name and email."), "the reason it waits");
        assertTrue(queue.contains("nadia.petrova@example.org"), "moderators see the email");
        assertTrue(queue.matches("(?s).*<a href=\"/admin/comments\"[^>]*>Comments \\(\\d+ waiting\\)</a>.*"),
                () -> queue.substring(queue.indexOf("admin-nav"), queue.indexOf("admin-nav") + 900));
        HttpResponse<String> approved = editor.post("/admin/comments/" + comment.id() + "/moderate",
                button(comment, "approve"));
        assertEquals(302, approved.statusCode(), approved.body());
        assertEquals("/admin/comments?status=pending", approved.headers().firstValue("Location").orElseThrow());
        assertTrue(site.services().pageCache().get(story.path()).isEmpty(), "the article's cached page dropped");
        assertTrue(reader.get(story.path()).body().contains("Exactly what I was thinking."));
        assertTrue(editor.get("/admin/comments?status=approved").body().contains("Approved by "));

        // the per-article view, and closing its discussion
        String perArticle = editor.get("/admin/comments?article=" + story.article().id() + "&status=approved")
                .body();
        assertTrue(perArticle.contains("Comments on “Queue one”"));
        assertEquals(302, editor.post("/admin/comments/article/" + story.article().id() + "/close",
                Map.of("closed", "on")).statusCode());
        assertTrue(reader.get(story.path()).body().contains("Comments are closed."));
        assertEquals(302, editor.post("/admin/comments/article/" + story.article().id() + "/close",
                Map.of("closed", "off")).statusCode());
        assertTrue(reader.get(story.path()).body().contains("id=\"commentform\""));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void bulkActionsTakeEachTickedCommentOnItsOwn(TestDatabases db) {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        Story story = story(site, staff.add(Role.AUTHOR).authorId(), "Bulk");
        var held = new ArrayList<Comment>();
        for (int i = 0; i < 3; i++) {
            held.add(held(site, story, "Spammer " + i, "Cheap offer number " + i));
        }
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        editor.get("/admin/comments");
        var pairs = new ArrayList<Map.Entry<String, String>>();
        pairs.add(Map.entry("bulk_action", "spam"));
        pairs.add(Map.entry("return_to", "/admin/comments"));
        for (Comment comment : held) {
            pairs.add(Map.entry("ids", String.valueOf(comment.id())));
            pairs.add(Map.entry("version-" + comment.id(), String.valueOf(comment.version())));
        }
        // the first one was changed by someone else meanwhile: refused by its version, the others done
        Comment first = held.getFirst();
        site.services().moderation().act(dev.byline.account.Actor.commandLine(), first.id(), first.version(),
                dev.byline.comment.CommentModeration.Action.TRASH);
        HttpResponse<String> done = editor.postPairs("/admin/comments/bulk", pairs);
        assertEquals(302, done.statusCode(), done.body());
        String flash = editor.follow(done).body();
        assertTrue(flash.contains("2 comments marked as spam."), flash);
        assertTrue(flash.contains("Not done: comment " + first.id() + ": Someone changed this comment"));
        for (Comment comment : held.subList(1, 3)) {
            assertEquals(CommentStatus.SPAM, site.services().comments().find(comment.id()).orElseThrow().status());
        }
        assertTrue(editor.get("/admin/comments?status=spam").body().contains("Marked as spam by "));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void editAndReplyFromTheQueue(TestDatabases db) {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        Story story = story(site, staff.add(Role.AUTHOR).authorId(), "Edit and reply");
        Comment comment = held(site, story, "Sara Lindqvist", "Lavrov said the same thing.");
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        String page = editor.get("/admin/comments/" + comment.id()).body();
        assertTrue(page.contains(">Lavrov said the same thing.</textarea>"), page);
        var form = new LinkedHashMap<String, String>(Map.of("author", "Sara Lindqvist", "email",
                "sara.lindqvist@example.org", "url", "", "comment", "", "version", String.valueOf(comment.version())));
        HttpResponse<String> empty = editor.post("/admin/comments/" + comment.id(), form);
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Please type your comment."));
        form.put("comment", "Lavrov has said the same thing for years.");
        assertEquals(302, editor.post("/admin/comments/" + comment.id(), form).statusCode());
        HttpResponse<String> stale = editor.post("/admin/comments/" + comment.id(), form);
        assertEquals(409, stale.statusCode(), "the version the form was made from is gone");
        assertTrue(stale.body().contains(">Lavrov has said the same thing for years.</textarea>"), "kept");

        HttpResponse<String> blank = editor.post("/admin/comments/" + comment.id() + "/reply", Map.of("reply", " "));
        assertEquals(422, blank.statusCode(), blank.body());
        assertEquals(CommentStatus.PENDING, site.services().comments().find(comment.id()).orElseThrow().status(),
                "a refused reply approves nothing");
        HttpResponse<String> reply = editor.post("/admin/comments/" + comment.id() + "/reply",
                Map.of("reply", "Thank you, corrected."));
        assertEquals(302, reply.statusCode(), reply.body());
        assertEquals(CommentStatus.APPROVED, site.services().comments().find(comment.id()).orElseThrow().status(),
                "replying approves the comment first");
        String shown = new Http(site.baseUrl()).get(story.path()).body();
        assertTrue(shown.contains("Thank you, corrected.") && shown.contains("Lavrov has said the same thing"));
        assertTrue(shown.contains("<span class=\"staff-badge\">Staff</span>"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void authorsModerateTheirOwnArticlesCommentsContributorsNoneAndEveryPostNeedsTheToken(TestDatabases db) {
        Byline site = SITES.site(db);
        var staff = new Staff(site);
        User owner = staff.add(Role.AUTHOR);
        User other = staff.add(Role.AUTHOR);
        Story story = story(site, owner.authorId(), "Owned");
        Comment comment = held(site, story, "Daniel Okafor", "Legitimacy requires responsible governance.");

        AdminBrowser contributor = staff.signedIn(Role.CONTRIBUTOR);
        assertEquals(403, contributor.get("/admin/comments").statusCode());
        assertFalse(contributor.get("/admin/").body().contains("href=\"/admin/comments\""), "no nav item");

        AdminBrowser stranger = staff.signIn(other);
        assertFalse(stranger.get("/admin/comments").body().contains("Legitimacy requires"), "not theirs to see");
        HttpResponse<String> others = stranger.get("/admin/comments?article=" + story.article().id());
        assertEquals(404, others.statusCode(), "another's article: not even its title");
        assertFalse(others.body().contains(story.article().title()), others.body());
        assertEquals(404, stranger.get("/admin/comments?page=9223372036854775807").statusCode(), "no overflow");
        assertEquals(403, stranger.post("/admin/comments/" + comment.id() + "/moderate",
                button(comment, "approve")).statusCode());
        assertEquals(403, stranger.get("/admin/comments/" + comment.id()).statusCode());

        AdminBrowser ownerBrowser = staff.signIn(owner);
        assertTrue(ownerBrowser.get("/admin/comments").body().contains("Legitimacy requires"));
        String link = "href=\"/admin/comments?article=" + story.article().id() + "\"";
        assertTrue(ownerBrowser.get("/admin/articles/" + story.article().id()).body().contains(link),
                "the editor links to the article's comments");
        assertTrue(staff.signedIn(Role.EDITOR).get("/admin/articles/" + story.article().id()).body().contains(link),
                "an editor's too");
        var noToken = new LinkedHashMap<>(button(comment, "approve"));
        noToken.put("csrf", "forged");
        assertEquals(403, ownerBrowser.postRaw("/admin/comments/" + comment.id() + "/moderate", noToken, Map.of())
                .statusCode());
        assertEquals(CommentStatus.PENDING, site.services().comments().find(comment.id()).orElseThrow().status());
        assertEquals(302, ownerBrowser.post("/admin/comments/" + comment.id() + "/moderate",
                button(comment, "approve")).statusCode());
        assertEquals(CommentStatus.APPROVED, site.services().comments().find(comment.id()).orElseThrow().status());
    }
}
