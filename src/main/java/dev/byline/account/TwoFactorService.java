package dev.byline.account;

import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of the second factor. Each person sets up, replaces the recovery codes of, and turns off their own
 * (the {@link Actor} is the account); an administrator may reset someone else's, when a phone is lost. A code of
 * the app is accepted once: each time step is taken by one conditional update, so a code seen over someone's
 * shoulder, or replayed to another node, is refused. A recovery code is used once, the same way. Every change is
 * written with its activity-log entry in one transaction.
 *
 * <p>Setting up happens in two requests without storing anything in between: {@link #begin} hands out a fresh
 * secret sealed for this account and session ({@link EnrolmentSeal}), the page shows it and keeps the seal in a
 * hidden field, and {@link #confirm} stores the secret only when a code from the app proves the app holds it.
 */
public final class TwoFactorService implements SecondFactor {

    /** A set-up in progress, for the page: the seal for the hidden field, the secret to type, the QR code. */
    public record Enrolment(String seal, String secret, String uri, String qrSvg) {
    }

    /** Whether the account has a second factor, and how many recovery codes it has left. */
    public record Status(boolean enabled, int recoveryCodesLeft) {
    }

    static final String WRONG_CODE = "That code is not right. Type the six digits the app shows now for this site.";
    static final String NO_CODE = "Type the six-digit code the app shows.";
    static final String STALE = "This set-up page was opened more than 30 minutes ago, or before you last signed in. "
            + "Scan the new QR code below (or type the new key) and type the code the app shows.";
    static final String WRONG_PROOF = "That is not your password, nor a current code from your app, nor an unused "
            + "recovery code.";

    static final String ALREADY_ON = "Two-factor authentication was turned on for your account meanwhile (in another "
            + "tab?). Its recovery codes were shown there; you can replace them here.";
    static final String OFF = "Two-factor authentication is off for your account.";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Jdbi jdbi;
    private final TwoFactorStore store;
    private final UserStore users;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final ActivityLog activity;
    private final Supplier<String> issuer;
    private final Clock clock;

    /** @param issuer the name apps show the codes under: the site's title */
    public TwoFactorService(Jdbi jdbi, TwoFactorStore store, UserStore users, Passwords passwords,
                            SignInThrottle throttle, ActivityLog activity, Supplier<String> issuer, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.activity = activity;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Whether {@code userId} has a second factor: for the account itself and for administrators. */
    public Status status(Actor actor, long userId) {
        if (!actor.isUser(userId)) {
            Policy.require(actor, Capability.MANAGE_PEOPLE, "see other people's two-factor authentication");
        }
        return jdbi.withHandle(handle -> new Status(store.enrolled(handle, userId).isPresent(),
                store.recoveryCodesLeft(handle, userId)));
    }

    /** A fresh secret for the actor's account, not stored: the page shows it, the confirmation stores it. */
    public Enrolment begin(Actor actor, String sessionId) {
        User user = own(actor, "set up two-factor authentication");
        if (user.twoFactor()) {
            throw new Conflict("Two-factor authentication is already on for your account. To use another app, "
                    + "turn it off first, then set it up again.");
        }
        String base32 = Totp.base32(Totp.newSecret());
        return enrolment(user, EnrolmentSeal.seal(user.id(), sessionId, base32, clock.instant()), base32);
    }

    /** The set-up page again for a seal handed out by {@link #begin} (after a wrong code); empty if no longer valid. */
    public Optional<Enrolment> resume(Actor actor, String sessionId, String seal) {
        User user = own(actor, "set up two-factor authentication");
        return EnrolmentSeal.open(seal, user.id(), sessionId, clock.instant())
                .map(opened -> enrolment(user, seal, opened.base32()));
    }

    /**
     * Turns the second factor on once {@code code} shows the app holds the sealed secret; returns the ten recovery
     * codes, to show once (only their hashes are kept).
     *
     * @throws Invalid  on {@code code}: wrong, missing, or the seal is stale (then {@link #resume} is empty)
     * @throws Conflict when a second factor was set up meanwhile (another tab)
     */
    public List<String> confirm(Actor actor, String sessionId, String seal, String code) {
        User user = own(actor, "set up two-factor authentication");
        if (user.twoFactor()) {
            throw new Conflict(ALREADY_ON);
        }
        Instant now = clock.instant();
        var opened = EnrolmentSeal.open(seal, user.id(), sessionId, now)
                .orElseThrow(() -> new Invalid(Map.of("code", STALE)));
        OptionalLong step = Totp.matchingStep(Totp.fromBase32(opened.base32()), code, now);
        if (step.isEmpty()) {
            throw new Invalid(Map.of("code", Totp.withoutSeparators(code).isEmpty() ? NO_CODE : WRONG_CODE));
        }
        List<String> codes = RecoveryCodes.generate();
        jdbi.useTransaction(handle -> {
            if (!store.enable(handle, user.id(), opened.base32(), step.getAsLong(), now.toEpochMilli())) {
                throw new Conflict(ALREADY_ON);
            }
            store.replaceRecoveryCodes(handle, user.id(), codes.stream().map(RecoveryCodes::hash).toList());
            // a session someone else opened with the password alone must not outlive the new second factor
            int ended = Sessions.endAll(handle, user.id(), sessionId);
            activity.record(handle, actor, Activity.TWO_FACTOR_ENABLED, user.email(),
                    ended == 0 ? "" : ended + " other session(s) signed out", user.id());
        });
        return codes;
    }

    /**
     * Ten new recovery codes in place of the old ones (used or not), proving it is the person with their password
     * or a code; returns them, to show once.
     */
    public List<String> regenerate(Actor actor, String proof) {
        User user = own(actor, "replace your recovery codes");
        if (!user.twoFactor()) {
            throw new Conflict(OFF);
        }
        requireProof(user, actor, proof);
        List<String> codes = RecoveryCodes.generate();
        jdbi.useTransaction(handle -> {
            users.lock(handle, user.id());
            if (store.enrolled(handle, user.id()).isEmpty()) {
                throw new Conflict(OFF);
            }
            store.replaceRecoveryCodes(handle, user.id(), codes.stream().map(RecoveryCodes::hash).toList());
            activity.record(handle, actor, Activity.RECOVERY_CODES_REPLACED, user.email(), "", user.id());
        });
        return codes;
    }

    /** Turns the actor's second factor off, proving it is them with their password or a code. */
    public void disable(Actor actor, String proof) {
        User user = own(actor, "turn off two-factor authentication");
        if (!user.twoFactor()) {
            throw new Conflict(OFF);
        }
        requireProof(user, actor, proof);
        jdbi.useTransaction(handle -> {
            if (!store.disable(handle, user.id(), clock.millis())) {
                throw new Conflict(OFF);
            }
            activity.record(handle, actor, Activity.TWO_FACTOR_DISABLED, user.email(), "", user.id());
        });
    }

    /**
     * An administrator turns someone else's second factor off (a lost phone, no recovery codes left): they sign in
     * with their password alone until they set it up again.
     */
    public void reset(Actor actor, long userId) {
        Policy.requireManage(actor, userId, "reset two-factor authentication");
        jdbi.useTransaction(handle -> {
            User user = users.lock(handle, userId).orElseThrow(() -> new NotFound(
                    "There is no account " + userId + "."));
            if (!store.disable(handle, userId, clock.millis())) {
                throw new Conflict(user.email() + " has no two-factor authentication to reset.");
            }
            // whoever holds the lost phone may hold a session too: the person signs in again
            Sessions.endAll(handle, userId, null);
            activity.record(handle, actor, Activity.TWO_FACTOR_DISABLED, user.email(), actor.userId() == 0
                    ? "reset from the command line" : "reset by an administrator", userId);
        });
    }

    /**
     * The sign-in's code step: a code of the app within a step of now whose step was not accepted before (on any
     * node), or an unused recovery code (then used up, and logged). Spaces and hyphens are ignored.
     */
    @Override
    public boolean verify(User user, String code, Actor actor) {
        if (code == null || code.length() > 64) {
            return false;
        }
        Instant now = clock.instant();
        Optional<String> recovery = RecoveryCodes.normal(code);
        return jdbi.inTransaction(handle -> {
            Optional<TwoFactorStore.Enrolled> enrolled = store.enrolled(handle, user.id());
            if (enrolled.isEmpty()) {
                return false;
            }
            if (recovery.isPresent()) {
                if (!store.useRecoveryCode(handle, user.id(), RecoveryCodes.hash(recovery.get()), now.toEpochMilli())) {
                    return false;
                }
                int left = store.recoveryCodesLeft(handle, user.id());
                activity.record(handle, actor, Activity.RECOVERY_CODE_USED, user.email(),
                        left + (left == 1 ? " code left" : " codes left"), user.id());
                return true;
            }
            OptionalLong step = Totp.matchingStep(Totp.fromBase32(enrolled.get().base32()), code, now);
            return step.isPresent() && store.accept(handle, user.id(), step.getAsLong());
        });
    }

    private Enrolment enrolment(User user, String seal, String base32) {
        String uri = Totp.uri(issuer.get(), user.email(), base32);
        return new Enrolment(seal, Totp.grouped(base32), uri,
                QrCode.svg(uri, "QR code for setting up an authenticator app for " + user.email()));
    }

    /** The actor's own active account: each person manages their own second factor. */
    private User own(Actor actor, String action) {
        if (actor.userId() == 0) {
            throw new Forbidden("Please sign in to " + action + ".");
        }
        return users.findById(actor.userId()).filter(User::active)
                .orElseThrow(() -> new Forbidden("Please sign in to " + action + "."));
    }

    /**
     * The password, or a code (which is then used up), before a change a stolen session must not make. Wrong
     * answers count towards the sign-in throttle, so guessing codes here is as slow as at sign-in.
     */
    private void requireProof(User user, Actor actor, String proof) {
        String typed = proof == null ? "" : proof;
        if (typed.isBlank()) {
            throw new Invalid(Map.of("proof", "Type your password, or a code from your app."));
        }
        SignInThrottle.Attempt attempt = throttle.begin(user.email(), actor.ip());
        if (attempt.refused().isPresent()) {
            throw new Invalid(Map.of("proof", tooMany(attempt.refused().get())));
        }
        boolean right;
        try {
            right = typed.length() <= Passwords.MAX_LENGTH && jdbi.withHandle(handle ->
                    passwords.verify(typed, users.passwordHash(handle, user.id()).orElse(null)));
        } catch (Passwords.Busy busy) {
            throttle.succeeded(attempt, false);
            throw busy;
        }
        if (right || verify(user, typed, actor)) {
            throttle.succeeded(attempt, false);
            return;
        }
        Optional<Instant> lockedNow = throttle.failed(attempt);
        if (lockedNow.isPresent()) {
            activity.record(actor, Activity.LOCKED_OUT, user.email(), "too many wrong passwords or codes at the "
                    + "two-factor settings; locked until " + lockedNow.get(), user.id());
            throw new Invalid(Map.of("proof", tooMany(lockedNow.get())));
        }
        throw new Invalid(Map.of("proof", WRONG_PROOF));
    }

    private static String tooMany(Instant until) {
        return "Too many wrong passwords or codes. Try again after " + HOUR.format(until) + ".";
    }
}
