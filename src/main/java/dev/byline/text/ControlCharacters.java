package dev.byline.text;

/**
 * Control characters (C0 such as NUL, which PostgreSQL refuses in text, DEL, and C1) have no place in what people
 * type for readers. Bidirectional marks and embeddings are not controls here: right-to-left text needs them.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code text} holds any control character. */
    public static boolean in(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    /** The same for text of several lines: tabs and line breaks are allowed. */
    public static boolean inLines(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && c != '\t' && c != '\n' && c != '\r');
    }
}
