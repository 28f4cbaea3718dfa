package dev.byline.article;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an article stands. Only PUBLISHED articles are on the public site. TRASH is reached only through
 * {@link Desk#trash} (never by a save), remembers the status it left, and is emptied after 30 days.
 */
public enum ArticleStatus {
    DRAFT, PENDING, SCHEDULED, PUBLISHED, PRIVATE, TRASH;

    /** Whether putting an article in this status is publishing it (a contributor may not). */
    public boolean needsPublishing() {
        return this == SCHEDULED || this == PUBLISHED || this == PRIVATE;
    }

    /** The word the newsroom uses: "Pending review", "Trash". */
    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case PENDING -> "Pending review";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case PRIVATE -> "Private";
            case TRASH -> "Trash";
        };
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Optional<ArticleStatus> parse(String value) {
        for (ArticleStatus status : values()) {
            if (status.dbValue().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
