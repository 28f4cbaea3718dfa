package dev.byline.search;

/** The index is being built from nothing (it was missing or damaged, or the language changed): try again soon. */
public final class SearchUnavailable extends RuntimeException {
    public SearchUnavailable(String message) {
        super(message);
    }
}
