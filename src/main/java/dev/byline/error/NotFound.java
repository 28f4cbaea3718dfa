package dev.byline.error;

/** What was asked for does not exist, or is not public. Maps to 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message, null, false, false);
    }
}
