package dev.byline.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Password hashing and the password rules. Hashes are argon2id (Password4j) with OWASP's recommended cost
 * (19 MiB, 2 passes, 1 lane), stored as PHC strings, so the cost can rise later and old hashes still verify.
 * A password must be 10 to 256 characters and not one of the guessable ones: zxcvbn matches it against the most
 * common passwords, words, names, dates and keyboard patterns, and against what the person told us (their name
 * and email).
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the account does not exist, so a wrong email takes as long as a wrong password. */
    private static final String DECOY = Password.hash("not a real password, only a decoy").addRandomSalt(16)
            .with(ARGON2).getResult();
    /** zxcvbn's running time grows with length; the first 100 characters decide whether a password is guessable. */
    private static final int MEASURED = 100;

    /** How long a check waits for its turn before the answer is "busy, try again". */
    private static final long WAIT_MILLIS = 3_000;
    private final long waitMillis;

    /**
     * Each hash or check takes 19 MiB and a core for about a tenth of a second: a burst of sign-ins (a flood, or a
     * guesser in parallel) would exhaust a small heap. At most this many run at once; the others wait their turn
     * briefly, then are told to try again ({@link Busy}, a 503), never an OutOfMemoryError.
     */
    private final Semaphore running;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public Passwords() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    Passwords(int atOnce) {
        this(atOnce, WAIT_MILLIS);
    }

    /** For tests: {@code atOnce} 0 makes every check busy after {@code waitMillis}. */
    Passwords(int atOnce, long waitMillis) {
        this.running = new Semaphore(atOnce, true);
        this.waitMillis = waitMillis;
    }

    /** Too many password checks at once: nothing was checked; the person should try again in a moment. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Byline is checking many passwords at the moment. Please try again in a few seconds.", null, false,
                    false);
        }
    }

    public String hash(String password) {
        return inTurn(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    public boolean verify(String password, String hash) {
        if (hash == null) {
            verifyDecoy(password);
            return false;
        }
        return inTurn(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /** Spends the time of one verification, for an email no account uses. */
    public void verifyDecoy(String password) {
        inTurn(() -> Password.check(password, DECOY).with(ARGON2));
    }

    private <T> T inTurn(java.util.function.Supplier<T> work) {
        try {
            if (!running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    /**
     * What is wrong with {@code password} as a new password, in words for the field, or empty when it will do.
     *
     * @param personal what the person is called and their email: a password made of those is refused
     */
    public Optional<String> problem(String password, List<String> personal) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String measured = password.length() > MEASURED ? password.substring(0, MEASURED) : password;
        var strength = zxcvbn.measure(measured, personal.stream().filter(s -> s != null && !s.isBlank()).toList());
        if (strength.getScore() < 2) {
            return Optional.of("This password is too easy to guess: it is common, or made of a word, a name, a "
                    + "date or a keyboard pattern. A few unrelated words together make a strong one.");
        }
        return Optional.empty();
    }
}
