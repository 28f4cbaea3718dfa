package dev.byline.news;

import dev.byline.article.Note;
import dev.byline.media.Media;
import java.time.Instant;
import java.util.List;

/**
 * A published page (About, Contact, Corrections policy), whole: no section, no byline, no date shown.
 *
 * @param bodyHtml rendered and sanitised when saved; safe to emit as is
 * @param image    the featured image, or null
 * @param notes    its corrections and updates, oldest first
 */
public record PageDetail(long id, String slug, String title, String dek, String excerpt, String bodyHtml,
                         String seoTitle, String seoDescription, Instant updatedAt, Media image, List<Note> notes) {
}
