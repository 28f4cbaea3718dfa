package dev.byline.web.support;

import java.util.Locale;

/**
 * What stands in for a missing avatar: one or two letters of the name on a coloured disc, drawn as inline SVG
 * (tags/initials.jte) whose colours come from the style sheets' {@code avatar-tone-N} classes, so the strict CSP
 * needs no inline style. The tone follows the author's id: the same person keeps the same colour when renamed.
 *
 * @param letters the first letter of the first and of the last word ("Amina Rahimi" → "AR"), or "?"
 * @param tone    0 to {@value #TONES} − 1
 */
public record Initials(String letters, int tone) {

    public static final int TONES = 6;

    public static Initials of(long id, String name) {
        return new Initials(letters(name), Math.floorMod(id, TONES));
    }

    static String letters(String name) {
        String[] words = name == null ? new String[0] : name.strip().split("[\\s\\-‐–—.,_/]+");
        String first = "";
        String last = "";
        for (String word : words) {
            String letter = firstLetter(word);
            if (letter.isEmpty()) {
                continue;
            }
            if (first.isEmpty()) {
                first = letter;
            } else {
                last = letter;
            }
        }
        return first.isEmpty() ? "?" : (first + last).toUpperCase(Locale.ROOT);
    }

    private static String firstLetter(String word) {
        return word.codePoints().filter(Character::isLetterOrDigit).limit(1)
                .mapToObj(Character::toString).findFirst().orElse("");
    }

    /** The classes of the SVG: its size class ({@code avatar}, {@code avatar-large}) and its tone. */
    public String classes(String size) {
        return size + " avatar-initials avatar-tone-" + tone;
    }
}
