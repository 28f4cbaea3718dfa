package dev.byline.article;

import java.time.Instant;
import java.util.List;

/**
 * An article (or a page) as stored.
 *
 * @param bodyHtml          the Markdown body rendered and sanitised when saved; safe to emit as is
 * @param featuredMediaId   the lead image, or null
 * @param sectionId         its section; 0 for a page, which belongs to none
 * @param publishedAt       when it went or goes public, or null while a draft
 * @param authorIds         the byline, in order (a page's are who may edit it; it shows none)
 * @param tagIds            tags, in the order the editor gave them
 * @param version           raised by every save; an update must carry the version it was made from
 * @param seoTitle          the title for search engines and shares, when not the headline ("" for the headline)
 * @param seoDescription    the description for search engines, when not the excerpt ("" for the excerpt)
 * @param trashedAt         when it was moved to the trash, or null
 * @param statusBeforeTrash the status a restore brings it back to, or null when not in the trash
 */
public record Article(long id, String slug, String title, String dek, String bodyMarkdown, String bodyHtml,
                      String excerpt, Long featuredMediaId, ArticleStatus status, long sectionId,
                      Instant publishedAt, Instant createdAt, Instant updatedAt,
                      List<Long> authorIds, List<Long> tagIds, long version, Kind kind, String seoTitle,
                      String seoDescription, Instant trashedAt, ArticleStatus statusBeforeTrash) {

    /** An article (not a page) without SEO overrides, not in the trash: as before the desk. */
    public Article(long id, String slug, String title, String dek, String bodyMarkdown, String bodyHtml,
                   String excerpt, Long featuredMediaId, ArticleStatus status, long sectionId,
                   Instant publishedAt, Instant createdAt, Instant updatedAt,
                   List<Long> authorIds, List<Long> tagIds, long version) {
        this(id, slug, title, dek, bodyMarkdown, bodyHtml, excerpt, featuredMediaId, status, sectionId, publishedAt,
                createdAt, updatedAt, authorIds, tagIds, version, Kind.ARTICLE, "", "", null, null);
    }

    public Article withId(long newId) {
        return new Article(newId, slug, title, dek, bodyMarkdown, bodyHtml, excerpt, featuredMediaId, status,
                sectionId, publishedAt, createdAt, updatedAt, authorIds, tagIds, version, kind, seoTitle,
                seoDescription, trashedAt, statusBeforeTrash);
    }

    public Article withStatus(ArticleStatus newStatus) {
        return new Article(id, slug, title, dek, bodyMarkdown, bodyHtml, excerpt, featuredMediaId, newStatus,
                sectionId, publishedAt, createdAt, updatedAt, authorIds, tagIds, version, kind, seoTitle,
                seoDescription, trashedAt, statusBeforeTrash);
    }

    Article withLinks(List<Long> newAuthorIds, List<Long> newTagIds) {
        return new Article(id, slug, title, dek, bodyMarkdown, bodyHtml, excerpt, featuredMediaId, status,
                sectionId, publishedAt, createdAt, updatedAt, newAuthorIds, newTagIds, version, kind, seoTitle,
                seoDescription, trashedAt, statusBeforeTrash);
    }

    /** What a teaser shows of it is the same: lists showing both need not change. */
    public boolean sameCardAs(Article other) {
        return title.equals(other.title) && dek.equals(other.dek) && excerpt.equals(other.excerpt)
                && slug.equals(other.slug) && java.util.Objects.equals(publishedAt, other.publishedAt)
                && java.util.Objects.equals(featuredMediaId, other.featuredMediaId) && sectionId == other.sectionId
                && authorIds.equals(other.authorIds);
    }

    public boolean isPublic() {
        return status == ArticleStatus.PUBLISHED;
    }

    public boolean isPage() {
        return kind == Kind.PAGE;
    }
}
