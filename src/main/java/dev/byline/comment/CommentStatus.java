package dev.byline.comment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a comment stands, as WordPress has it: waiting for a moderator, public, spam, or in the trash. */
public enum CommentStatus {
    PENDING("Pending"), APPROVED("Approved"), SPAM("Spam"), TRASH("Trash");

    private final String label;

    CommentStatus(String label) {
        this.label = label;
    }

    /** As stored: {@code pending}, {@code approved}, {@code spam}, {@code trash}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static CommentStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }

    public static Optional<CommentStatus> parse(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> s.dbValue().equals(text.strip())).findFirst();
    }
}
