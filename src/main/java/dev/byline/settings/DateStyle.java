package dev.byline.settings;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How pages write a date: a short list to choose from rather than a free pattern, so every choice is known to
 * read well. Month names come in the site's language (see {@link Settings#locale}); digits are always 0-9.
 */
public enum DateStyle {
    /** 28 November 2026 */
    DAY_MONTH_YEAR("d MMMM yyyy"),
    /** November 28, 2026: what the site showed before there were settings */
    MONTH_DAY_YEAR("MMMM d, yyyy"),
    /** 2026-11-28 */
    ISO("yyyy-MM-dd"),
    /** 28/11/2026 */
    DAY_MONTH_YEAR_SLASHES("dd/MM/yyyy"),
    /** 28.11.2026 */
    DAY_MONTH_YEAR_DOTS("dd.MM.yyyy");

    private final String pattern;

    DateStyle(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern, as stored and as the form sends it. */
    public String pattern() {
        return pattern;
    }

    public DateTimeFormatter formatter(Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    public static Optional<DateStyle> of(String pattern) {
        return Arrays.stream(values()).filter(style -> style.pattern.equals(pattern)).findFirst();
    }
}
