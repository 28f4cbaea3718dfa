package dev.byline.search;

import java.time.Instant;
import java.util.List;

/**
 * An article (or a page) as the index holds it: its text, who wrote it, where it is filed, and what decides who may
 * find it (status, kind, bylines).
 *
 * @param bodyText     the body as text, without its HTML
 * @param sections     its section first, then the sections above it (a filter by a parent section finds it)
 * @param publishedAt  null while never published
 * @param tags         in the editor's order
 * @param authors      the byline, in order
 */
public record IndexedArticle(long id, String slug, String kind, String status, String title, String dek,
                             String bodyText, List<Named> sections, Instant publishedAt, Instant updatedAt,
                             List<Named> tags, List<Named> authors) {

    public IndexedArticle {
        sections = List.copyOf(sections);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
    }

    /** A section, tag or author: its id, its slug (filters and links) and its name (what is searched and shown). */
    public record Named(long id, String slug, String name) {
    }

    /** Readers may find it: published, an article (pages are not search results). */
    public boolean isPublic() {
        return "published".equals(status) && "article".equals(kind);
    }

    /** The date lists show: the publication date, or the last change of what never was published. */
    public Instant date() {
        return publishedAt != null ? publishedAt : updatedAt;
    }
}
