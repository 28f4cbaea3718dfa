package dev.byline.error;

/**
 * What was asked for was public once and has been taken away for good (an article moved to the trash or deleted).
 * Maps to 410, so search engines drop the address, where something that never existed is a {@link NotFound}.
 */
public final class Gone extends RuntimeException {

    public Gone(String message) {
        super(message, null, false, false);
    }
}
