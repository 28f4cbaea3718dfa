package dev.byline.comment;

/** What the rules made of a comment, and why, in words a moderator reads in the queue. */
public record Decision(CommentStatus status, String reason) {

    static Decision approved(String reason) {
        return new Decision(CommentStatus.APPROVED, reason);
    }

    static Decision held(String reason) {
        return new Decision(CommentStatus.PENDING, reason);
    }

    static Decision spam(String reason) {
        return new Decision(CommentStatus.SPAM, reason);
    }
}
