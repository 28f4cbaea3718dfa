package dev.byline.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them from an {@code otpauth://} URI:
 * HMAC-SHA-1, six digits, 30-second steps, a 160-bit secret (the size RFC 4226 recommends) written in Base32.
 * A code is accepted one step either side of now, for clocks a little off and people a little slow; the caller
 * makes sure each step is accepted only once.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int WINDOW = 1;
    static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]{32}");
    /** What people type between groups of a code: spaces (also no-break ones, from copying), hyphens, dashes. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\u202f\\-\\u2010-\\u2015\\u2212]");
    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(
            STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private Totp() {
    }

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The step {@code at} falls in: whole 30-second periods since the epoch. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for {@code step}, six digits with leading zeros. */
    static String code(byte[] secret, long step) {
        try {
            int value = GENERATOR.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA-1 key of any length is valid", e);
        }
    }

    /**
     * The step whose code {@code typed} is, within {@link #WINDOW} steps of {@code now} (the latest, should two
     * match); empty when it matches none. Spaces and hyphens in what was typed are ignored.
     */
    static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        String code = withoutSeparators(typed);
        if (!CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        // every step in the window is compared, in constant time, whatever matches first
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** {@code typed} without the spaces, hyphens and dashes people put between groups ("" for null). */
    static String withoutSeparators(String typed) {
        return typed == null ? "" : SEPARATORS.matcher(typed).replaceAll("");
    }

    /** The secret as apps and people read it: Base32 without padding (160 bits are 32 characters exactly). */
    static String base32(byte[] secret) {
        return new Base32().encodeToString(secret);
    }

    /** The secret back from its Base32 form (as stored, or as sealed in an enrolment form). */
    static byte[] fromBase32(String base32) {
        if (base32 == null || !BASE32.matcher(base32).matches()) {
            throw new IllegalArgumentException("not a Base32 secret of " + SECRET_BYTES + " bytes");
        }
        return new Base32().decode(base32);
    }

    static boolean isBase32Secret(String text) {
        return text != null && BASE32.matcher(text).matches();
    }

    /** The secret in groups of four, for typing into an app by hand: {@code GEZD GNBV GY3T …}. */
    static String grouped(String base32) {
        var grouped = new StringBuilder(base32.length() + base32.length() / 4);
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(base32, i, Math.min(i + 4, base32.length()));
        }
        return grouped.toString();
    }

    /**
     * The {@code otpauth://totp/} URI an app scans (Google's "Key Uri Format", which every app follows): the label
     * {@code issuer:account}, the secret, and the issuer again as a parameter. SHA-1, six digits and 30 seconds are
     * the format's defaults, which every app assumes, so they are left out: a shorter URI is a smaller QR code
     * (version 6 instead of 8), easier to scan from a screen. Neither part may hold a colon (it
     * separates them), so colons become spaces; everything but RFC 3986's unreserved characters is
     * percent-encoded (a space is {@code %20}, never {@code +}, which apps would show as a plus).
     */
    static String uri(String issuer, String account, String base32) {
        String cleanIssuer = label(issuer).isEmpty() ? "Byline" : label(issuer);
        return "otpauth://totp/" + encode(cleanIssuer) + ":" + encode(label(account))
                + "?secret=" + base32 + "&issuer=" + encode(cleanIssuer);
    }

    private static String label(String text) {
        return text == null ? "" : text.replace(':', ' ').replaceAll("\\s+", " ").strip();
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes, leaving only the unreserved characters as they are. */
    static String encode(String text) {
        var encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
