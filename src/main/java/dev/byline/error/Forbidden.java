package dev.byline.error;

/**
 * The person acting may not do this: their role does not allow it, or the thing is not theirs. Nothing was
 * written. Maps to 403 with a page (or problem) that says what they may do instead.
 */
public final class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
