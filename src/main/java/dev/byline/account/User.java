package dev.byline.account;

/**
 * A newsroom account. Its public face (name on articles, bio, avatar, links) is its author profile,
 * {@code authorId}; the account itself is the door: email, password, role, second factor.
 *
 * @param email       lower-cased; unique
 * @param displayName the name shown in the admin (and, through the author profile, on articles)
 * @param twoFactor   whether a TOTP app is enrolled
 */
public record User(long id, String email, String displayName, Role role, Status status, long authorId,
                   boolean twoFactor, long createdAt) {

    public enum Status {
        /** Invited, no password yet: the invitation link sets one. */
        INVITED,
        ACTIVE,
        /** Cannot sign in; sessions ended; articles stay. */
        DISABLED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
