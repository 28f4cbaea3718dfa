package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.config.Config;
import dev.byline.config.ConfigParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The whole sitemap set of a data set, generated once from the database: the index, then every sitemap it lists
 * (each month's articles, the sections, tags, authors, pages, the news sitemap), each rendered for the request
 * (the request carries the bypass cookie, so nothing comes from the page cache). Prints the time, the sitemaps,
 * the URLs and bytes written, and the peak heap while it ran (the heap pools' peak usage, reset at the start).
 * Run by bench/feeds on the 100k data set:
 *
 * <pre>java -Xmx160m -cp target/test-classes:target/byline.jar dev.byline.bench.SitemapBenchmark --data-dir DIR</pre>
 */
public final class SitemapBenchmark {

    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    private SitemapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Config config = ConfigParser.parse(args, System.getenv()).orElseThrow().withDemo(false);
        var http = HttpClient.newHttpClient();
        try (Byline site = Byline.start(config)) {
            String base = site.baseUrl();
            get(http, base + "/sitemap.xml"); // JIT warm-up of the path, and the first connection
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            String index = get(http, base + "/sitemap.xml");
            var sitemaps = new ArrayList<String>();
            var found = LOC.matcher(index);
            while (found.find()) {
                sitemaps.add(found.group(1));
            }
            long urls = 0;
            long bytes = index.length();
            for (String sitemap : sitemaps) {
                String body = get(http, sitemap);
                bytes += body.length();
                urls += LOC.matcher(body).results().count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("sitemaps: %d (and the index), %d URLs, %.1f MB written, in %.2f s;"
                            + " heap in use before %d MB, peak while generating %d MB (max %d MB)%n",
                    sitemaps.size(), urls, bytes / 1e6, seconds, before >> 20, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "byline_held=bench").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
