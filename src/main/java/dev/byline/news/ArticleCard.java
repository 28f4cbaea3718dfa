package dev.byline.news;

import dev.byline.media.Media;
import dev.byline.taxonomy.Section;
import java.time.Instant;
import java.util.List;

/**
 * A published article as lists show it: home, archives, "More in", feeds, search results, the API's lists.
 *
 * @param section the article's own section (not its parents)
 * @param bylines the names on it, in the order the editor gave them
 * @param image   the featured image, or null
 */
public record ArticleCard(long id, String slug, String title, String dek, String excerpt, Section section,
                          Instant publishedAt, Instant updatedAt, List<AuthorName> bylines, Media image) {
}
