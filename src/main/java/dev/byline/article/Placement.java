package dev.byline.article;

import java.util.Locale;
import java.util.Optional;

/** Where a correction or update shows on the article: above the body (TOP) or after it (FOOT). */
public enum Placement {
    TOP, FOOT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Placement fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Optional<Placement> parse(String value) {
        for (Placement placement : values()) {
            if (placement.dbValue().equals(value)) {
                return Optional.of(placement);
            }
        }
        return Optional.empty();
    }
}
