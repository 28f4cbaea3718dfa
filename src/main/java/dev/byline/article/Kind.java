package dev.byline.article;

import java.util.Locale;
import java.util.Optional;

/**
 * What an article row is: a dated news ARTICLE (in a section, on the lists, with a byline) or a PAGE (About,
 * Contact: its own address {@code /slug/}, no date or byline, on no list). Pages are kept by editors and
 * administrators, as in WordPress.
 */
public enum Kind {
    ARTICLE, PAGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Optional<Kind> parse(String value) {
        for (Kind kind : values()) {
            if (kind.dbValue().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
