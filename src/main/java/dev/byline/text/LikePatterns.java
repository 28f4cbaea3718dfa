package dev.byline.text;

import java.util.Locale;

/**
 * SQL LIKE patterns from what someone typed into a search box, for queries written {@code LOWER(column) LIKE
 * :pattern ESCAPE '!'}: the text lower-cased, its own {@code %}, {@code _} and {@code !} taken literally. ('!' and
 * not a backslash: Jdbi's statement parser reads a backslash inside quotes as an escape.)
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** Matches any text containing {@code typed}; blank matches everything. */
    public static String containing(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return "%" + escape(text) + "%";
    }

    /** {@code text} with its own {@code %}, {@code _} and {@code !} taken literally (case kept). */
    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
