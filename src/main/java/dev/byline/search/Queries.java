package dev.byline.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query from what was typed ({@link QueryText}), the filters and who asks ({@link Audience}).
 * Every word must match (title above dek above body, with tags, section and bylines between: {@link Fields#ALL}); a
 * phrase must match as a phrase; the last word may also be the start of a word. Relevance gets a gentle lift for
 * recent news: a distance-to-now score that halves at {@link #RECENCY_PIVOT}, worth about as much as a word found
 * in the body. Who may see what is a filter in the same query.
 */
final class Queries {

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
    Query text(QueryText text, org.apache.lucene.index.IndexReader reader) {
        return text(text, MIN_PREFIX, reader);
    }

    /**
     * @param minPrefix the shortest last word also matched as the start of words
     * @param reader    the index searched: a last word it knows as a whole word is taken as finished (a prefix of
     *                  a common word would weigh every article that has it, for little)
     */
    Query text(QueryText text, int minPrefix, org.apache.lucene.index.IndexReader reader) {
        var all = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 0; i < text.words().size(); i++) {
            String word = text.words().get(i);
            boolean last = text.prefix() && i == text.words().size() - 1;
            Query match = across(word, false);
            Query prefix = last ? prefix(word, minPrefix, reader) : null;
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
     * The word or phrase in {@link Fields#ALL}, where each part of an article counts as many times as it is
     * written (title above dek above body); null when the analyser leaves nothing of it.
     */
    private Query across(String text, boolean phrase) {
        if (phrase) {
            return builder.createPhraseQuery(Fields.ALL, text);
        }
        List<String> terms = terms(Fields.ALL, text);
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(Fields.ALL, terms.getFirst()));
        }
        var all = new BooleanQuery.Builder();
        terms.forEach(term -> all.add(new TermQuery(new Term(Fields.ALL, term)), Occur.MUST));
        return all.build();
    }

    /** The word as the start of a word as written (the plain field: no stems, no stop words). */
    private Query prefix(String word, int minPrefix, org.apache.lucene.index.IndexReader reader) {
        List<String> terms = terms(Fields.PLAIN, word);
        if (terms.size() != 1 || terms.getFirst().length() < minPrefix) {
            return null;
        }
        try {
            if (reader.docFreq(new Term(Fields.PLAIN, terms.getFirst())) > 0) {
                return null;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
