package dev.byline.search;

import dev.byline.search.IndexedArticle.Named;
import java.time.Instant;
import java.util.List;

/**
 * One result.
 *
 * @param titleHtml   the title, HTML-escaped, with the words found in {@code <mark>}: safe to emit as is
 * @param snippetHtml a passage of the body (or the dek) the same way: escaped text and {@code <mark>} only
 * @param section     its section, or null (a page)
 * @param publishedAt null while never published
 */
public record SearchHit(long id, String slug, String status, String title, String titleHtml, String snippetHtml,
                        Named section, Instant publishedAt, Instant date, List<Named> authors) {
}
