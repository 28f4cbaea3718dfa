package dev.byline.bench;

import dev.byline.config.Config;
import dev.byline.config.ConfigParser;
import dev.byline.db.Database;
import dev.byline.search.Audience;
import dev.byline.search.SearchIndex;
import dev.byline.search.SearchRequest;
import dev.byline.search.SearchService;
import dev.byline.search.SearchStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Search on a data set (bench/out/data-100000, from BenchmarkData): the time to build the index from nothing
 * (articles a second), then the latency of a mixed set of readers' queries through {@link SearchService#search}
 * (the page of ten with highlighted snippets, the exact total, "did you mean"), p50 and p99 after a warm-up.
 *
 * <pre>bench/search (which runs it as: SearchBenchmark --data-dir DIR [--rounds 50] [--rebuild])</pre>
 */
public final class SearchBenchmark {

    /** One word, rare and common; two words; a phrase; a prefix; a misspelling; filters; by date; a later page. */
    static final List<SearchRequest> QUERIES = List.of(
            SearchRequest.of("Kabul"),
            SearchRequest.of("officials"),
            SearchRequest.of("wheat traders"),
            SearchRequest.of("\"grain deal\""),
            SearchRequest.of("Tashk"),
            SearchRequest.of("emmissions"),
            SearchRequest.of("border rules Moscow"),
            SearchRequest.of("\"independent review\" budget"),
            new SearchRequest("water plan", "world", null, null, null, null, false, 1, 10),
            new SearchRequest("rail", null, null, null, Instant.parse("2025-01-01T00:00:00Z"), null, true, 1, 10),
            new SearchRequest("Nairobi hospitals", null, null, null, null, null, false, 3, 10),
            SearchRequest.of("zzyzx"));

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        String dataDir = null;
        int rounds = 50;
        boolean rebuild = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--rebuild" -> rebuild = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Config config = ConfigParser.parse(new String[] {"--data-dir", dataDir}, Map.of()).orElseThrow();
        try (Database database = Database.open(config)) {
            var store = new SearchStore(database.jdbi());
            long started = System.nanoTime();
            try (SearchIndex index = SearchIndex.open(config.dataDir().resolve("search"), store, () -> "en",
                    Clock.systemUTC())) {
                long count;
                if (rebuild && index.isComplete()) {
                    count = index.rebuild();
                } else {
                    index.awaitRebuilt();
                    count = index.size();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("index: %,d articles in %.1f s (%,.0f articles/s)%n", count, seconds,
                        count / seconds);
                measure(new SearchService(index, Clock.systemUTC()), rounds);
            }
        }
        System.exit(0);
    }

    static void measure(SearchService search, int rounds) {
        for (int i = 0; i < 20; i++) { // warm-up
            QUERIES.forEach(query -> search.search(query, Audience.READERS));
        }
        var all = new ArrayList<Long>();
        for (SearchRequest query : QUERIES) {
            long[] times = new long[rounds];
            long total = 0;
            for (int i = 0; i < rounds; i++) {
                long began = System.nanoTime();
                total = search.search(query, Audience.READERS).total();
                times[i] = System.nanoTime() - began;
                all.add(times[i]);
            }
            Arrays.sort(times);
            System.out.printf("%-45s total %,7d  p50 %6.2f ms  p99 %6.2f ms%n",
                    describe(query), total, times[rounds / 2] / 1e6, times[(int) (rounds * 0.99)] / 1e6);
        }
        long[] every = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("mixed (%d queries x %d): p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", QUERIES.size(), rounds,
                every[every.length / 2] / 1e6, every[(int) (every.length * 0.99)] / 1e6,
                every[every.length - 1] / 1e6);
    }

    static String describe(SearchRequest query) {
        return query.text() + (query.section() != null ? " [section " + query.section() + "]" : "")
                + (query.from() != null ? " [from " + query.from().toString().substring(0, 10) + "]" : "")
                + (query.byDate() ? " [by date]" : "") + (query.page() > 1 ? " [page " + query.page() + "]" : "");
    }
}
