package dev.byline.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing, per account and per IP, in the database so it holds across nodes. Failures are rows;
 * an account with {@value #ACCOUNT_LIMIT} failures within {@link #WINDOW}, or an IP with {@value #IP_LIMIT}, is
 * refused until the oldest of those failures leaves the window, even with the right password. The account counted
 * is the email typed, whether or not an account uses it, so a lock-out says nothing about who has an account.
 * A successful sign-in clears the account's failures.
 */
public final class SignInThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int IP_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final Clock clock;

    public SignInThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** When the account or the IP may try again, if either is locked out now. */
    public Optional<Instant> lockedUntil(String email, String ip) {
        return latest(until("account", normal(email), ACCOUNT_LIMIT), until("ip", ip, IP_LIMIT));
    }

    /**
     * Records a failed attempt; returns the time until which this failure locks the account (or the IP) out, when
     * it is the one that reached the limit, so the caller logs the lock-out once.
     */
    public Optional<Instant> fail(String email, String ip) {
        long now = clock.millis();
        jdbi.useTransaction(handle -> {
            for (String[] row : new String[][] {{"account", normal(email)}, {"ip", ip}}) {
                handle.createUpdate("INSERT INTO sign_in_failures (scope, subject, at) VALUES (:scope, :subject, :at)")
                        .bind("scope", row[0]).bind("subject", row[1]).bind("at", now).execute();
            }
            handle.createUpdate("DELETE FROM sign_in_failures WHERE at < :old")
                    .bind("old", now - WINDOW.toMillis() * 4).execute();
        });
        boolean accountNow = count("account", normal(email)) == ACCOUNT_LIMIT;
        boolean ipNow = count("ip", ip) == IP_LIMIT;
        return accountNow || ipNow ? lockedUntil(email, ip) : Optional.empty();
    }

    /** A successful sign-in forgets the account's failures (not the IP's). */
    public void clear(String email) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM sign_in_failures WHERE scope = 'account' AND subject = :subject")
                .bind("subject", normal(email)).execute());
    }

    private int count(String scope, String subject) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM sign_in_failures WHERE scope = :scope AND subject = :subject AND at > :since
                        """)
                .bind("scope", scope).bind("subject", subject).bind("since", clock.millis() - WINDOW.toMillis())
                .mapTo(Integer.class).one());
    }

    /** The time the {@code limit}-th most recent failure leaves the window, if there are that many in it. */
    private Optional<Instant> until(String scope, String subject, int limit) {
        long now = clock.millis();
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT at FROM sign_in_failures WHERE scope = :scope AND subject = :subject AND at > :since
                        ORDER BY at DESC LIMIT 1 OFFSET :offset
                        """)
                .bind("scope", scope).bind("subject", subject).bind("since", now - WINDOW.toMillis())
                .bind("offset", limit - 1).mapTo(Long.class).findOne()
                .map(at -> Instant.ofEpochMilli(at + WINDOW.toMillis())));
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
