package dev.byline.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Carries a secret being enrolled from the set-up page to its confirmation without storing it: the page holds
 * {@code SECRET.ISSUED.MAC} in a hidden field, the MAC an HMAC-SHA-256 of the account, the secret and the time,
 * keyed by the session it was begun in (the database's hash of the cookie, which the server holds on every node
 * and a third party cannot know). The confirmation refuses a secret the server did not hand out, one handed to
 * another account or another session (one from before the last sign-in, or copied from someone else's page), and
 * one older than {@link #LIMIT}. The secret is no more secret for being sealed: the page shows it anyway.
 */
final class EnrolmentSeal {

    /** How long a set-up page may be open before its code is confirmed. */
    static final Duration LIMIT = Duration.ofMinutes(30);
    /** Nodes' clocks may differ a little: a seal from a few seconds "in the future" is not forged. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    /** What an intact seal holds. */
    record Opened(String base32, Instant issued) {
    }

    private EnrolmentSeal() {
    }

    static String seal(long userId, String sessionId, String base32, Instant issued) {
        long millis = issued.toEpochMilli();
        return base32 + "." + millis + "." + mac(userId, sessionId, base32, millis);
    }

    /** The secret in {@code sealed}, when the seal is intact, this account's and this session's, and recent. */
    static Optional<Opened> open(String sealed, long userId, String sessionId, Instant now) {
        if (sealed == null || sealed.length() > 200 || sessionId == null || sessionId.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !Totp.isBase32Secret(parts[0]) || !parts[1].matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        long issued = Long.parseLong(parts[1]);
        byte[] expected = mac(userId, sessionId, parts[0], issued).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochMilli(issued);
        if (at.isAfter(now.plus(SKEW)) || at.plus(LIMIT).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(new Opened(parts[0], at));
    }

    private static String mac(long userId, String sessionId, String base32, long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("byline two-factor enrolment\n" + userId + "\n" + base32 + "\n" + issued)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HMAC-SHA-256", e);
        }
    }
}
