package dev.byline.article;

import java.util.Locale;
import java.util.Optional;

/** Where an article stands. Only PUBLISHED articles are on the public site. */
public enum ArticleStatus {
    DRAFT, PENDING, SCHEDULED, PUBLISHED, PRIVATE;

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
