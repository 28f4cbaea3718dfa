package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration.Action;
import dev.byline.comment.CommentStatus;
import dev.byline.people.Author;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The discussion under an article over real HTTP, on SQLite and PostgreSQL: the count and the form with
 * WordPress's words, a post answered 303 to its anchor, the held comment shown to its author alone (a page of
 * their own, never in the shared cache, while other readers get the cached bytes), approval dropping the cached
 * page, each refusal as the article page with the form kept (422, 409, 429, 403), a reply without JavaScript, and
 * staff commenting as themselves.
 */
class CommentsHttpTest {

    static final Pattern TOKEN = Pattern.compile("name=\"form_token\" id=\"form_token\" value=\"([^\"]+)\"");
    static final Map<TestDatabases, Site> SITES = new EnumMap<>(TestDatabases.class);

    record Site(Byline byline, MutableClock clock, Author author, Section section) {
    }

    static synchronized Site site(TestDatabases db) {
        return SITES.computeIfAbsent(db, kind -> {
            try {
                var clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
                Byline byline = Byline.start(kind.config(Files.createTempDirectory("byline-comments")), clock);
                var services = byline.services();
                Section world = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
                Author author = services.authors().save(new Author(0, "", "Amina Rahimi", "", null));
                return new Site(byline, clock, author, world);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(site -> site.byline().close());
        SITES.clear();
    }

    /** A fresh article (each test its own), its path, and time moved on past every flood window. */
    static String article(Site site, String title) {
        site.clock().advance(Duration.ofMinutes(5));
        Article article = site.byline().services().articles().save(new ArticleDraft(0, title, "", "", "Text.", "",
                null, ArticleStatus.PUBLISHED, site.section().id(), List.of(site.author().id()), List.of(), null));
        return "/" + article.publishedAt().toString().substring(0, 10).replace('-', '/') + "/" + article.slug() + "/";
    }

    static long articleId(Site site, String path) {
        Matcher matcher = Pattern.compile("name=\"comment_post_ID\" value=\"(\\d+)\"").matcher(
                new Http(site.byline().baseUrl()).get(path).body());
        assertTrue(matcher.find(), "the form is on " + path);
        return Long.parseLong(matcher.group(1));
    }

    /** What a reader's browser sends after reading the page (and taking a while to type). */
    static Map<String, String> form(Site site, AdminBrowser reader, String path, String name, String email,
                                    String text) {
        String page = reader.get(path).body();
        Matcher token = TOKEN.matcher(page);
        assertTrue(token.find(), "the form carries its token");
        Matcher id = Pattern.compile("name=\"comment_post_ID\" value=\"(\\d+)\"").matcher(page);
        assertTrue(id.find());
        // as the page's script does when the reader starts typing: a fresh token, so the time open is known (the
        // page's own token, sent without the script, holds the comment for a moderator)
        HttpResponse<String> fresh = reader.get("/comments/token?article=" + id.group(1));
        assertEquals(200, fresh.statusCode());
        assertNotEquals(token.group(1), fresh.body());
        site.clock().advance(Duration.ofSeconds(20));
        var form = new LinkedHashMap<String, String>();
        form.put("comment_post_ID", id.group(1));
        form.put("comment_parent", "0");
        form.put("form_token", fresh.body());
        form.put("author", name);
        form.put("email", email);
        form.put("url", "");
        form.put("comment", text);
        form.put("homepage", "");
        return form;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theArticlePageCarriesTheCountAndWordPresssFormAndIsServedFromTheCache(TestDatabases db) {
        Site site = site(db);
        String path = article(site, "Form words");
        var http = new Http(site.byline().baseUrl());
        String page = http.get(path).body();
        for (String words : List.of("<a class=\"comment-count\" href=\"#comments\">No comments yet</a>",
                "<h2 id=\"comments-title\" class=\"comments-title\">No comments yet</h2>", "Leave a Reply",
                "<span id=\"email-notes\">Your email address will not be published.</span> <span "
                        + "class=\"required-field-message\">Required fields are marked <span class=\"required\">*"
                        + "</span></span>",
                "<label for=\"comment\">Comment <span class=\"required\">*</span></label>",
                "<label for=\"author\">Name <span class=\"required\">*</span></label>",
                "<label for=\"email\">Email <span class=\"required\">*</span></label>",
                "<label for=\"url\">Website</label>",
                "<label for=\"wp-comment-cookies-consent\">Save my name, email, and website in this browser for the "
                        + "next time I comment.</label>",
                "<label for=\"subscribe_comments\">Notify me of follow-up comments by email.</label>",
                "value=\"Post Comment\"", "<form action=\"" + path + "#respond\" method=\"post\" id=\"commentform\"")) {
            assertTrue(page.contains(words), words);
        }
        assertTrue(page.matches("(?s).*<script src=\"/assets/comments\\.[A-Za-z0-9]+\\.js\" defer></script>.*"));
        assertFalse(page.contains("<script>"), "no inline script");
        assertTrue(site.byline().services().pageCache().get(path).isPresent(), "cached");
        assertEquals(page, http.get(path).body(), "the same bytes again");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aHeldCommentIsShownToItsAuthorAloneUntilApprovedThenToEveryone(TestDatabases db) {
        Site site = site(db);
        String path = article(site, "Held and approved");
        var guest = new AdminBrowser(site.byline().baseUrl());
        var other = new Http(site.byline().baseUrl());
        HttpResponse<String> posted = guest.postRaw("/comments", form(site, guest, path, "Nadia Petrova",
                "nadia@example.org", "Who actually benefits from mining deals?"), Map.of());
        assertEquals(303, posted.statusCode(), posted.body());
        String location = posted.headers().firstValue("Location").orElseThrow();
        Comment comment = posted(site, posted);
        assertEquals(path + "#comment-" + comment.id(), location);
        assertEquals(CommentStatus.PENDING, comment.status());
        String setCookie = posted.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("byline_held=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("Path=" + path) && setCookie.contains("HttpOnly"), setCookie);

        HttpResponse<String> own = guest.get(path);
        assertTrue(own.body().contains("Your comment is awaiting moderation."));
        assertTrue(own.body().contains("Who actually benefits from mining deals?"));
        assertEquals("private, no-store", own.headers().firstValue("cache-control").orElseThrow());
        assertFalse(own.body().contains("nadia@example.org"), "an email address never appears in HTML");

        HttpResponse<String> shared = other.get(path);
        assertFalse(shared.body().contains("mining deals"), "other readers do not see it");
        assertTrue(shared.body().contains("No comments yet"));
        assertFalse(shared.headers().firstValue("cache-control").orElseThrow().contains("private"));
        String cached = new String(site.byline().services().pageCache().get(path).orElseThrow().body(),
                StandardCharsets.UTF_8);
        assertFalse(cached.contains("mining deals"), "and the shared cache never held it");

        site.byline().services().moderation().act(Actor.commandLine(), comment.id(), comment.version(),
                Action.APPROVE);
        assertTrue(site.byline().services().pageCache().get(path).isEmpty(), "approving drops the cached page");
        String after = other.get(path).body();
        assertTrue(after.contains("mining deals") && after.contains(">1 Comment</a>")
                && after.contains("id=\"comment-" + comment.id() + "\""));
        assertFalse(after.contains("awaiting moderation"));
        assertFalse(after.contains("nadia@example.org"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSecondHeldCommentPostedToTheArticleJoinsTheFirstInTheReadersOwnView(TestDatabases db) {
        Site site = site(db);
        String path = article(site, "Two held");
        var guest = new AdminBrowser(site.byline().baseUrl());
        HttpResponse<String> first = guest.postRaw(path, form(site, guest, path, "Ola", "ola@example.org",
                "My first thought."), Map.of());
        assertEquals(303, first.statusCode(), first.body());
        HttpResponse<String> second = guest.postRaw(path, form(site, guest, path, "Ola", "ola@example.org",
                "And a second one."), Map.of());
        assertEquals(303, second.statusCode(), second.body());
        String own = guest.get(path).body();
        assertTrue(own.contains("My first thought.") && own.contains("And a second one."), "both, to their author");
        assertEquals(2, own.split("Your comment is awaiting moderation.", -1).length - 1);
        assertFalse(new Http(site.byline().baseUrl()).get(path).body().contains("My first thought."));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void badInputComesBackWithTheFormAMessageAtEachFieldAndEverythingTyped(TestDatabases db) {
        Site site = site(db);
        String path = article(site, "Bad input");
        var reader = new AdminBrowser(site.byline().baseUrl());
        var form = form(site, reader, path, "Jo <b>Bloggs</b>", "not-an-address", "<script>alert(1)</script>Hi "
                + "& \"quoted\" ünïcödé");
        form.put("url", "https://jo.example.org/");
        form.put("subscribe_comments", "subscribe");
        HttpResponse<String> refused = reader.postRaw("/comments", form, Map.of());
        assertEquals(422, refused.statusCode());
        String body = refused.body();
        assertTrue(body.contains("<span class=\"field-error\" id=\"email-error\">Please enter a valid email address, "
                + "such as name@example.org.</span>"), body);
        assertTrue(body.contains("value=\"Jo &lt;b>Bloggs&lt;/b>\""), "the name typed, escaped");
        assertTrue(body.contains("value=\"not-an-address\"") && body.contains("value=\"https://jo.example.org/\""));
        assertEquals("<script>alert(1)</script>Hi & \"quoted\" ünïcödé",
                org.jsoup.Jsoup.parse(body).getElementById("comment").wholeText(), "the text typed, escaped");
        assertTrue(body.contains("id=\"subscribe_comments\" name=\"subscribe_comments\" type=\"checkbox\" "
                + "value=\"subscribe\" checked"), "the box ticked stays ticked");
        assertFalse(body.contains("<script>alert(1)"));
        assertEquals("private, no-store", refused.headers().firstValue("cache-control").orElseThrow());

        HttpResponse<String> empty = reader.postRaw("/comments", Map.of("comment_post_ID", form.get(
                "comment_post_ID"), "form_token", form.get("form_token")), Map.of());
        assertEquals(422, empty.statusCode());
        for (String message : List.of("Please enter your name.", "Please enter your email address.",
                "Please type your comment.")) {
            assertTrue(empty.body().contains(message), message);
        }
        HttpResponse<String> forged = reader.postRaw("/comments", Map.of("comment_post_ID",
                form.get("comment_post_ID"), "author", "Jo", "email", "jo@example.org", "comment", "Hello",
                "form_token", "1.2.forged"), Map.of());
        assertEquals(422, forged.statusCode());
        assertTrue(forged.body().contains("This form could not be checked. Your comment is still below"));
        assertTrue(forged.body().contains(">Hello</textarea>"));
        assertEquals(404, reader.postRaw("/comments", Map.of("comment_post_ID", "999999"), Map.of()).statusCode());
        assertEquals(400, reader.postRaw("/comments", Map.of("comment_post_ID", "x1"), Map.of()).statusCode());
        assertEquals(0, site.byline().services().comments().thread(articleId(site, path), 1, List.of()).approved());
    }

    /** Bytes that are not UTF-8, control characters and oversize fields: a 422 that says so, never a 500. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void bytesThatAreNotTextAndOversizeFieldsAreRefusedWithAMessage(TestDatabases db) throws Exception {
        Site site = site(db);
        String path = article(site, "Odd bytes");
        var reader = new AdminBrowser(site.byline().baseUrl());
        var form = form(site, reader, path, "Jo", "jo@example.org", "PLACEHOLDER");
        String encoded = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(
                e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var client = HttpClient.newHttpClient();
        for (String text : List.of("broken%FF%FEbytes", "a+bell%07here", "%C3%28")) {
            var sent = client.send(HttpRequest.newBuilder(URI.create(site.byline().baseUrl()
                            + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded.replace("PLACEHOLDER", text)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(422, sent.statusCode(), text + ": " + sent.body());
            assertTrue(sent.body().contains("id=\"comment-error\""), text + ": a message at the comment");
            assertTrue(sent.body().contains("value=\"jo@example.org\""), "what was typed is kept");
        }
        form.put("comment", "x".repeat(65_526));
        form.put("author", "n".repeat(246));
        HttpResponse<String> long_ = reader.postRaw(path, form, Map.of());
        assertEquals(422, long_.statusCode());
        assertTrue(long_.body().contains("id=\"author-error\"") && long_.body().contains("id=\"comment-error\""),
                long_.body());
        assertEquals(0, site.byline().services().comments().thread(articleId(site, path), 1, List.of()).approved());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void duplicatesFloodsAndClosedDiscussionsAreRefusedWithTheirStatus(TestDatabases db) {
        Site site = site(db);
        String path = article(site, "Refusals");
        var reader = new AdminBrowser(site.byline().baseUrl());
        var form = form(site, reader, path, "Kim", "kim@example.org", "First words.");
        assertEquals(303, reader.postRaw("/comments", form, Map.of()).statusCode());
        HttpResponse<String> again = reader.postRaw("/comments", form, Map.of());
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("Duplicate comment detected; it looks as though you’ve already said that!"));
        form.put("comment", "Second words, too soon.");
        HttpResponse<String> flood = reader.postRaw("/comments", form, Map.of());
        assertEquals(429, flood.statusCode());
        assertEquals("15", flood.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(flood.body().contains("You are posting comments too quickly. Slow down."));
        assertTrue(flood.body().contains(">Second words, too soon.</textarea>"));

        long id = Long.parseLong(form.get("comment_post_ID"));
        site.byline().services().moderation().close(Actor.commandLine(), id, true);
        String closedPage = new Http(site.byline().baseUrl()).get(path).body();
        assertTrue(closedPage.contains("Comments are closed.") && !closedPage.contains("id=\"commentform\""));
        site.clock().advance(Duration.ofSeconds(30));
        HttpResponse<String> closed = reader.postRaw("/comments", form, Map.of());
        assertEquals(403, closed.statusCode());
        assertTrue(closed.body().contains("Sorry, comments are closed for this item."));
        site.byline().services().moderation().close(Actor.commandLine(), id, false);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyWithoutJavaScriptAndStaffCommentingAsThemselves(TestDatabases db) {
        Site site = site(db);
        String path = article(site, "Replies and staff");
        AdminBrowser editor = new Staff(site.byline()).signedIn(Role.EDITOR);
        String page = editor.get(path).body();
        assertTrue(page.contains("Logged in as "), "the form knows the signed-in editor");
        assertFalse(page.contains("id=\"author\""), "and asks no name or email");
        long articleId = articleId(site, path);
        HttpResponse<String> posted = editor.postRaw("/comments", Map.of("comment_post_ID",
                String.valueOf(articleId), "comment", "Thanks for reading.", "comment_parent", "0"), Map.of());
        assertEquals(303, posted.statusCode(), posted.body());
        Comment staff = posted(site, posted);
        assertEquals(CommentStatus.APPROVED, staff.status());
        String shared = new Http(site.byline().baseUrl()).get(path).body();
        assertTrue(shared.contains("<span class=\"staff-badge\">Staff</span>"), "marked as staff");

        var http = new Http(site.byline().baseUrl());
        HttpResponse<String> reply = http.get(path + "?replytocom=" + staff.id());
        assertEquals(200, reply.statusCode());
        assertTrue(reply.body().contains("Leave a Reply to " + staff.authorName()));
        assertTrue(reply.body().contains("name=\"comment_parent\" id=\"comment_parent\" value=\"" + staff.id()
                + "\""));
        assertEquals("private, no-store", reply.headers().firstValue("cache-control").orElseThrow());
        assertFalse(new String(site.byline().services().pageCache().get(path).orElseThrow().body(),
                StandardCharsets.UTF_8).contains("Leave a Reply to"), "the shared page is untouched");

        var reader = new AdminBrowser(site.byline().baseUrl());
        var form = form(site, reader, path + "?replytocom=" + staff.id(), "Ola", "ola@example.org", "A reply.");
        form.put("comment_parent", String.valueOf(staff.id()));
        HttpResponse<String> answered = reader.postRaw("/comments", form, Map.of());
        assertEquals(303, answered.statusCode());
        Comment replied = posted(site, answered);
        assertEquals(staff.id(), replied.parentId());
        assertEquals(2, replied.depth());
    }

    /** The comment a 303 answer points to (#comment-ID). */
    static Comment posted(Site site, HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
        return site.byline().services().comments().find(id).orElseThrow();
    }
}
