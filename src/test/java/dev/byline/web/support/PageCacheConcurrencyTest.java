package dev.byline.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.byline.change.Keys;
import dev.byline.error.NotFound;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The page cache under concurrent readers and writers, with real threads and a "database" in memory. Threads
 * meet on latches and on their own parked state; nothing sleeps.
 */
class PageCacheConcurrencyTest {

    final PageCache cache = new PageCache(10_000_000, Clock.systemUTC());

    static CachedPage page(String text, String... keys) {
        return CachedPage.of("text/plain", text.getBytes(StandardCharsets.UTF_8), Set.of(keys), Instant.EPOCH);
    }

    static String text(CachedPage page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }

    // --- one render per page ---------------------------------------------------------------------------------

    /** N threads miss the same page at once while its render is held: they all get its one result. */
    @Test
    void concurrentMissesRenderOnce() throws Exception {
        var renders = new AtomicInteger();
        var release = new CountDownLatch(1);
        Supplier<CachedPage> render = () -> {
            renders.incrementAndGet();
            await(release);
            return page("the page", "article:1");
        };
        Outcomes outcomes = missTogether(8, render, release);

        assertEquals(1, renders.get(), "one render for eight concurrent misses");
        CachedPage first = outcomes.page(0);
        for (int i = 0; i < 8; i++) {
            assertSame(first, outcomes.page(i), "requester " + i + " got the shared render");
        }
        assertSame(first, cache.get("/a").orElseThrow(), "and it is kept");
    }

    @Test
    void aFailedRenderReachesEveryWaiterAndNothingIsKept() throws Exception {
        var renders = new AtomicInteger();
        var release = new CountDownLatch(1);
        Outcomes outcomes = missTogether(8, () -> {
            renders.incrementAndGet();
            await(release);
            throw new NotFound("There is no page 9 here; the last page is 3.");
        }, release);

        assertEquals(1, renders.get());
        for (int i = 0; i < 8; i++) {
            NotFound failure = assertInstanceOf(NotFound.class, outcomes.failures.get(i), "requester " + i);
            assertEquals("There is no page 9 here; the last page is 3.", failure.getMessage());
        }
        assertTrue(cache.get("/a").isEmpty());
        cache.get("/a", () -> {
            renders.incrementAndGet();
            return page("now it exists", "article:1");
        });
        assertEquals(2, renders.get(), "a failure is not remembered: the next request renders again");
    }

    @Test
    void aRenderInvalidatedMidwayReachesItsWaitersButIsNotKept() throws Exception {
        var release = new CountDownLatch(1);
        Outcomes outcomes = missTogether(8, () -> {
            CachedPage read = page("read before the write", "article:1");
            await(release);
            cache.invalidate(List.of("article:1")); // the write commits while the render runs
            return read;
        }, release);

        for (int i = 0; i < 8; i++) {
            assertEquals("read before the write", text(outcomes.page(i)));
        }
        assertTrue(cache.get("/a").isEmpty());
    }

    /** A request that arrives after a write has finished invalidating never joins a render that read before it. */
    @Test
    void aRequestAfterAWriteDoesNotJoinARenderFromBeforeIt() throws Exception {
        var version = new AtomicLong(1);
        var renders = new AtomicInteger();
        var release = new CountDownLatch(1);
        var early = new AtomicReferenceArray<CachedPage>(1);
        Thread first = Thread.ofPlatform().start(() -> early.set(0, cache.get("/a", () -> {
            renders.incrementAndGet();
            long read = version.get();
            await(release);
            return page("version " + read, "article:1");
        })));
        awaitParked(List.of(first));

        version.set(2);
        cache.invalidate(List.of("article:1")); // the write is done

        CachedPage late;
        try {
            // on another thread with a deadline: joining the held render would wait for the release below
            late = CompletableFuture.supplyAsync(() -> cache.get("/a", () -> {
                renders.incrementAndGet();
                return page("version " + version.get(), "article:1");
            })).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the late request waited for the render that began before the write", e);
        } finally {
            release.countDown();
            first.join();
        }
        assertEquals("version 2", text(late));
        assertEquals(2, renders.get(), "the late request rendered for itself");
        assertEquals("version 1", text(early.get(0)), "the early request still gets the render it waited for");
        cache.get("/a").ifPresent(kept -> assertEquals("version 2", text(kept), "only the new version is kept"));
    }

    // --- readers and writers -----------------------------------------------------------------------------------

    static final int ARTICLES = 12;
    static final int SECTIONS = 3;
    static final List<String> PATHS = paths();
    static final List<String> KEYS = keys();

    /** The "database": key → version. Writers bump versions, then invalidate (as the change feed does). */
    final ConcurrentHashMap<String, Long> database = new ConcurrentHashMap<>();
    /** key → the highest version whose invalidation has returned: what no page may be older than from then on. */
    final ConcurrentHashMap<String, Long> done = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
    final AtomicLong renders = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    /**
     * Eight readers request pages while two writers bump versions and invalidate. Each page embeds the versions
     * it read. After every write's invalidation returns, every cached page is read back; every page a reader
     * gets is checked against the writes finished before its request. None may be older than such a write.
     */
    @Test
    void noPageOutlivesAWriteItDependsOn() throws Exception {
        KEYS.forEach(key -> database.put(key, 0L));
        var writing = new AtomicBoolean(true);
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var threads = new ArrayList<Thread>();
        for (int r = 0; r < 8; r++) {
            threads.add(Thread.ofPlatform().name("reader-" + r).start(() -> guard(failures, () -> {
                var random = ThreadLocalRandom.current();
                while (writing.get()) {
                    String path = PATHS.get(random.nextInt(PATHS.size()));
                    Map<String, Long> floor = new HashMap<>(done);
                    requests.incrementAndGet();
                    check("reader got " + path, cache.get(path, () -> render(path)), floor);
                }
            })));
        }
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < 2; w++) {
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> guard(failures, () -> {
                var random = ThreadLocalRandom.current();
                for (int i = 0; i < 1500; i++) {
                    // a write every few requests, so reads and writes interleave however the threads are scheduled
                    long seen = requests.get();
                    while (requests.get() < seen + 8) {
                        Thread.yield();
                    }
                    write(random);
                    checkEveryCachedPage();
                }
            })));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        for (Thread reader : threads) {
            reader.join();
        }

        assertTrue(failures.isEmpty(), () -> "a thread failed: " + failures);
        assertTrue(stale.isEmpty(), () -> stale.size() + " stale pages, e.g. " + stale.peek());
        for (String path : PATHS) {
            cache.get(path).ifPresent(page -> parse(page).forEach((key, version) ->
                    assertEquals(database.get(key), version, path + " shows the last version of " + key)));
        }
        // not a performance figure: proof that hits were exercised too (how many depends on how the threads were
        // scheduled, and writers run flat out here; 50-90% hits were seen)
        assertTrue(requests.get() - renders.get() >= requests.get() / 10,
                "the cache served requests too (" + renders.get() + " renders for " + requests.get() + ")");
    }

    private void write(ThreadLocalRandom random) {
        var written = new LinkedHashMap<String, Long>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            written.put(key, database.merge(key, 1L, Long::sum));
        }
        // now and then a write that may touch anything (an import)
        cache.invalidate(random.nextInt(100) == 0 ? Set.of(Keys.ALL) : written.keySet());
        written.forEach((key, version) -> done.merge(key, version, Math::max));
    }

    private void checkEveryCachedPage() {
        Map<String, Long> floor = new HashMap<>(done);
        for (String path : PATHS) {
            cache.get(path).ifPresent(page -> check("cached " + path, page, floor));
        }
    }

    private void check(String what, CachedPage page, Map<String, Long> floor) {
        parse(page).forEach((key, version) -> {
            long finished = floor.getOrDefault(key, 0L);
            if (version < finished) {
                stale.add(what + ": " + key + " at version " + version + " after version " + finished + " was done");
            }
        });
    }

    /**
     * Pages that show a fixed set of keys, and lists whose items depend on what they read: the keys a render
     * ends up showing are only known when it is done.
     */
    private CachedPage render(String path) {
        renders.incrementAndGet();
        var shown = new LinkedHashMap<String, Long>();
        read(shown, Keys.NAV);
        if (path.equals("/")) {
            long list = read(shown, Keys.HOME);
            for (int i = 0; i < 3; i++) {
                read(shown, Keys.article((list + i) % ARTICLES));
            }
        } else if (path.startsWith("/section/")) {
            int section = Integer.parseInt(path.substring("/section/".length()));
            long list = read(shown, Keys.sectionList(section));
            for (int i = 0; i < 2; i++) {
                read(shown, Keys.article(section + SECTIONS * ((list + i) % (ARTICLES / SECTIONS))));
            }
        } else {
            int article = Integer.parseInt(path.substring("/article/".length()));
            read(shown, Keys.article(article));
            read(shown, Keys.author(article % 4));
            read(shown, Keys.sectionList(article % SECTIONS));
        }
        var body = new StringBuilder();
        shown.forEach((key, version) -> body.append(key).append('=').append(version).append('\n'));
        return CachedPage.of("text/plain", body.toString().getBytes(StandardCharsets.UTF_8), shown.keySet(),
                Instant.EPOCH);
    }

    private long read(Map<String, Long> shown, String key) {
        Thread.yield(); // let writers in between the reads of one render
        long version = database.get(key);
        shown.put(key, version);
        return version;
    }

    private static Map<String, Long> parse(CachedPage page) {
        var versions = new LinkedHashMap<String, Long>();
        for (String line : text(page).split("\n")) {
            int equals = line.indexOf('=');
            versions.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)));
        }
        return versions;
    }

    private static List<String> paths() {
        var paths = new ArrayList<String>();
        paths.add("/");
        for (int s = 0; s < SECTIONS; s++) {
            paths.add("/section/" + s);
        }
        for (int a = 0; a < ARTICLES; a++) {
            paths.add("/article/" + a);
        }
        return List.copyOf(paths);
    }

    private static List<String> keys() {
        var keys = new ArrayList<String>(List.of(Keys.NAV, Keys.HOME));
        for (int s = 0; s < SECTIONS; s++) {
            keys.add(Keys.sectionList(s));
        }
        for (int a = 0; a < ARTICLES; a++) {
            keys.add(Keys.article(a));
        }
        for (int a = 0; a < 4; a++) {
            keys.add(Keys.author(a));
        }
        return List.copyOf(keys);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    record Outcomes(AtomicReferenceArray<CachedPage> pages, AtomicReferenceArray<Throwable> failures) {
        CachedPage page(int i) {
            assertNotEquals(null, pages.get(i), () -> "requester " + i + " failed: " + failures.get(i));
            return pages.get(i);
        }
    }

    /** Starts n threads that all miss "/a", waits until every one is parked inside the cache, then releases. */
    private Outcomes missTogether(int n, Supplier<CachedPage> render, CountDownLatch release) throws Exception {
        var outcomes = new Outcomes(new AtomicReferenceArray<>(n), new AtomicReferenceArray<>(n));
        var arrived = new CountDownLatch(n);
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                arrived.countDown();
                try {
                    outcomes.pages.set(index, cache.get("/a", render));
                } catch (RuntimeException e) {
                    outcomes.failures.set(index, e);
                }
            }));
        }
        arrived.await();
        awaitParked(threads);
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return outcomes;
    }

    /** Spins until every thread is parked (in the render's latch, or waiting for the render); fails after 10 s. */
    private static void awaitParked(List<Thread> threads) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
            if (System.nanoTime() > deadline) {
                fail("threads never all waited: " + threads.stream().map(Thread::getState).toList());
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void guard(ConcurrentLinkedQueue<Throwable> failures, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {
            failures.add(e);
        }
    }
}
