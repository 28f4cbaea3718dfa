package dev.byline.settings;

import java.text.DateFormat;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The site's language: a BCP 47 tag checked and spelled canonically, and which way its script runs. */
final class Languages {

    /** Scripts written right to left (ISO 15924), for tags that name one: {@code ku-Arab}, {@code az-Arab}. */
    private static final Set<String> RTL_SCRIPTS = Set.of("Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr",
            "Syrc", "Thaa", "Yezi");
    /** Languages whose usual script runs right to left, for tags that name none. */
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "arc", "azb", "ckb", "dv", "fa", "he", "khw",
            "ks", "lrc", "mzn", "nqo", "pnb", "ps", "sd", "syr", "ug", "ur", "yi");
    /** Languages the JDK has month names for; others get English ones. */
    private static final Set<String> WITH_MONTH_NAMES = Arrays.stream(DateFormat.getAvailableLocales())
            .map(Locale::getLanguage).filter(language -> !language.isEmpty()).collect(Collectors.toUnmodifiableSet());

    private Languages() {
    }

    /**
     * The tag in canonical form ({@code EN-gb} → {@code en-GB}, {@code iw} → {@code he}), or empty when it is not a
     * well-formed tag of a language the JDK can name (so {@code xx}, {@code en_US} and {@code x-private} fail).
     */
    static Optional<String> canonical(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        String language = locale.getLanguage();
        if (language.isEmpty() || language.equals(locale.getDisplayLanguage(Locale.ENGLISH))) {
            return Optional.empty(); // a private-use tag, or a language nobody has a name for
        }
        return Optional.of(locale.toLanguageTag());
    }

    /** The language's name in English, for the settings page: "Persian", "English (United Kingdom)". */
    static String name(String tag) {
        return Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
    }

    static boolean rightToLeft(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return locale.getScript().isEmpty() ? RTL_LANGUAGES.contains(locale.getLanguage())
                : RTL_SCRIPTS.contains(locale.getScript());
    }

    /** The locale dates are written in: the site's language where the JDK knows its month names, else English. */
    static Locale forDates(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return WITH_MONTH_NAMES.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }
}
