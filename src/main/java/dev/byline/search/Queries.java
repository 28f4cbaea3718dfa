package dev.byline.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query from what was typed ({@link QueryText}), the filters and who asks ({@link Audience}).
 * Every word must match in some field (title above dek above body, with tags, section and bylines between); a
 * phrase must match as a phrase; the last word may also be the start of a word. Relevance gets a gentle lift for
 * recent news: a distance-to-now score that halves at {@link #RECENCY_PIVOT}, worth about as much as a word found
 * in the body. Who may see what is a filter in the same query.
 */
final class Queries {

    /** Field boosts: the title counts most, then the dek, then the body. */
    static final Map<String, Float> BOOSTS = Map.of(Fields.TITLE, 4f, Fields.DEK, 2f, Fields.TAGS, 2f,
            Fields.AUTHORS, 2f, Fields.SECTION, 1.5f, Fields.BODY, 1f);
    static final Duration RECENCY_PIVOT = Duration.ofDays(30);
    static final float RECENCY_WEIGHT = 1.5f;
    /** Readers' shortest unfinished word: one letter would expand to most of the index's words. */
    static final int MIN_PREFIX = 2;

    private final Analyzer analyzer;
    private final QueryBuilder builder;

    Queries(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
    }

    /** The words and phrases as a query, without filters; null when nothing searchable is left (only stop words). */
    Query text(QueryText text) {
        return text(text, MIN_PREFIX);
    }

    /** @param minPrefix the shortest last word also matched as the start of words */
    Query text(QueryText text, int minPrefix) {
        var all = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 0; i < text.words().size(); i++) {
            String word = text.words().get(i);
            boolean last = text.prefix() && i == text.words().size() - 1;
            Query match = across(word, false);
            Query prefix = last ? prefix(word, minPrefix) : null;
            if (match != null && prefix != null) {
                match = new BooleanQuery.Builder().add(match, Occur.SHOULD).add(prefix, Occur.SHOULD).build();
            } else if (match == null) {
                match = prefix;
            }
            if (match != null) {
                all.add(match, Occur.MUST);
                clauses++;
            }
        }
        for (String phrase : text.phrases()) {
            Query match = across(phrase, true);
            if (match != null) {
                all.add(match, Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    /** The full query: the text (or everything, for the desk's list without words), the filters, the audience. */
    Query full(Query text, SearchRequest request, Audience audience, Instant now) {
        var query = new BooleanQuery.Builder();
        query.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        if (text != null && !request.byDate()) {
            query.add(LongField.newDistanceFeatureQuery(Fields.DATE, RECENCY_WEIGHT, now.toEpochMilli(),
                    RECENCY_PIVOT.toMillis()), Occur.SHOULD);
        }
        filter(query, Fields.SECTION_SLUG, request.section());
        filter(query, Fields.TAG_SLUG, request.tag());
        filter(query, Fields.AUTHOR_SLUG, request.author());
        if (request.from() != null || request.until() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
            long until = request.until() == null ? Long.MAX_VALUE : request.until().toEpochMilli() - 1;
            query.add(LongField.newRangeQuery(Fields.DATE, from, until), Occur.FILTER);
        }
        switch (audience) {
            case Audience.Readers readers -> {
                filter(query, Fields.STATUS, "published");
                filter(query, Fields.KIND, "article");
            }
            case Audience.Desk desk -> {
                filter(query, Fields.KIND, desk.kind());
                if (desk.status() != null) {
                    filter(query, Fields.STATUS, desk.status());
                } else {
                    query.add(new TermQuery(new Term(Fields.STATUS, "trash")), Occur.MUST_NOT);
                }
                if (desk.ownerId() != 0) {
                    filter(query, Fields.AUTHOR_ID, String.valueOf(desk.ownerId()));
                }
            }
        }
        return query.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /**
     * The word or phrase in the boosted fields; null when the analyser leaves nothing of it. A word is scored as
     * BM25F over the fields together ({@link CombinedFieldQuery}: each field's occurrences count as many times as
     * its boost, against one document length and one document frequency), so a rare field such as the dek is not
     * given a rarity it does not have. A phrase is the best of its matches field by field.
     */
    private Query across(String text, boolean phrase) {
        if (!phrase) {
            List<String> terms = terms(Fields.BODY, text);
            if (terms.isEmpty()) {
                return null;
            }
            var all = new BooleanQuery.Builder();
            for (String term : terms) {
                var combined = new CombinedFieldQuery.Builder(term);
                BOOSTS.forEach(combined::addField);
                all.add(combined.build(), Occur.MUST);
            }
            return terms.size() == 1 ? all.build().clauses().getFirst().query() : all.build();
        }
        var any = new BooleanQuery.Builder();
        int fields = 0;
        for (var field : BOOSTS.entrySet()) {
            Query match = builder.createPhraseQuery(field.getKey(), text);
            if (match != null) {
                any.add(new BoostQuery(match, field.getValue()), Occur.SHOULD);
                fields++;
            }
        }
        return fields == 0 ? null : any.build();
    }

    /** The word as the start of a word as written (the plain field: no stems, no stop words). */
    private Query prefix(String word, int minPrefix) {
        List<String> terms = terms(Fields.PLAIN, word);
        if (terms.size() != 1 || terms.getFirst().length() < minPrefix) {
            return null;
        }
        return new BoostQuery(new PrefixQuery(new Term(Fields.PLAIN, terms.getFirst())), 0.5f);
    }

    /** The terms the analyser makes of {@code text} for {@code field}. */
    List<String> terms(String field, String text) {
        var terms = new ArrayList<String>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return terms;
    }
}
