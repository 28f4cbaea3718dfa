package dev.byline.article;

import java.time.Instant;
import java.util.List;

/**
 * What an editor submits: a new article ({@code id == 0}) or changes to one. Blank slug and excerpt are derived
 * from the title and body.
 *
 * @param sectionId   required; null only when the form left it out
 * @param publishedAt null to publish now, or the time to schedule for
 */
public record ArticleDraft(long id, String title, String dek, String slug, String bodyMarkdown, String excerpt,
                           Long featuredMediaId, ArticleStatus status, Long sectionId, List<Long> authorIds,
                           List<String> tagNames, Instant publishedAt) {
}
