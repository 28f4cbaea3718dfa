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
     * An attempt, counted before its password or code is checked.
     *
     * @param refused when the account or the IP is locked out: nothing may be checked until then
     * @param last    this attempt is the last one the limit allows: if it fails, it is the one that locks out
     */
    public record Attempt(String account, String ip, long accountRow, long ipRow, Optional<Instant> refused,
                          boolean last) {
    }

    /**
     * Counts an attempt before anything is checked. Each attempt's rows are committed before it counts, so of
     * any number of attempts arriving at once, at most the limit see a count within it: parallel guesses cannot
     * all slip past a count taken before they were recorded. A refused attempt takes its rows back, so a
     * lock-out ends when the failures that caused it leave the window.
     */
    public Attempt begin(String email, String ip) {
        String account = normal(email);
        long now = clock.millis();
        // old rows are swept hourly by Housekeeping, not here: a scan of the table on every attempt was a write
        // competing with every other one during a flood
        long[] rows = jdbi.inTransaction(handle ->
                new long[] {insert(handle, "account", account, now), insert(handle, "ip", ip, now)});
        int accounts = count("account", account);
        int ips = count("ip", ip);
        if (accounts > ACCOUNT_LIMIT || ips > IP_LIMIT) {
            takeBack(rows[0], rows[1]);
            return new Attempt(account, ip, 0, 0, Optional.of(lockedUntil(account, ip)
                    .orElseGet(() -> Instant.ofEpochMilli(now).plus(WINDOW))), false);
        }
        return new Attempt(account, ip, rows[0], rows[1], Optional.empty(),
                accounts == ACCOUNT_LIMIT || ips == IP_LIMIT);
    }

    /** The attempt failed: its rows stay and count. Returns until when it locked out, if it was the last allowed. */
    public Optional<Instant> failed(Attempt attempt) {
        return attempt.last() ? lockedUntil(attempt.account(), attempt.ip()) : Optional.empty();
    }

    /**
     * The attempt succeeded: its own rows are taken back. {@code signedIn}: the sign-in is complete (not only its
     * password, with a code still due), so the account's earlier failures are forgotten too (not the IP's).
     */
    public void succeeded(Attempt attempt, boolean signedIn) {
        takeBack(attempt.accountRow(), attempt.ipRow());
        if (signedIn) {
            clear(attempt.account());
        }
    }

    /** Forgets the account's failures (not the IP's). */
    public void clear(String email) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM sign_in_failures WHERE scope = 'account' AND subject = :subject")
                .bind("subject", normal(email)).execute());
    }

    private static long insert(org.jdbi.v3.core.Handle handle, String scope, String subject, long now) {
        return handle.createUpdate("INSERT INTO sign_in_failures (scope, subject, at) VALUES (:scope, :subject, :at)")
                .bind("scope", scope).bind("subject", subject).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private void takeBack(long accountRow, long ipRow) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sign_in_failures WHERE id IN (:a, :i)")
                .bind("a", accountRow).bind("i", ipRow).execute());
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

    /**
     * The email as the throttle and the lookups know it: trimmed, lower-cased, and with control characters
     * (a NUL, which PostgreSQL refuses in text) replaced, so whatever was typed is a harmless key.
     */
    static String normal(String email) {
        if (email == null) {
            return "";
        }
        // no address is longer than 254 characters: anything longer is one key, not kilobytes stored per attempt
        // (and no PostgreSQL index entry over its size limit)
        String stripped = email.strip();
        return stripped.length() > 254 ? NOT_AN_ADDRESS
                : stripped.toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "\uFFFD");
    }

    /** The key of every typed "email" too long to be an address. */
    static final String NOT_AN_ADDRESS = "(longer than any address)";
}
