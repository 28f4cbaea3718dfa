package dev.byline.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Links that act once and expire: set up the first administrator, accept an invitation, reset a password. The
 * token (256 random bits) travels in the link; the database keeps only its SHA-256, so reading the database does
 * not give anyone a working link. Taking a link is one conditional UPDATE: two nodes can never both take it.
 */
public final class OneTimeLinks {

    public enum Purpose {
        SETUP("setup", Duration.ofHours(24)),
        INVITATION("invitation", Duration.ofDays(7)),
        PASSWORD_RESET("password-reset", Duration.ofHours(1));

        final String key;
        public final Duration valid;

        Purpose(String key, Duration valid) {
            this.key = key;
            this.valid = valid;
        }
    }

    /** Why a link did not work, in words for the page that says so. */
    public enum Refusal {
        UNKNOWN("This link is not valid: it may have been mistyped or cut short."),
        USED("This link has already been used. Each link works once."),
        EXPIRED("This link has expired.");

        public final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    /** A link that did not work, with the reason; maps to 410 (used, expired) or 404 (unknown). */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        public Refused(Refusal refusal) {
            super(refusal.message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public OneTimeLinks(Clock clock) {
        this.clock = clock;
    }

    /** Makes a link token for {@code userId} (0 for setup). */
    String create(Handle handle, Purpose purpose, long userId) {
        String token = randomToken();
        long now = clock.millis();
        handle.createUpdate("""
                        INSERT INTO one_time_links (token_hash, purpose, user_id, created_at, expires_at)
                        VALUES (:hash, :purpose, :userId, :now, :expires)
                        """)
                .bind("hash", hash(token)).bind("purpose", purpose.key).bind("userId", userId == 0 ? null : userId)
                .bind("now", now).bind("expires", now + purpose.valid.toMillis())
                .execute();
        return token;
    }

    /** The user a link is for (0 for setup), if it would work now; nothing is changed. */
    Optional<Long> peek(Handle handle, Purpose purpose, String token) {
        return check(handle, purpose, token).map(row -> row.userId);
    }

    /** Takes the link: it works this once. @throws Refused saying why it does not work */
    long take(Handle handle, Purpose purpose, String token) {
        Row row = check(handle, purpose, token).orElseThrow(() -> new Refused(refusal(handle, purpose, token)));
        int taken = handle.createUpdate("""
                        UPDATE one_time_links SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        """)
                .bind("hash", hash(token)).bind("now", clock.millis()).execute();
        if (taken != 1) {
            throw new Refused(Refusal.USED); // someone else took it between the check and now
        }
        return row.userId;
    }

    /** Ends every unused link of {@code purpose} for a user, e.g. older reset links once the password changed. */
    void revoke(Handle handle, Purpose purpose, long userId) {
        handle.createUpdate("""
                        UPDATE one_time_links SET used_at = :now
                        WHERE purpose = :purpose AND user_id = :userId AND used_at IS NULL
                        """)
                .bind("now", clock.millis()).bind("purpose", purpose.key).bind("userId", userId).execute();
    }

    /**
     * Deletes links expired before {@code before} (epoch milliseconds). A used link expires like any other, so it
     * stays long enough to answer "already used" (410) rather than "unknown" (404) while it could matter.
     */
    int prune(Handle handle, long before) {
        return handle.createUpdate("DELETE FROM one_time_links WHERE expires_at < :before")
                .bind("before", before).execute();
    }

    /** How many links of {@code purpose} were made for a user at or after {@code since} (epoch milliseconds). */
    int madeSince(Handle handle, Purpose purpose, long userId, long since) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM one_time_links
                        WHERE purpose = :purpose AND user_id = :userId AND created_at >= :since
                        """)
                .bind("purpose", purpose.key).bind("userId", userId).bind("since", since)
                .mapTo(Integer.class).one();
    }

    /**
     * Locks every setup link's row for this transaction, before one is taken: two people following two nodes' links
     * at once then take turns (the second finds its link used), where taking their own link first and then the
     * other's would deadlock.
     */
    void lockSetupLinks(Handle handle) {
        handle.createUpdate("UPDATE one_time_links SET used_at = used_at WHERE purpose = 'setup'").execute();
    }

    /**
     * Takes every unused setup link at once: whichever node's link the person follows, the first administrator is
     * created once. Returns how many were taken.
     */
    int takeAllSetupLinks(Handle handle) {
        return handle.createUpdate("UPDATE one_time_links SET used_at = :now WHERE purpose = 'setup' AND used_at IS NULL")
                .bind("now", clock.millis()).execute();
    }

    private record Row(long userId, long expiresAt, Long usedAt) {
    }

    private Optional<Row> check(Handle handle, Purpose purpose, String token) {
        return find(handle, purpose, token).filter(row -> row.usedAt == null && row.expiresAt > clock.millis());
    }

    private Refusal refusal(Handle handle, Purpose purpose, String token) {
        return find(handle, purpose, token)
                .map(row -> row.usedAt != null ? Refusal.USED : Refusal.EXPIRED)
                .orElse(Refusal.UNKNOWN);
    }

    private Optional<Row> find(Handle handle, Purpose purpose, String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return handle.createQuery("""
                        SELECT user_id, expires_at, used_at FROM one_time_links
                        WHERE token_hash = :hash AND purpose = :purpose
                        """)
                .bind("hash", hash(token)).bind("purpose", purpose.key)
                .map((rs, ctx) -> new Row(rs.getLong("user_id"), rs.getLong("expires_at"),
                        dev.byline.db.Columns.nullableLong(rs, "used_at")))
                .findOne();
    }

    /** 256 random bits, URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a secret, in hex: what the database keeps of tokens, session ids and recovery codes. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
