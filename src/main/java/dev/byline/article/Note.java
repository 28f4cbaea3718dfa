package dev.byline.article;

import java.time.Instant;

/**
 * A dated correction or update on a published article, shown to readers with its date; never edited or removed,
 * so it stays in the article's history.
 *
 * @param body plain text (escaped where shown)
 * @param who  the name of who added it, at the time
 */
public record Note(long id, long articleId, NoteKind kind, String body, Placement placement, Instant at,
                   String who) {
}
