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
 * The index's fields and how an article becomes a document. Text fields are analysed in the site's language and
 * stored (the highlighter reads them back); filter fields are exact terms; {@link #DATE} is a point with doc values
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
        doc.add(new TextField(TITLE, article.title(), Store.YES));
        doc.add(new TextField(DEK, article.dek(), Store.YES));
        doc.add(new TextField(BODY, article.bodyText(), Store.YES));
        doc.add(new TextField(TAGS, names(article.tags()), Store.NO));
        doc.add(new TextField(AUTHORS, names(article.authors()), Store.NO));
        doc.add(new TextField(SECTION, article.sections().isEmpty() ? "" : article.sections().getFirst().name(),
                Store.NO));
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

    private static String names(java.util.List<Named> named) {
        return named.stream().map(Named::name).collect(Collectors.joining("\n"));
    }
}
