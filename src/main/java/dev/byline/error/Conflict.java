package dev.byline.error;

/**
 * A write was made from a version that is no longer the latest: someone saved in between. Nothing was written.
 * Maps to 409, with what the person sent kept so they can compare and save again.
 */
public final class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
