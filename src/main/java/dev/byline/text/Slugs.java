package dev.byline.text;

import java.text.Normalizer;

/**
 * URL slugs from titles and names. The rules, with the cases in SlugsTest:
 * <ul>
 *   <li>lower case; accents dropped from Latin letters (é → e, ß → ss);</li>
 *   <li>letters and digits of any script kept, so a Cyrillic or Arabic title keeps a readable slug;</li>
 *   <li>apostrophes vanish (Russia’s → russias); every other run of non-letters becomes one hyphen;</li>
 *   <li>no leading, trailing or doubled hyphens;</li>
 *   <li>at most {@code maxLength} characters, cut at a hyphen when one is near the end;</li>
 *   <li>may be empty: the caller picks a fallback.</li>
 * </ul>
 */
public final class Slugs {

    private Slugs() {
    }

    public static String slugify(String text, int maxLength) {
        String decomposed = Normalizer.normalize(text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replace("Æ", "ae").replace("Ø", "o").replace("đ", "d").replace("ł", "l"), Normalizer.Form.NFKD);
        var slug = new StringBuilder(decomposed.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || isApostrophe(codePoint)) {
                continue;
            }
            if (Character.isLetterOrDigit(codePoint)) {
                if (pendingHyphen && !slug.isEmpty()) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.appendCodePoint(Character.toLowerCase(codePoint));
            } else {
                pendingHyphen = true;
            }
        }
        return truncate(slug.toString(), maxLength);
    }

    /**
     * A slug in Latin letters whatever the script of {@code text}: transliterated by ICU ("Any-Latin; Latin-ASCII":
     * Новости дня → novosti-dna, Ελληνικά → ellenika, أخبار → akhbar, 北京新闻 → bei-jing-xin-wen), then
     * {@link #slugify}. For article and page addresses, which readers type and share; tags, sections and authors
     * keep {@link #slugify}, so their existing addresses do not move.
     */
    public static String latin(String text, int maxLength) {
        String latin;
        synchronized (TO_LATIN) { // an ICU Transliterator is not safe for several threads at once
            latin = TO_LATIN.transliterate(text);
        }
        return slugify(latin, maxLength);
    }

    private static final com.ibm.icu.text.Transliterator TO_LATIN =
            com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");

    /** True when the text is already a slug as {@link #slugify} would make it. */
    public static boolean isSlug(String text, int maxLength) {
        return !text.isEmpty() && text.equals(slugify(text, maxLength));
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '’' || codePoint == 'ʼ' || codePoint == '‘';
    }

    private static String truncate(String slug, int maxLength) {
        if (slug.length() <= maxLength) {
            return slug;
        }
        String cut = slug.substring(0, maxLength);
        int hyphen = cut.lastIndexOf('-');
        if (hyphen > maxLength / 2) {
            cut = cut.substring(0, hyphen);
        }
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
