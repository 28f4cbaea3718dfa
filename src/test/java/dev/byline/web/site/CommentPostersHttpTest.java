package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.Comment;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many readers posting comments at once over real HTTP, with the spam defence at its defaults (each reader its own
 * address, through a trusted proxy's X-Forwarded-For, and its own email, so no rate limit refuses them): every post
 * is answered 303, never a 500, and every comment acknowledged with a 303 is stored, with its text. On SQLite this
 * is the case that failed: eight writers waiting on SQLite's busy timeout starved one another past it
 * (SQLITE_BUSY, a 500), see {@link dev.byline.change.ChangeFeed#write}.
 */
class CommentPostersHttpTest {

    static final int POSTERS = 8;
    static final int EACH = Integer.getInteger("byline.test.commentPosts", 50);
    static final Pattern TOKEN = Pattern.compile("name=\"form_token\" id=\"form_token\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyAcknowledgedCommentFromEightPostersAtOnceIsStoredAndNoneFails(TestDatabases db) throws Exception {
        Config base = db.config(dir);
        Config config = new Config(base.host(), base.port(), base.dataDir(), base.dbUrl(), base.dbUser(),
                base.dbPassword(), base.baseUrl(), base.demo(), base.zone(), base.siteName(), base.smtp(),
                List.of("127.0.0.1"));
        var clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        try (Byline site = Byline.start(config, clock)) {
            var services = site.services();
            Section section = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
            Author author = services.authors().save(new Author(0, "", "Amina Rahimi", "", null));
            Article story = services.articles().save(new ArticleDraft(0, "Many readers", "", "", "Text.", "", null,
                    ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(), null));
            String path = "/" + story.publishedAt().toString().substring(0, 10).replace('-', '/') + "/"
                    + story.slug() + "/";
            var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = TOKEN.matcher(page);
            assertTrue(token.find(), "the form carries its token");
            // the page's token is dated at the start of its period, hours before now: past the minimum time

            var acknowledged = new ConcurrentHashMap<Long, String>();
            var failures = new ConcurrentLinkedQueue<String>();
            var start = new CyclicBarrier(POSTERS);
            var posters = new ArrayList<Future<?>>();
            try (var pool = Executors.newFixedThreadPool(POSTERS)) {
                for (int p = 0; p < POSTERS; p++) {
                    int poster = p;
                    posters.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < EACH; i++) {
                            String text = "Reader " + poster + " says thing " + i + " about the story.";
                            var form = new LinkedHashMap<String, String>();
                            form.put("comment_post_ID", String.valueOf(story.id()));
                            form.put("comment_parent", "0");
                            form.put("form_token", token.group(1));
                            form.put("author", "Reader " + poster + "-" + i);
                            form.put("email", "reader" + poster + "-" + i + "@example.org");
                            form.put("url", "");
                            form.put("comment", text);
                            form.put("homepage", "");
                            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                                            URI.create(site.baseUrl() + "/comments"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("X-Forwarded-For", "10." + poster + "." + (i / 250) + "." + (i % 250 + 1))
                                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String location = answer.headers().firstValue("Location").orElse("");
                            Matcher id = Pattern.compile("#comment-(\\d+)$").matcher(location);
                            if (answer.statusCode() == 303 && id.find()) {
                                acknowledged.put(Long.parseLong(id.group(1)), text);
                            } else {
                                failures.add(answer.statusCode() + " " + location + " "
                                        + answer.body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")
                                        .substring(0, Math.min(300, answer.body().length())));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> poster : posters) {
                    poster.get();
                }
            }
            assertEquals(List.of(), List.copyOf(failures), "every post answered 303 to its comment");
            assertEquals(POSTERS * EACH, acknowledged.size());
            for (var entry : acknowledged.entrySet()) {
                Comment stored = services.comments().find(entry.getKey()).orElse(null);
                assertTrue(stored != null && stored.body().equals(entry.getValue()) && stored.articleId() == story.id(),
                        "acknowledged comment " + entry.getKey() + " is stored");
            }
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
