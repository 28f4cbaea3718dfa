package dev.byline.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored.
 *
 * @param bodyHtml        the Markdown body rendered and sanitised when saved; safe to emit as is
 * @param featuredMediaId the lead image, or null
 * @param publishedAt     when it went or goes public, or null while a draft
 * @param authorIds       the byline, in order
 * @param tagIds          tags, in the order the editor gave them
 * @param version         raised by every save; an update must carry the version it was made from
 */
public record Article(long id, String slug, String title, String dek, String bodyMarkdown, String bodyHtml,
                      String excerpt, Long featuredMediaId, ArticleStatus status, long sectionId,
                      Instant publishedAt, Instant createdAt, Instant updatedAt,
                      List<Long> authorIds, List<Long> tagIds, long version) {

    public Article withId(long newId) {
        return new Article(newId, slug, title, dek, bodyMarkdown, bodyHtml, excerpt, featuredMediaId, status,
                sectionId, publishedAt, createdAt, updatedAt, authorIds, tagIds, version);
    }

    public Article withStatus(ArticleStatus newStatus) {
        return new Article(id, slug, title, dek, bodyMarkdown, bodyHtml, excerpt, featuredMediaId, newStatus,
                sectionId, publishedAt, createdAt, updatedAt, authorIds, tagIds, version);
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
}
