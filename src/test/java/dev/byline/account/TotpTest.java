package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TOTP codes against RFC 6238's own test vectors, the window of accepted steps, the Base32 secret and the
 * otpauth URI.
 */
class TotpTest {

    /** RFC 6238, appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /**
     * The SHA-1 rows of RFC 6238's table (8 digits there). A code of d digits is the truncated value modulo 10^d
     * (RFC 4226, 5.3), so our six-digit code is the last six digits of the RFC's eight.
     */
    @ParameterizedTest(name = "T = {0} s → {1}")
    @CsvSource({
            "59,          94287082",
            "1111111109,  07081804",
            "1111111111,  14050471",
            "1234567890,  89005924",
            "2000000000,  69279037",
            "20000000000, 65353130",
    })
    void rfc6238Vectors(long seconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(seconds / 30, step);
        assertEquals(eightDigits.substring(2), Totp.code(RFC_SEED, step));
    }

    /**
     * Which step a code is accepted for, at 1234567890 s (step 41152263, 0 s into it): one step either side.
     *
     * <pre>
     * code of step   typed as        accepted as step
     * now            "005924"        now
     * now - 1        plain           now - 1
     * now + 1        plain           now + 1
     * now - 2        plain           none (too old)
     * now + 2        plain           none (too far ahead)
     * now            "005 924"       now  (spaces ignored)
     * now            "005-924"       now  (a hyphen ignored)
     * now            " 005924\n"     now
     * -              "5924"          none (too short)
     * -              "0059245"       none (too long)
     * -              "00592a"        none (not digits)
     * -              ""              none
     * </pre>
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "code of now                  |  0 | %s        |  0",
            "code of the step before      | -1 | %s        | -1",
            "code of the step after       |  1 | %s        |  1",
            "two steps before: too old    | -2 | %s        |   ",
            "two steps after: too early   |  2 | %s        |   ",
            "typed with a space           |  0 | SPACED    |  0",
            "typed with a hyphen          |  0 | HYPHENATED|  0",
            "typed with spaces around     |  0 | ' %s '    |  0",
            "too short                    |  0 | 5924      |   ",
            "too long                     |  0 | 0059245   |   ",
            "not digits                   |  0 | 00592a    |   ",
            "nothing                      |  0 | ''        |   ",
    })
    void window(String name, int offset, String typedPattern, Integer acceptedOffset) {
        Instant now = Instant.ofEpochSecond(1234567890);
        long current = Totp.step(now);
        String code = Totp.code(RFC_SEED, current + offset);
        String typed = switch (typedPattern) {
            case "SPACED" -> code.substring(0, 3) + " " + code.substring(3);
            case "HYPHENATED" -> code.substring(0, 3) + "-" + code.substring(3);
            default -> typedPattern.formatted(code);
        };
        OptionalLong matched = Totp.matchingStep(RFC_SEED, typed, now);
        if (acceptedOffset == null) {
            assertTrue(matched.isEmpty(), () -> name + ": " + typed + " was accepted");
        } else {
            assertEquals(OptionalLong.of(current + acceptedOffset), matched, name);
        }
    }

    @Test
    void aStepLastsThirtySeconds() {
        Instant start = Instant.ofEpochSecond(1234567890 - 1234567890 % 30);
        assertEquals(Totp.step(start), Totp.step(start.plusSeconds(29)));
        assertEquals(Totp.step(start) + 1, Totp.step(start.plusSeconds(30)));
        assertNotEquals(Totp.code(RFC_SEED, Totp.step(start)), Totp.code(RFC_SEED, Totp.step(start) + 1));
    }

    @Test
    void secretsAre160RandomBitsInBase32() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100; i++) {
            byte[] secret = Totp.newSecret();
            assertEquals(20, secret.length);
            String base32 = Totp.base32(secret);
            assertTrue(base32.matches("[A-Z2-7]{32}"), base32);
            assertArrayEquals(secret, Totp.fromBase32(base32));
            assertTrue(seen.add(base32));
        }
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SEED), "RFC 4648's alphabet");
        assertEquals("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", Totp.grouped(Totp.base32(RFC_SEED)));
        assertThrows(IllegalArgumentException.class, () -> Totp.fromBase32("GEZDGNBVGY3TQOJQ"));
        assertThrows(IllegalArgumentException.class, () -> Totp.fromBase32("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"));
    }

    /** The label and issuer escaped as RFC 3986 wants, so every app shows them as typed. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "Byline           | amina@example.org      | otpauth://totp/Byline:amina%40example.org?secret=S&issuer=Byline",
            "The Daily Post   | a+b@example.org        | otpauth://totp/The%20Daily%20Post:a%2Bb%40example.org?secret=S&issuer=The%20Daily%20Post",
            "Café & Co: News  | x@example.org          | otpauth://totp/Caf%C3%A9%20%26%20Co%20News:x%40example.org?secret=S&issuer=Caf%C3%A9%20%26%20Co%20News",
            "''               | x@example.org          | otpauth://totp/Byline:x%40example.org?secret=S&issuer=Byline",
            "Q?&=#/           | x@example.org          | otpauth://totp/Q%3F%26%3D%23%2F:x%40example.org?secret=S&issuer=Q%3F%26%3D%23%2F",
    })
    void otpauthUri(String issuer, String account, String expected) {
        assertEquals(expected, Totp.uri(issuer, account, "S"));
    }
}
