package dev.byline.search;

import dev.byline.search.IndexedArticle.Named;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The index's fields and how an article becomes a document. Words are searched in {@link #ALL}; the title, dek and
 * body are stored for the highlighter; filter fields are exact terms; {@link #DATE} is a point with doc values
 * (ranges, sorting, the recency boost).
 */
final class Fields {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String SLUG = "slug";
    static final String TITLE = "title";
    static final String DEK = "dek";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String SECTION = "section";
    static final String AUTHORS = "authors";
    /**
     * Everything a word is looked for in, each part as many times as it counts: the title four times, the dek, tags
     * and bylines twice, the section and the body once. One field is BM25F by repetition: a single term query per
     * word, which the top ten can be collected from without scoring every match (block-max WAND).
     */
    static final String ALL = "all";
    /** How many times each part is written into {@link #ALL}. */
    static final int TITLE_WEIGHT = 4;
    static final int DEK_WEIGHT = 2;
    static final int TAGS_WEIGHT = 2;
    static final int AUTHORS_WEIGHT = 2;
    /** Bumped when what the index holds changes: an index of another schema is rebuilt at start. */
    static final String SCHEMA = "2";
    /** every word of the text as written (standard analysis): prefix matching on the last word typed */
    static final String PLAIN = "plain";
    /** the words of public articles only: "did you mean" may never suggest a word only a draft has */
    static final String SPELL = "spell";
    static final String SECTION_SLUG = "section_slug";
    static final String SECTION_ID = "section_id";
    static final String TAG_SLUG = "tag_slug";
    static final String TAG_ID = "tag_id";
    static final String AUTHOR_SLUG = "author_slug";
    static final String AUTHOR_ID = "author_id";
    static final String DATE = "date";
    static final String PUBLISHED = "published";
    /** what a result shows of its section and bylines: "slug\tname" lines */
    static final String SHOWN_SECTION = "shown_section";
    static final String SHOWN_AUTHORS = "shown_authors";

    private Fields() {
    }

    static Document document(IndexedArticle article) {
        var doc = new Document();
        doc.add(new StringField(ID, String.valueOf(article.id()), Store.YES));
        doc.add(new StringField(KIND, article.kind(), Store.NO));
        doc.add(new StringField(STATUS, article.status(), Store.YES));
        doc.add(new StoredField(SLUG, article.slug()));
        // read back by the highlighter, which analyses them again: stored, not indexed (ALL is searched)
        doc.add(new StoredField(TITLE, article.title()));
        doc.add(new StoredField(DEK, article.dek()));
        doc.add(new StoredField(BODY, article.bodyText()));
        String sectionName = article.sections().isEmpty() ? "" : article.sections().getFirst().name();
        addTimes(doc, article.title(), TITLE_WEIGHT);
        addTimes(doc, article.dek(), DEK_WEIGHT);
        addTimes(doc, names(article.tags()), TAGS_WEIGHT);
        addTimes(doc, names(article.authors()), AUTHORS_WEIGHT);
        addTimes(doc, sectionName, 1);
        addTimes(doc, article.bodyText(), 1);
        String text = String.join("\n", article.title(), article.dek(), article.bodyText());
        doc.add(new TextField(PLAIN, text + "\n" + names(article.tags()) + "\n"
                + names(article.authors()), Store.NO));
        if (article.isPublic()) {
            doc.add(new TextField(SPELL, text, Store.NO));
        }
        for (Named section : article.sections()) {
            doc.add(new StringField(SECTION_SLUG, section.slug(), Store.NO));
            doc.add(new StringField(SECTION_ID, String.valueOf(section.id()), Store.NO));
        }
        for (Named tag : article.tags()) {
            doc.add(new StringField(TAG_SLUG, tag.slug(), Store.NO));
            doc.add(new StringField(TAG_ID, String.valueOf(tag.id()), Store.NO));
        }
        for (Named author : article.authors()) {
            doc.add(new StringField(AUTHOR_SLUG, author.slug(), Store.NO));
            doc.add(new StringField(AUTHOR_ID, String.valueOf(author.id()), Store.NO));
        }
        doc.add(new LongField(DATE, article.date().toEpochMilli(), Store.YES));
        if (article.publishedAt() != null) {
            doc.add(new StoredField(PUBLISHED, article.publishedAt().toEpochMilli()));
        }
        if (!article.sections().isEmpty()) {
            Named section = article.sections().getFirst();
            doc.add(new StoredField(SHOWN_SECTION, section.slug() + "\t" + section.name()));
        }
        doc.add(new StoredField(SHOWN_AUTHORS, article.authors().stream()
                .map(author -> author.slug() + "\t" + author.name()).collect(Collectors.joining("\n"))));
        return doc;
    }

    private static void addTimes(Document doc, String text, int times) {
        if (text.isEmpty()) {
            return;
        }
        for (int i = 0; i < times; i++) {
            doc.add(new TextField(ALL, text, Store.NO));
        }
    }

    private static String names(java.util.List<Named> named) {
        return named.stream().map(Named::name).collect(Collectors.joining("\n"));
    }
}
