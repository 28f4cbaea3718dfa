package dev.byline.article;

import java.time.Instant;
import java.util.List;

/** What a list shows of an article: enough for a teaser, none of the body. */
public record ArticleSummary(long id, String slug, String title, String dek, String excerpt, Long featuredMediaId,
                             long sectionId, Instant publishedAt, Instant updatedAt, List<Long> authorIds) {
}
