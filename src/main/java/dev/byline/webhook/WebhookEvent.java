package dev.byline.webhook;

import java.util.List;

/** The events a webhook can be sent, by name, and what each means. */
public final class WebhookEvent {

    /** An article or page became public: published now, or its scheduled time came. */
    public static final String ARTICLE_PUBLISHED = "article.published";
    /** A public article or page changed (text, headline, a correction note, its address). */
    public static final String ARTICLE_UPDATED = "article.updated";
    /** A public article or page went back to draft, review, scheduled or private. */
    public static final String ARTICLE_UNPUBLISHED = "article.unpublished";
    /** A public article or page went to the trash, or was deleted. */
    public static final String ARTICLE_DELETED = "article.deleted";
    /** A reader (or a member of staff) posted a comment, whatever the moderation decided. */
    public static final String COMMENT_CREATED = "comment.created";
    /** A comment became public: approved at once when posted, or by a moderator. */
    public static final String COMMENT_APPROVED = "comment.approved";
    /** The "send test" button: to check the receiver and its signature check. */
    public static final String PING = "ping";

    /** Every event one subscribes to, in the order the admin lists them. */
    public static final List<String> ALL = List.of(ARTICLE_PUBLISHED, ARTICLE_UPDATED, ARTICLE_UNPUBLISHED,
            ARTICLE_DELETED, COMMENT_CREATED, COMMENT_APPROVED);

    private WebhookEvent() {
    }

    /** What the admin says of an event. */
    public static String describe(String event) {
        return switch (event) {
            case ARTICLE_PUBLISHED -> "An article or page is published";
            case ARTICLE_UPDATED -> "A published article or page is changed";
            case ARTICLE_UNPUBLISHED -> "A published article or page is unpublished";
            case ARTICLE_DELETED -> "A published article or page is trashed or deleted";
            case COMMENT_CREATED -> "A comment is posted (held or not)";
            case COMMENT_APPROVED -> "A comment is approved";
            case PING -> "Test";
            default -> event;
        };
    }
}
