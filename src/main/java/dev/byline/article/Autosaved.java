package dev.byline.article;

import java.time.Instant;

/**
 * What an autosave did: the article it is for (new on the first autosave of a new article) and the version the
 * editor holds, which an autosave of an existing article leaves as it was: the live article did not change.
 */
public record Autosaved(long articleId, long version, Instant at) {
}
