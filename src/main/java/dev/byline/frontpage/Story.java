package dev.byline.frontpage;

import java.time.Instant;

/** A published article as the front page's desk lists it: enough to recognise it and link to it. */
public record Story(long id, String title, String slug, Instant publishedAt, long sectionId) {
}
