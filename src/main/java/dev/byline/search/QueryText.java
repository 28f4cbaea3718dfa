package dev.byline.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed, read leniently: text in double quotes (straight or curly) is a phrase, everything else is
 * words, and the last word, unless a space follows it, also matches as the start of a word. Nothing here is syntax
 * that can fail: Lucene's operators, field names, brackets and backslashes are read as the spaces between words,
 * an unbalanced quote as a word break, control characters as spaces. At most {@link #MAX_CHARS} characters and
 * {@link #MAX_PARTS} words and phrases are read; the rest is ignored (a query longer than that is not a question).
 *
 * @param words   the words, in order, as typed
 * @param phrases the quoted phrases, in order
 * @param prefix  the last word may be unfinished: it also matches words it begins
 */
record QueryText(List<String> words, List<String> phrases, boolean prefix) {

    static final int MAX_CHARS = 500;
    static final int MAX_PARTS = 24;
    /** Characters that are syntax to Lucene's query parser, and a few more that separate words anyway. */
    private static final String SEPARATORS = "\"+-!(){}[]^~*?:\\/&|<>=;,#$%`";

    QueryText {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    /** The words and phrases as one line, as the search box shows them back. */
    String normalized() {
        var parts = new ArrayList<String>();
        phrases.forEach(phrase -> parts.add('"' + phrase + '"'));
        parts.addAll(words);
        return String.join(" ", parts);
    }

    static QueryText parse(String raw) {
        if (raw == null) {
            return new QueryText(List.of(), List.of(), false);
        }
        String text = clean(raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw);
        var words = new ArrayList<String>();
        var phrases = new ArrayList<String>();
        int at = 0;
        boolean endsInWord = false;
        while (at < text.length() && words.size() + phrases.size() < MAX_PARTS) {
            int open = text.indexOf('"', at);
            int close = open < 0 ? -1 : text.indexOf('"', open + 1);
            String outside = text.substring(at, open < 0 || close < 0 ? text.length() : open);
            endsInWord = addWords(outside, words, MAX_PARTS - phrases.size());
            if (open < 0 || close < 0) {
                break;
            }
            String phrase = separate(text.substring(open + 1, close)).strip().replaceAll("\\s+", " ");
            if (!phrase.isEmpty() && words.size() + phrases.size() < MAX_PARTS) {
                phrases.add(phrase);
            }
            endsInWord = false;
            at = close + 1;
        }
        return new QueryText(words, phrases, endsInWord && !words.isEmpty());
    }

    /** Adds the words of {@code text}; whether it ends inside a word (no space or separator after it). */
    private static boolean addWords(String text, List<String> words, int max) {
        for (String word : separate(text).split("\\s+")) {
            if (!word.isEmpty() && words.size() < max) {
                words.add(word);
            }
        }
        return !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))
                && SEPARATORS.indexOf(text.charAt(text.length() - 1)) < 0;
    }

    private static String separate(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(SEPARATORS.indexOf(c) >= 0 ? ' ' : c);
        }
        return out.toString();
    }

    /** Control characters become spaces; curly and guillemet quotes become straight ones; lone surrogates go. */
    private static String clean(String raw) {
        var out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB') {
                out.append('"');
            } else if (Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
