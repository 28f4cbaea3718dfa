package dev.byline.article;

import java.time.Instant;
import java.util.List;

/** One line of the desk's list: what the table shows of an article, none of its body. */
public record DeskRow(long id, String slug, String title, ArticleStatus status, Kind kind, Long sectionId,
                      Instant publishedAt, Instant updatedAt, Instant trashedAt, long version, List<Long> authorIds) {
}
