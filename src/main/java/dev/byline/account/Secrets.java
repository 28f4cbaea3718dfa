package dev.byline.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs what the site hands a browser and must get back unchanged: the admin's CSRF tokens and flash messages, the
 * comment form's tokens, the held-comment cookie, unsubscribe links. The key is the site's own (kept in the
 * database, the same on every node), so a token made on one node checks on another; each use signs under a
 * purpose of its own, so no signature passes for another kind.
 */
public final class Secrets {

    private final SecretKeySpec key;

    public Secrets(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** HMAC-SHA256 of {@code purpose} and {@code value}, URL-safe. */
    public String sign(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Whether {@code signature} is {@code value}'s, compared in constant time. */
    public boolean verify(String purpose, String value, String signature) {
        if (signature == null || value == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code text} with its signature, for a cookie: base64(text).signature. */
    public String seal(String purpose, String text) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign(purpose, encoded);
    }

    /** What {@link #seal} sealed, if the seal is intact. */
    public Optional<String> open(String purpose, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        int dot = sealed.indexOf('.');
        if (dot < 0 || !verify(purpose, sealed.substring(0, dot), sealed.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(sealed.substring(0, dot)),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
