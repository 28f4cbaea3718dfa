package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.CommentLimits;
import dev.byline.comment.CommentService;
import dev.byline.comment.Submission;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.Http;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Comments under load, on SQLite and on PostgreSQL (embedded): accepted comments a second through
 * {@link CommentService#post} (every rule, the change feed, the keys; rate limits off for the run, as the issue
 * asks), from 8 writers at once; then the article page with those comments rendered on a cache miss (the first
 * page of 50 top-level comments, its count, the form), p50 and p99 over real HTTP.
 *
 * <pre>bench/comments [--comments 5000] [--renders 200]</pre>
 */
public final class CommentBenchmark {

    private CommentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = 5000;
        int renders = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--comments" -> count = Integer.parseInt(args[i + 1]);
                case "--renders" -> renders = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (TestDatabases db : TestDatabases.values()) {
            run(db, count, renders);
        }
        System.exit(0); // embedded PostgreSQL's shutdown hook stops the server
    }

    static void run(TestDatabases db, int count, int renders) throws Exception {
        Config config = db.config(Files.createTempDirectory("byline-comment-bench"));
        try (Byline site = Byline.start(config, Clock.systemUTC())) {
            var services = site.services();
            services.settings().save(Actor.commandLine(), services.settings().form(Actor.commandLine())
                    .with("comment_previously_approved", "").with("comment_max_links", "0"));
            Section section = services.taxonomy().saveSection(new Section(0, "", "World", "", null, 0));
            Author author = services.authors().save(new Author(0, "", "Bench Author", "", null));
            Article story = services.articles().save(new ArticleDraft(0, "Comment bench", "", "", "Text.", "", null,
                    ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(), null));
            CommentService unlimited = services.comments().withLimits(CommentLimits.OFF);
            String token = unlimited.tokens().issue(story.id(), java.time.Instant.now().minusSeconds(60));
            long started = System.nanoTime();
            var posts = new ArrayList<Future<?>>();
            try (var writers = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < count; i++) {
                    int n = i;
                    posts.add(writers.submit(() -> unlimited.post(new Submission(story.id(), 0, "Reader " + n,
                            "reader" + n + "@example.org", "", "Comment number " + n + ", with a few words to read.",
                            false, "10.0." + (n / 250) + "." + (n % 250), "bench", "", token, null))));
                }
                for (Future<?> post : posts) {
                    post.get();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: %d comments accepted in %.1f s: %.0f a second (8 writers)%n", db, count, seconds,
                    count / seconds);

            String path = "/" + story.publishedAt().atZone(java.time.ZoneId.of("UTC")).toLocalDate().toString()
                    .replace('-', '/') + "/" + story.slug() + "/";
            var http = new Http(site.baseUrl());
            var times = new ArrayList<Double>();
            for (int i = 0; i < renders + 20; i++) {
                services.pageCache().clear();
                long t = System.nanoTime();
                var response = http.get(path);
                double ms = (System.nanoTime() - t) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("article page: " + response.statusCode());
                }
                if (i >= 20) {
                    times.add(ms); // the first 20 warm the JIT
                }
            }
            Collections.sort(times);
            System.out.printf("%s: article with %d comments, cache miss over HTTP: p50 %.1f ms, p99 %.1f ms%n", db,
                    count, times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.99) - 1));
        }
    }
}
