package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.config.Config;
import dev.byline.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Invalidation lag between two nodes on one PostgreSQL database: the time from a write committed on node A until
 * node B serves the new page. Node B's page is cached before every write, so each measurement covers the NOTIFY,
 * B's read of the change, the drop, and B's re-render. Run with bench/lag.
 *
 * <pre>java -cp … dev.byline.bench.InvalidationLag [writes, default 300]</pre>
 */
public final class InvalidationLag {

    private InvalidationLag() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dirA = Files.createTempDirectory("lag-a");
        Path dirB = Files.createTempDirectory("lag-b");
        Config config = TestDatabases.POSTGRES.config(dirA).withDemo(true);
        Config second = new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), true, config.zone(), config.siteName(), config.smtp());
        var http = HttpClient.newHttpClient();
        try (Byline nodeA = Byline.start(config); Byline nodeB = Byline.start(second)) {
            var articles = nodeA.services().articles();
            Article article = articles.findBySlug("fusion-experiment-holds-plasma-for-a-record-time").orElseThrow();
            String page = "/section/science/";
            var lags = new ArrayList<Double>();
            for (int i = 0; i < writes + 20; i++) {
                get(http, nodeB.baseUrl() + page); // cached on B
                String title = "Fusion record, take " + i;
                article = articles.find(article.id()).orElseThrow();
                long start = System.nanoTime();
                articles.save(new ArticleDraft(article.id(), title, article.dek(), article.slug(),
                        article.bodyMarkdown(), article.excerpt(), article.featuredMediaId(), article.status(),
                        article.sectionId(), article.authorIds(), List.of("Energy"), null, article.version()));
                long committed = System.nanoTime();
                while (!get(http, nodeB.baseUrl() + page).contains(title)) {
                    Thread.onSpinWait();
                }
                if (i >= 20) { // the first writes warm both JVMs up
                    lags.add((System.nanoTime() - committed) / 1e6);
                }
                if (i == 20) {
                    System.out.printf("one save on node A took %.1f ms%n", (committed - start) / 1e6);
                }
            }
            Collections.sort(lags);
            System.out.printf("invalidation lag, node A commit -> node B serves the new page, %d writes:%n", writes);
            System.out.printf("  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms%n", at(lags, 0.50),
                    at(lags, 0.90), at(lags, 0.99), lags.getLast());
        }
        System.exit(0);
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
