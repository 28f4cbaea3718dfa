package dev.byline.article;

import java.util.Locale;
import java.util.Optional;

/** A note appended to a published article: a CORRECTION (something was wrong) or an UPDATE (something new). */
public enum NoteKind {
    CORRECTION, UPDATE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return this == CORRECTION ? "Correction" : "Update";
    }

    public static NoteKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Optional<NoteKind> parse(String value) {
        for (NoteKind kind : values()) {
            if (kind.dbValue().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
