package dev.byline.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** A phone's authenticator app, for tests: the codes of a key as shown at set-up, computed with java-otp. */
public final class AuthenticatorApp {

    private AuthenticatorApp() {
    }

    /** The code for {@code shownKey} (base32, spaces allowed, as the set-up page shows it) at {@code at}. */
    public static String code(String shownKey, Instant at) {
        return code(new Base32().decode(shownKey.replace(" ", "")), at);
    }

    public static String code(byte[] key, Instant at) {
        try {
            return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
                    .generateOneTimePasswordString(new SecretKeySpec(key, "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }
}
