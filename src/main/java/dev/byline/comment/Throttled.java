package dev.byline.comment;

/** A comment refused because its sender is commenting too often (429), with when to try again. */
public final class Throttled extends RuntimeException {

    private final long retryAfterSeconds;

    Throttled(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
