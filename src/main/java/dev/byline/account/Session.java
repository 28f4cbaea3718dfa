package dev.byline.account;

import java.time.Instant;

/**
 * A signed-in browser, as the profile page lists it. The cookie holds a random token; the database only its
 * hash, {@code id}.
 *
 * @param stage either {@link #SECOND_FACTOR} (password right, code still due) or {@link #SIGNED_IN}
 */
public record Session(String id, long userId, String stage, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                      String ip, String userAgent) {

    public static final String SECOND_FACTOR = "second-factor";
    public static final String SIGNED_IN = "signed-in";

    public boolean signedIn() {
        return SIGNED_IN.equals(stage);
    }
}
