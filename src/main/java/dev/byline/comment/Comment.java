package dev.byline.comment;

import java.time.Instant;

/**
 * One comment as stored. {@code authorEmail} and {@code ip} are for moderators only: no public page, feed or API
 * answer shows them.
 *
 * @param parentId  the comment replied to, or 0 at the top level
 * @param threadId  the top-level comment of its thread (its own id at the top)
 * @param userId    the member of staff who wrote it signed in, or 0 for a reader
 * @param bodyHtml  the text as pages show it: paragraphs and the allow-list, sanitised when saved
 * @param reason    why the rules (or a moderator) put it where it is
 */
public record Comment(long id, long articleId, long parentId, long threadId, int depth, String authorName,
                      String authorEmail, String authorUrl, String ip, String userAgent, long userId, String body,
                      String bodyHtml, CommentStatus status, String reason, boolean followUps, Instant createdAt,
                      Instant updatedAt, long version) {

    public boolean approved() {
        return status == CommentStatus.APPROVED;
    }

    public boolean staff() {
        return userId != 0;
    }
}
