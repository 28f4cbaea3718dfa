package dev.byline.search;

import dev.byline.search.IndexedArticle.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Searching the index: the page of results with their highlighted titles and snippets, the exact total, and "did
 * you mean" when a word is unknown. The site, the API and the desk all search here, each as its {@link Audience}.
 */
public final class SearchService {

    private static final Set<String> TEXT_FIELDS = Set.of(Fields.ALL, Fields.TITLE, Fields.DEK, Fields.BODY, Fields.PLAIN,
            Fields.TAGS, Fields.AUTHORS, Fields.SECTION);
    /** Escaped text with only {@code <mark>} added: the snippets are emitted as HTML. */
    private static final DefaultPassageFormatter MARKS = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    private static final int SNIPPET_CHARS = 5_000;
    private static final int COUNTED = 1_000;

    private final SearchIndex index;
    private final Clock clock;
    private final DirectSpellChecker speller = new DirectSpellChecker();

    public SearchService(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * One page of results for {@code audience}. An empty query (or one of stop words only) finds nothing.
     *
     * @throws SearchUnavailable while the index is being built from nothing
     */
    public SearchResults search(SearchRequest request, Audience audience) {
        try {
            return searchNow(request, audience);
        } catch (org.apache.lucene.store.AlreadyClosedException swapped) {
            // the index was closed under this search: the site's language changed and it is being rebuilt
            throw new SearchUnavailable("The search index is being rebuilt. Please try again in a minute.");
        }
    }

    private SearchResults searchNow(SearchRequest request, Audience audience) {
        SearchIndex.Engine engine = index.engine();
        QueryText text = QueryText.parse(request.text());
        try {
            IndexSearcher searcher = engine.searchers().acquire();
            try {
                Query words = engine.queries().text(text, searcher.getIndexReader());
                if (words == null) {
                    return new SearchResults(text.normalized(), 0, request.page(), request.pageSize(), List.of(),
                            null);
                }
                Query query = engine.queries().full(words, request, audience, clock.instant());
                TopDocs top = top(searcher, query, request);
                int from = (request.page() - 1) * request.pageSize();
                ScoreDoc[] page = from >= top.scoreDocs.length ? new ScoreDoc[0]
                        : java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
                List<SearchHit> hits = hits(engine, searcher, query, page);
                long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value()
                        : searcher.count(query);
                // offered when nothing was found: a word finished by the prefix ("plasm") found what it meant
                String suggestion = total == 0 && audience instanceof Audience.Readers
                        ? suggestion(engine, searcher, text, request, audience) : null;
                return new SearchResults(text.normalized(), total, request.page(), request.pageSize(), hits,
                        suggestion);
            } finally {
                engine.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /**
     * The desk's search of its list ({@link dev.byline.article.DeskListing.TextSearch}): the ids of the articles
     * (or pages) whose text matches the words, best first, at most {@code limit}, among those the viewer's list
     * holds (their own only when {@code ownerId} is not 0; the trash only when asked for). Empty when the index is
     * being rebuilt or the words are only stop words: the list then searches titles as before.
     */
    public java.util.Optional<List<Long>> deskMatches(String words, dev.byline.article.Kind kind,
                                                      dev.byline.article.ArticleStatus status, long ownerId,
                                                      int limit) {
        SearchIndex.Engine engine;
        try {
            engine = index.engine();
        } catch (SearchUnavailable rebuilding) {
            return java.util.Optional.empty();
        }
        // the newsroom expects what it just saved to be in its list: this node's changes heard so far are applied
        index.awaitIndexed();
        var audience = new Audience.Desk(kind.dbValue(), status == null ? null : status.dbValue(), ownerId);
        try {
            return deskMatches(engine, words, audience, limit);
        } catch (org.apache.lucene.store.AlreadyClosedException swapped) {
            return java.util.Optional.empty(); // being rebuilt in another language: the title search meanwhile
        }
    }

    private java.util.Optional<List<Long>> deskMatches(SearchIndex.Engine engine, String words, Audience audience,
                                                       int limit) {
        try {
            IndexSearcher searcher = engine.searchers().acquire();
            try {
                // one letter typed last also matches as a prefix: the desk's lists are looked at, not served to all
                Query text = engine.queries().text(QueryText.parse(words), 1, searcher.getIndexReader());
                if (text == null) {
                    return java.util.Optional.empty();
                }
                Query query = engine.queries().full(text, SearchRequest.of(words), audience, clock.instant());
                TopDocs top = searcher.search(query, Math.max(1, limit));
                var stored = searcher.storedFields();
                var ids = new ArrayList<Long>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    ids.add(Long.parseLong(stored.document(hit.doc, Set.of(Fields.ID)).get(Fields.ID)));
                }
                return java.util.Optional.of(ids);
            } finally {
                engine.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /**
     * The hits up to the end of the page asked for. Counting stops at {@link #COUNTED}, so the collector may skip
     * documents that cannot make the page (block-max WAND); a larger total is then counted apart, without scores.
     */
    private static TopDocs top(IndexSearcher searcher, Query query, SearchRequest request) throws IOException {
        int upTo = request.page() * request.pageSize();
        if (request.byDate()) {
            var sort = new Sort(new SortedNumericSortField(Fields.DATE, SortField.Type.LONG, true));
            return searcher.search(query, new TopFieldCollectorManager(sort, upTo, null, COUNTED));
        }
        return searcher.search(query, new TopScoreDocCollectorManager(upTo, null, COUNTED));
    }

    private static List<SearchHit> hits(SearchIndex.Engine engine, IndexSearcher searcher, Query query,
                                        ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        var whole = new UnifiedHighlighter.Builder(searcher, engine.analyzer()).withFormatter(MARKS)
                .withFieldMatcher(TEXT_FIELDS::contains).withHandleMultiTermQuery(true)
                .withBreakIterator(WholeBreakIterator::new).build();
        var passages = new UnifiedHighlighter.Builder(searcher, engine.analyzer()).withFormatter(MARKS)
                .withFieldMatcher(TEXT_FIELDS::contains).withHandleMultiTermQuery(true).withMaxLength(SNIPPET_CHARS)
                .build();
        var titles = whole.highlightFields(new String[] {Fields.TITLE, Fields.DEK}, query, docs, new int[] {1, 1});
        var bodies = passages.highlightFields(new String[] {Fields.BODY}, query, docs, new int[] {2});
        var stored = searcher.storedFields();
        var hits = new ArrayList<SearchHit>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(docs[i]);
            String title = doc.get(Fields.TITLE);
            String titleHtml = orEscaped(titles.get(Fields.TITLE)[i], title);
            String dekHtml = titles.get(Fields.DEK)[i];
            String bodyHtml = bodies.get(Fields.BODY)[i];
            String snippet = bodyHtml != null && bodyHtml.contains("<mark>") ? bodyHtml
                    : dekHtml != null && !dekHtml.isBlank() ? dekHtml
                    : bodyHtml == null ? "" : bodyHtml;
            hits.add(new SearchHit(Long.parseLong(doc.get(Fields.ID)), doc.get(Fields.SLUG), doc.get(Fields.STATUS),
                    title, titleHtml, snippet, section(doc), instant(doc, Fields.PUBLISHED),
                    instant(doc, Fields.DATE), authors(doc)));
        }
        return hits;
    }

    /**
     * The text with its first unknown word replaced by the closest word public articles have, if the changed
     * text finds something for this audience; else null.
     */
    private String suggestion(SearchIndex.Engine engine, IndexSearcher searcher, QueryText text,
                              SearchRequest request, Audience audience) throws IOException {
        var reader = searcher.getIndexReader();
        for (String word : text.words()) {
            List<String> terms = engine.queries().terms(Fields.SPELL, word);
            if (terms.size() != 1 || terms.getFirst().length() < 3) {
                continue;
            }
            Term term = new Term(Fields.SPELL, terms.getFirst());
            if (reader.docFreq(term) > 0) {
                continue;
            }
            SuggestWord[] close = speller.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (close.length == 0) {
                continue;
            }
            String corrected = replaceWord(request.text(), word, close[0].string);
            Query words = engine.queries().text(QueryText.parse(corrected), reader);
            if (words != null && searcher.count(engine.queries().full(words, request, audience,
                    clock.instant())) > 0) {
                return QueryText.parse(corrected).normalized();
            }
        }
        return null;
    }

    private static String replaceWord(String text, String word, String replacement) {
        int at = text.indexOf(word);
        return at < 0 ? text : text.substring(0, at) + replacement + text.substring(at + word.length());
    }

    private static String orEscaped(String highlighted, String plain) {
        return highlighted != null ? highlighted : escape(plain == null ? "" : plain);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    private static Named section(Document doc) {
        String shown = doc.get(Fields.SHOWN_SECTION);
        if (shown == null) {
            return null;
        }
        String[] parts = shown.split("\t", 2);
        return new Named(0, parts[0], parts.length > 1 ? parts[1] : parts[0]);
    }

    private static List<Named> authors(Document doc) {
        String shown = doc.get(Fields.SHOWN_AUTHORS);
        if (shown == null || shown.isEmpty()) {
            return List.of();
        }
        return shown.lines().map(line -> line.split("\t", 2))
                .map(parts -> new Named(0, parts[0], parts.length > 1 ? parts[1] : parts[0])).toList();
    }

    private static Instant instant(Document doc, String field) {
        var value = doc.getField(field);
        return value == null ? null : Instant.ofEpochMilli(value.numericValue().longValue());
    }
}
