package dev.byline.search;

import dev.byline.change.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's search index: a Lucene index on disk under the data directory, kept current by the change feed.
 *
 * <p>Each change names the articles it wrote (or the section, tag or author whose articles show its name); a single
 * indexing thread reads those articles from the database as they are now, replaces their documents, commits and
 * refreshes the searcher: a write shows in search within a second, on this node directly and on every other node
 * through its {@link dev.byline.change.ChangeFollower}. Reading the database and writing the index happen under one
 * lock, shared with a rebuild's batches, so whichever runs later writes what the database says later: a change made
 * during a rebuild is never overwritten by the rebuild's older copy, nor lost.
 *
 * <p>At start a missing or damaged index (or one made for another language) is emptied and rebuilt in the
 * background; until it is complete, {@link #search} throws {@link SearchUnavailable}. An intact index catches up
 * with what changed while the node was stopped (articles changed since its last commit, and those deleted). A
 * rebuild asked for while the site runs ({@code ./byline reindex}, or a {@link Change#RESET} from the feed) is done
 * in place: the index keeps answering from the documents it has while every article is written again, then those
 * of deleted articles are removed.
 */
public final class SearchIndex implements AutoCloseable {

    /** The kind of the change {@code ./byline reindex} writes when a site is running: every node rebuilds. */
    public static final String REINDEX = "search.reindex";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /**
     * Lucene says through java.util.logging, at every start, that the JVM was not given the vector module: a line in
     * another format among the site's log lines, and no action for the operator. Held here so the level stays set
     * (java.util.logging keeps loggers only weakly).
     */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    }
    private static final int BATCH = 500;
    private static final String LANGUAGE = "language";
    private static final String WATERMARK = "watermark";
    private static final String SCHEMA = "schema";
    /** A node catching up re-reads the articles changed this long before its last commit, for clocks apart. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(5);

    private final Path path;
    private final SearchStore store;
    private final Supplier<String> language;
    private final Clock clock;
    private final Object writing = new Object();
    /** applies changes, in order, and commits what it wrote about once a second */
    private final java.util.concurrent.ScheduledExecutorService indexer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("search-indexer").factory());
    /** changes heard and not yet applied: the indexing thread takes all there are at once */
    private final java.util.concurrent.ConcurrentLinkedQueue<Change> pending =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** ids of the changes this node's feed told of, so following the feed on SQLite does not apply them twice */
    private final Set<Long> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean following;
    private final java.util.concurrent.atomic.AtomicLong rebuilds = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("search-rebuild").factory());
    private final AtomicReference<CompletableFuture<Void>> rebuilding = new AtomicReference<>();
    private volatile Engine engine;
    /** false while the index is built from nothing: searching then says so */
    private volatile boolean complete;
    private volatile boolean closed;
    /** run once after a rebuild's first batch, outside the lock: a test makes its edits there */
    private volatile Runnable betweenBatches;

    /** The open index: its directory, writer, searchers and the analysis it was built with. */
    record Engine(Directory directory, IndexWriter writer, SearcherManager searchers, Analyzer analyzer,
                  Queries queries, String language) {
    }

    private SearchIndex(Path path, SearchStore store, Supplier<String> language, Clock clock) {
        this.path = path;
        this.store = store;
        this.language = language;
        this.clock = clock;
    }

    /**
     * Opens the index at {@code path} (creating it when missing) and starts what it needs in the background: a
     * rebuild from nothing, or catching up.
     *
     * @param language the site's language tag, as the settings say now
     * @throws IllegalStateException when another process holds the index (another Byline on this data directory)
     */
    public static SearchIndex open(Path path, SearchStore store, Supplier<String> language, Clock clock) {
        var index = new SearchIndex(path, store, language, clock);
        try {
            index.start();
        } catch (RuntimeException e) {
            index.indexer.shutdownNow();
            index.rebuilder.shutdownNow();
            throw e;
        }
        return index;
    }

    private void start() {
        startCommitting();
        String wanted = Analyzers.language(language.get());
        try {
            Files.createDirectories(path);
            Engine opened = openExisting(wanted);
            if (opened != null) {
                engine = opened;
                complete = true;
                Instant watermark = Instant.ofEpochMilli(Long.parseLong(
                        userData(opened.writer()).getOrDefault(WATERMARK, "0")));
                indexer.execute(() -> catchUp(watermark.minus(CATCH_UP_MARGIN)));
                return;
            }
            engine = create(wanted);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("the search index at " + path + " is in use by another process", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the search index at " + path, e);
        }
        complete = false;
        rebuildInBackground();
    }

    /** Commits once a second when something was written: a crash loses at most that, and the catch-up finds it. */
    private void startCommitting() {
        indexer.scheduleWithFixedDelay(() -> {
            try {
                synchronized (writing) {
                    if (!closed && engine != null && engine.writer().hasUncommittedChanges()) {
                        commit();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("committing the search index failed; will try again", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** The index as it is on disk, or null when it is missing, damaged or in another language (then emptied). */
    private Engine openExisting(String wanted) throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                LOG.info("No search index at {} yet: building it in the background", path);
                return null;
            }
            Engine opened = engine(directory, wanted, IndexWriterConfig.OpenMode.APPEND);
            String built = userData(opened.writer()).getOrDefault(LANGUAGE, "");
            if (!Fields.SCHEMA.equals(userData(opened.writer()).get(SCHEMA))) {
                LOG.info("The search index holds an older kind of document: rebuilding it");
                closeEngine(opened);
                wipe();
                return null;
            }
            if (!built.equals(wanted)) {
                LOG.info("The search index was built for '{}', the site's language is now '{}': rebuilding it",
                        built, wanted);
                closeEngine(opened);
                wipe();
                return null;
            }
            return opened;
        } catch (LockObtainFailedException e) {
            directory.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index at {} cannot be read ({}): rebuilding it in the background", path,
                    e.toString());
            directory.close();
            wipe();
            return null;
        }
    }

    private Engine create(String wanted) throws IOException {
        return engine(FSDirectory.open(path), wanted, IndexWriterConfig.OpenMode.CREATE);
    }

    private static Engine engine(Directory directory, String wanted, IndexWriterConfig.OpenMode mode)
            throws IOException {
        Analyzer analyzer = Analyzers.forIndex(wanted);
        var config = new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(16);
        var writer = new IndexWriter(directory, config);
        if (mode == IndexWriterConfig.OpenMode.CREATE) {
            writer.setLiveCommitData(Map.of(LANGUAGE, wanted, WATERMARK, "0", SCHEMA, Fields.SCHEMA).entrySet());
            writer.commit();
        }
        var searchers = new SearcherManager(writer, new SearcherFactory());
        return new Engine(directory, writer, searchers, analyzer, new Queries(analyzer), wanted);
    }

    private static Map<String, String> userData(IndexWriter writer) {
        var data = new HashMap<String, String>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    private void wipe() throws IOException {
        try (var files = Files.list(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Whether search answers: false while the index is being built from nothing. */
    public boolean isComplete() {
        return complete;
    }

    /** The open engine, for searching; throws while the index is being built from nothing. */
    Engine engine() {
        if (!complete || closed) {
            throw new SearchUnavailable("The search index is being rebuilt. Please try again in a minute.");
        }
        return engine;
    }

    /**
     * The change feed's subscriber: notes the change and lets the indexing thread re-read what it wrote. Under a
     * stream of writes the thread takes every change waiting at once: one read, one refresh.
     */
    public void onChange(Change change) {
        if (closed) {
            return;
        }
        if (following) {
            heard.add(change.id());
        }
        apply(change);
    }

    /**
     * On SQLite, where no follower reads the feed, writes made by other processes on the same file (the
     * {@code ./byline reindex} and {@code demo remove} commands) are read from it every second; this node's own
     * changes, already heard, are skipped.
     */
    public void followOtherProcesses(dev.byline.change.ChangeFeed feed) {
        following = true;
        long[] last = {feed.latestId()};
        indexer.scheduleWithFixedDelay(() -> {
            try {
                for (Change change : feed.since(last[0], 500)) {
                    if (!heard.remove(change.id())) {
                        apply(change);
                    }
                    last[0] = change.id();
                }
                heard.removeIf(id -> id <= last[0]);
            } catch (RuntimeException e) {
                LOG.warn("reading the change feed for the search index failed; will try again: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void apply(Change change) {
        if (closed) {
            return;
        }
        if (change.isReset() || REINDEX.equals(change.kind())) {
            rebuildInBackground();
            return;
        }
        if (!Analyzers.language(language.get()).equals(engine.language())) {
            indexer.execute(this::relanguage);
            return;
        }
        boolean relevant = change.entities().stream().anyMatch(entity -> switch (entity.kind()) {
            case Change.Entity.ARTICLE, Change.Entity.SECTION, Change.Entity.TAG, Change.Entity.AUTHOR -> true;
            default -> false;
        });
        if (relevant) {
            pending.add(change);
            indexer.execute(this::drain);
        }
    }

    private void drain() {
        var ids = new LinkedHashSet<Long>();
        try {
            for (Change change = pending.poll(); change != null; change = pending.poll()) {
                ids.addAll(affected(change));
            }
            reindex(ids);
        } catch (RuntimeException e) {
            LOG.error("Indexing articles {} failed; ./byline reindex rebuilds the index", ids, e);
        }
    }

    /** The articles a change wrote, and those showing the name of a section, tag or author it wrote. */
    private java.util.Set<Long> affected(Change change) {
        var ids = new LinkedHashSet<Long>();
        for (Change.Entity entity : change.entities()) {
            long id = entity.id();
            switch (entity.kind()) {
                case Change.Entity.ARTICLE -> ids.add(id);
                case Change.Entity.SECTION -> {
                    ids.addAll(store.inSectionTree(id));
                    ids.addAll(indexed(Fields.SECTION_ID, id));
                }
                case Change.Entity.TAG -> {
                    ids.addAll(store.withTag(id));
                    ids.addAll(indexed(Fields.TAG_ID, id));
                }
                case Change.Entity.AUTHOR -> {
                    ids.addAll(store.byAuthor(id));
                    ids.addAll(indexed(Fields.AUTHOR_ID, id));
                }
                default -> {
                }
            }
        }
        return ids;
    }

    /**
     * Waits until every change handed in before this call is searchable: for tests and tools, which would
     * otherwise have to sleep.
     */
    public void awaitIndexed() {
        try {
            indexer.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the search index did not catch up", e);
        }
    }

    /** Waits for the rebuild under way, if any, to finish. */
    public void awaitRebuilt() {
        CompletableFuture<Void> running = rebuilding.get();
        if (running != null) {
            running.orTimeout(10, TimeUnit.MINUTES).join();
        }
        awaitIndexed();
    }

    /** Rebuilds in place, in the background, while search answers from what the index holds. */
    public CompletableFuture<Void> rebuildInBackground() {
        var started = new CompletableFuture<Void>();
        CompletableFuture<Void> running = rebuilding.compareAndExchange(null, started);
        if (running != null) {
            return running;
        }
        rebuilder.execute(() -> {
            try {
                rebuild();
                started.complete(null);
            } catch (RuntimeException e) {
                LOG.error("Rebuilding the search index failed", e);
                started.completeExceptionally(e);
            } finally {
                rebuilding.set(null);
            }
        });
        return started;
    }

    /**
     * Writes every article again, a batch at a time, each batch read and written under the indexing lock; then
     * removes the documents of articles that no longer exist. Returns how many articles were indexed.
     */
    public long rebuild() {
        long started = System.nanoTime();
        long count = 0;
        long after = 0;
        while (!closed) {
            List<IndexedArticle> batch;
            synchronized (writing) {
                batch = store.batchAfter(after, BATCH);
                write(batch, Set.of());
            }
            if (batch.isEmpty()) {
                break;
            }
            count += batch.size();
            after = batch.getLast().id();
            Runnable hook = betweenBatches;
            betweenBatches = null;
            if (hook != null) {
                hook.run();
            }
        }
        synchronized (writing) {
            if (closed) {
                return count;
            }
            sweep();
            commit();
        }
        complete = true;
        rebuilds.incrementAndGet();
        LOG.info("Search index rebuilt: {} articles in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    /** For tests: {@code hook} runs once, after the next rebuild's first batch. */
    void betweenBatches(Runnable hook) {
        betweenBatches = hook;
    }

    /** The site's language changed: the index starts again from nothing in the new language's analysis. */
    private void relanguage() {
        synchronized (writing) {
            String wanted = Analyzers.language(language.get());
            if (wanted.equals(engine.language())) {
                return;
            }
            complete = false;
            try {
                closeEngine(engine);
                wipe();
                engine = create(wanted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        rebuildInBackground();
    }

    private void catchUp(Instant since) {
        try {
            reindex(store.changedSince(since));
            synchronized (writing) {
                sweep();
                commit();
            }
        } catch (RuntimeException e) {
            LOG.error("Catching the search index up failed; ./byline reindex rebuilds it", e);
        }
    }

    /** Reads the articles as they are now and writes them; those gone are deleted. */
    void reindex(Collection<Long> ids) {
        if (ids.isEmpty() || closed) {
            return;
        }
        synchronized (writing) {
            var found = store.byIds(ids);
            var missing = new HashSet<>(ids);
            found.forEach(article -> missing.remove(article.id()));
            write(found, missing);
            refresh();
        }
    }

    private void write(List<IndexedArticle> articles, Set<Long> deleted) {
        IndexWriter writer = engine.writer();
        try {
            for (IndexedArticle article : articles) {
                writer.updateDocument(new Term(Fields.ID, String.valueOf(article.id())), Fields.document(article));
            }
            for (long id : deleted) {
                writer.deleteDocuments(new Term(Fields.ID, String.valueOf(id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the search index failed", e);
        }
    }

    /** Deletes the documents of articles the database no longer has. */
    private void sweep() {
        var existing = new HashSet<>(store.allIds());
        var gone = new ArrayList<Long>();
        for (long id : allIndexed()) {
            if (!existing.contains(id)) {
                gone.add(id);
            }
        }
        write(List.of(), new HashSet<>(gone));
    }

    private void refresh() {
        try {
            engine.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("refreshing the search index failed", e);
        }
    }

    /** Commits (with the language and the time of this commit) and refreshes the searchers. */
    private void commit() {
        Engine current = engine;
        try {
            current.writer().setLiveCommitData(Map.of(LANGUAGE, current.language(),
                    WATERMARK, String.valueOf(clock.millis()), SCHEMA, Fields.SCHEMA).entrySet());
            current.writer().commit();
            current.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("committing the search index failed", e);
        }
    }

    /** The ids of the indexed articles that carry {@code id} in {@code field} (a tag may be gone from the database). */
    private List<Long> indexed(String field, long id) {
        return ids(new TermQuery(new Term(field, String.valueOf(id))));
    }

    private List<Long> allIndexed() {
        return ids(new org.apache.lucene.search.MatchAllDocsQuery());
    }

    private List<Long> ids(org.apache.lucene.search.Query query) {
        Engine current = engine;
        try {
            current.searchers().maybeRefreshBlocking();
            IndexSearcher searcher = current.searchers().acquire();
            try {
                int max = Math.max(1, searcher.getIndexReader().maxDoc());
                var hits = searcher.search(query, max);
                StoredFields stored = searcher.storedFields();
                var ids = new ArrayList<Long>(hits.scoreDocs.length);
                for (ScoreDoc hit : hits.scoreDocs) {
                    ids.add(Long.parseLong(stored.document(hit.doc, Set.of(Fields.ID)).get(Fields.ID)));
                }
                return ids;
            } finally {
                current.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rebuilds this node finished since it started (the one at start included): for tests and tools. */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** How many documents the index holds (every status): for tests and the reindex command's report. */
    public int size() {
        try {
            engine.searchers().maybeRefreshBlocking();
            IndexSearcher searcher = engine.searchers().acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                engine.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        indexer.shutdown();
        rebuilder.shutdown();
        try {
            indexer.awaitTermination(10, TimeUnit.SECONDS);
            rebuilder.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (writing) {
            try {
                closeEngine(engine);
            } catch (IOException e) {
                LOG.warn("closing the search index failed", e);
            }
        }
    }

    private static void closeEngine(Engine engine) throws IOException {
        engine.searchers().close();
        engine.writer().close();
        engine.directory().close();
    }
}
