package dev.byline.article;

import java.time.Instant;
import java.util.List;

/**
 * What an editor submits: a new article ({@code id == 0}) or changes to one. Blank slug and excerpt are derived
 * from the title and body.
 *
 * @param sectionId   required; null only when the form left it out
 * @param publishedAt null to keep the publication date (or publish now, the first time), or the time to
 *                    schedule for
 * @param version     for an update, the version of the article the changes were made to: if it has been saved
 *                    since, the update is refused ({@link dev.byline.error.Conflict}); ignored for a new article
 */
public record ArticleDraft(long id, String title, String dek, String slug, String bodyMarkdown, String excerpt,
                           Long featuredMediaId, ArticleStatus status, Long sectionId, List<Long> authorIds,
                           List<String> tagNames, Instant publishedAt, long version) {

    /** A new article. */
    public ArticleDraft(long id, String title, String dek, String slug, String bodyMarkdown, String excerpt,
                        Long featuredMediaId, ArticleStatus status, Long sectionId, List<Long> authorIds,
                        List<String> tagNames, Instant publishedAt) {
        this(id, title, dek, slug, bodyMarkdown, excerpt, featuredMediaId, status, sectionId, authorIds, tagNames,
                publishedAt, 0);
    }
}
