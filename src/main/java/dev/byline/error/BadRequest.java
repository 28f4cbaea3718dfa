package dev.byline.error;

/** The request itself is malformed (a page number that is not a number, say). Maps to 400. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message, null, false, false);
    }
}
