package dev.byline.news;

import java.time.Instant;

/**
 * Where the public article a slug names is now.
 *
 * @param renamed true when the slug asked for is one the article had before: the caller redirects
 */
public record Located(long id, String slug, Instant publishedAt, boolean renamed) {
}
