package dev.byline.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ten single-use codes for when the phone is lost. Each is ten characters from an alphabet without look-alikes
 * (no 0/o, 1/l/i), about 49 bits, shown as {@code xxxxx-xxxxx}; the database keeps only their SHA-256. A code is
 * typed in any case, with or without the hyphen or spaces.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    static final int LENGTH = 10;
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** Ten new codes, as shown: {@code xxxxx-xxxxx}. */
    static List<String> generate() {
        var codes = new ArrayList<String>(COUNT);
        while (codes.size() < COUNT) {
            var code = new StringBuilder(LENGTH + 1);
            for (int i = 0; i < LENGTH; i++) {
                if (i == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return List.copyOf(codes);
    }

    /** What the database keeps of a code: the SHA-256 of its ten characters, lower-cased, without separators. */
    static String hash(String code) {
        return OneTimeLinks.hash(normal(code).orElseThrow());
    }

    /** {@code typed} as a code's ten characters, when it has the shape of one; empty when it cannot be one. */
    static Optional<String> normal(String typed) {
        String code = Totp.withoutSeparators(typed).toLowerCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
