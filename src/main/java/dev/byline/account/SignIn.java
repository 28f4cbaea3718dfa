package dev.byline.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in: the password, then the code when the account has a second factor, each step under the throttle.
 * A wrong password and an unknown email get the same answer and take as long (the decoy hash). Every attempt is in
 * the activity log; a lock-out is logged once, for the account's owner and the administrators to see.
 */
public final class SignIn {

    /** The answer to an attempt. */
    public sealed interface Result {
    }

    /** Signed in: set the cookie to {@code opened.token()}. */
    public record Done(Sessions.Opened opened, User user) implements Result {
    }

    /** The password was right; the code is due: set the cookie to the half-way session and ask for it. */
    public record CodeDue(Sessions.Opened opened, User user) implements Result {
    }

    /** Not signed in; {@code message} says why without saying whether the account exists. */
    public record Refused(String message) implements Result {
    }

    /** Too many failures: nothing is checked until {@code until}. */
    public record Locked(Instant until) implements Result {
    }

    public static final String WRONG = "The email or password is not right.";
    public static final String WRONG_CODE = "That code is not right, or it was already used.";

    private final Jdbi jdbi;
    private final UserStore users;
    private final Passwords passwords;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final ActivityLog activity;
    private final SecondFactor secondFactor;

    public SignIn(Jdbi jdbi, UserStore users, Passwords passwords, Sessions sessions, SignInThrottle throttle,
                  ActivityLog activity, SecondFactor secondFactor) {
        this.jdbi = jdbi;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.activity = activity;
        this.secondFactor = secondFactor;
    }

    public Result password(String email, String password, String ip, String userAgent) {
        String normal = SignInThrottle.normal(email);
        SignInThrottle.Attempt attempt = throttle.begin(normal, ip);
        if (attempt.refused().isPresent()) {
            return new Locked(attempt.refused().get());
        }
        Optional<User> user;
        boolean right;
        try {
            user = normal.isEmpty() || normal.length() > 254 ? Optional.empty() : users.findByEmail(normal);
            right = password != null && password.length() <= Passwords.MAX_LENGTH && user.isPresent()
                    ? jdbi.withHandle(handle -> passwords.verify(password, users.passwordHash(handle,
                            user.get().id()).orElse(null)))
                    : decoy(password);
        } catch (Passwords.Busy busy) {
            throttle.succeeded(attempt, false); // not checked: it neither counts nor clears anything
            throw busy;
        }
        if (!right || !user.get().active()) {
            return failed(attempt, normal, user, ip, right && user.isPresent()
                    ? "This account is " + (user.get().status() == User.Status.INVITED
                            ? "waiting for its invitation to be accepted: follow the link in the invitation email."
                            : "disabled. Ask an administrator to enable it.")
                    : WRONG, right && user.isPresent() ? "right password, but the account is " + user.get().status().key()
                    : user.isPresent() ? "wrong password" : "no account uses this address");
        }
        // with a code still due the sign-in is not complete: earlier failures keep counting against the code step
        throttle.succeeded(attempt, !user.get().twoFactor());
        return open(user.get(), user.get().twoFactor() ? Session.SECOND_FACTOR : Session.SIGNED_IN, ip, userAgent);
    }

    /**
     * The code step, for a half-way session. On success the half-way session is replaced by a new one: the id
     * changes again.
     */
    public Result code(Sessions.Current halfWay, String code, String ip, String userAgent) {
        User user = halfWay.user();
        SignInThrottle.Attempt attempt = throttle.begin(user.email(), ip);
        if (attempt.refused().isPresent()) {
            return new Locked(attempt.refused().get());
        }
        if (!secondFactor.verify(user, code == null ? "" : code, Actor.of(user, ip))) {
            return failed(attempt, user.email(), Optional.of(user), ip, WRONG_CODE, "wrong code");
        }
        throttle.succeeded(attempt, true);
        sessions.delete(halfWay.session().id());
        return open(user, Session.SIGNED_IN, ip, userAgent);
    }

    /** Signs out: this session ends on every node. */
    public void signOut(Sessions.Current current, String ip) {
        sessions.delete(current.session().id());
        activity.record(Actor.of(current.user(), ip), Activity.SIGNED_OUT, current.user().email(), "",
                current.user().id());
    }

    private Result open(User user, String stage, String ip, String userAgent) {
        return jdbi.inTransaction(handle -> {
            Sessions.Opened opened = sessions.open(handle, user.id(), stage, ip, userAgent);
            if (stage.equals(Session.SIGNED_IN)) {
                activity.record(handle, Actor.of(user, ip), Activity.SIGNED_IN, user.email(), agent(userAgent),
                        user.id());
                return new Done(opened, user);
            }
            return new CodeDue(opened, user);
        });
    }

    private Result failed(SignInThrottle.Attempt attempt, String email, Optional<User> user, String ip,
                          String message, String detail) {
        Long about = user.map(User::id).orElse(null);
        Actor visitor = Actor.visitor(ip);
        // what was typed into the email box is kept only when it is an address: a password typed there by mistake
        // must not sit in the log for every administrator to read
        String subject = AccountService.emailProblem(email).isEmpty() ? email : "(not an email address)";
        activity.record(visitor, Activity.SIGN_IN_FAILED, subject, detail, about);
        Optional<Instant> lockedNow = throttle.failed(attempt);
        if (lockedNow.isPresent()) {
            activity.record(visitor, Activity.LOCKED_OUT, subject, "too many failed sign-ins; locked until "
                    + lockedNow.get(), about);
            return new Locked(lockedNow.get());
        }
        return new Refused(message);
    }

    private boolean decoy(String password) {
        passwords.verifyDecoy(password == null ? "" : password.length() > Passwords.MAX_LENGTH
                ? password.substring(0, Passwords.MAX_LENGTH) : password);
        return false;
    }

    private static String agent(String userAgent) {
        return userAgent == null ? "" : userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent;
    }
}
