package dev.byline.account;

import dev.byline.account.OneTimeLinks.Purpose;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.people.AuthorService;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules for accounts: who may add, change and disable them (administrators, never the last one), passwords,
 * the first administrator's setup, invitations and password resets. Every change is written with its activity-log
 * entry in one transaction. Signing in is {@link SignIn}'s.
 */
public final class AccountService {

    /** What a new account is given. */
    public record NewUser(String email, String name, String role) {
    }

    /** An invitation made: the account (status invited) and the link's token, which is also mailed. */
    public record Invitation(User user, String token) {
    }

    private static final int RESET_MAILS_PER_HOUR = 3;

    private final Jdbi jdbi;
    private final UserStore users;
    private final AuthorService authors;
    private final Passwords passwords;
    private final OneTimeLinks links;
    private final Sessions sessions;
    private final ActivityLog activity;
    private final AccountMail mail;
    private final Clock clock;
    private final SignInThrottle throttle;

    public AccountService(Jdbi jdbi, UserStore users, AuthorService authors, Passwords passwords, OneTimeLinks links,
                          Sessions sessions, ActivityLog activity, AccountMail mail, SignInThrottle throttle,
                          Clock clock) {
        this.throttle = throttle;
        this.jdbi = jdbi;
        this.users = users;
        this.authors = authors;
        this.passwords = passwords;
        this.links = links;
        this.sessions = sessions;
        this.activity = activity;
        this.mail = mail;
        this.clock = clock;
    }

    public boolean hasUsers() {
        return users.any();
    }

    /**
     * With no account yet, a link that creates the first administrator (printed at start); empty once there is one.
     */
    public Optional<String> setupLinkIfNoUsers() {
        return jdbi.inTransaction(handle -> users.any(handle) ? Optional.<String>empty()
                : Optional.of(links.create(handle, Purpose.SETUP, 0)));
    }

    /** Whether a setup link would work now, for showing its form. */
    public boolean setupLinkValid(String token) {
        return jdbi.withHandle(handle -> !users.any(handle) && links.peek(handle, Purpose.SETUP, token).isPresent());
    }

    /**
     * Creates the first administrator through a setup link. Every setup link is taken at once, so two people
     * following two nodes' links cannot both become the first.
     *
     * @throws OneTimeLinks.Refused when the link does not work (or an administrator already exists)
     */
    public User setUp(String token, NewUser input, String password, Actor visitor) {
        validate(input, password, true);
        return jdbi.inTransaction(handle -> {
            links.lockSetupLinks(handle);
            links.take(handle, Purpose.SETUP, token);
            links.takeAllSetupLinks(handle);
            if (users.any(handle)) {
                throw new OneTimeLinks.Refused(OneTimeLinks.Refusal.USED);
            }
            User user = insert(handle, input, Role.ADMINISTRATOR, User.Status.ACTIVE, passwords.hash(password));
            activity.record(handle, Actor.of(user, visitor.ip()), Activity.SETUP, user.email(),
                    "first administrator", user.id());
            return user;
        });
    }

    /** Adds an active account with a password (the command line, or an administrator). */
    public User add(Actor actor, NewUser input, String password) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "add people");
        Role role = validate(input, password, true);
        return jdbi.inTransaction(handle -> {
            User user = insert(handle, input, role, User.Status.ACTIVE, passwords.hash(password));
            activity.record(handle, actor, Activity.USER_ADDED, user.email(), role.key(), user.id());
            return user;
        });
    }

    /** Invites a colleague: an account without a password, and a mailed link (valid 7 days) that sets one. */
    public Invitation invite(Actor actor, NewUser input) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "invite people");
        Role role = validate(input, null, false);
        return jdbi.inTransaction(handle -> {
            User user = insert(handle, input, role, User.Status.INVITED, null);
            String token = links.create(handle, Purpose.INVITATION, user.id());
            activity.record(handle, actor, Activity.INVITED, user.email(), role.key(), user.id());
            mail.invitation(handle, user, actor, token);
            return new Invitation(user, token);
        });
    }

    /**
     * Sends an invitation again (lost in a spam folder, or past its 7 days): a new link by mail; the links sent
     * before stop working, so only the newest can be used.
     *
     * @throws dev.byline.error.Conflict when the invitation was accepted (or the account disabled) meanwhile
     */
    public Invitation resendInvitation(Actor actor, long userId) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "invite people");
        return jdbi.inTransaction(handle -> {
            User user = users.lock(handle, userId).orElseThrow(() -> new NotFound("There is no account " + userId
                    + "."));
            if (user.status() != User.Status.INVITED) {
                throw new dev.byline.error.Conflict(user.email() + " is " + user.status().key()
                        + ": there is no invitation to send again.");
            }
            links.revoke(handle, Purpose.INVITATION, userId);
            String token = links.create(handle, Purpose.INVITATION, userId);
            activity.record(handle, actor, Activity.INVITED, user.email(), "invitation sent again", userId);
            mail.invitation(handle, user, actor, token);
            return new Invitation(user, token);
        });
    }

    /** The invited account a link is for, if the link works now. */
    public Optional<User> invitationFor(String token) {
        return jdbi.withHandle(handle -> links.peek(handle, Purpose.INVITATION, token)
                .flatMap(id -> users.findById(handle, id)).filter(user -> user.status() == User.Status.INVITED));
    }

    /** The invited person sets their name and password; the account becomes active. */
    public User acceptInvitation(String token, String name, String password, Actor visitor) {
        User invited = invitationFor(token).orElseThrow(() -> jdbi.withHandle(handle ->
                new OneTimeLinks.Refused(refusalOf(handle, Purpose.INVITATION, token))));
        var errors = new LinkedHashMap<String, String>();
        String cleanName = name == null ? "" : name.strip();
        nameProblem(cleanName).ifPresent(problem -> errors.put("name", problem));
        passwords.problem(password, List.of(cleanName, invited.email())).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        // the name they chose is their byline too: the author profile changes in the same transaction
        authors.update(invited.authorId(), author -> new dev.byline.people.Author(author.id(), author.slug(),
                cleanName, author.bio(), author.avatarMediaId(), author.links()), (handle, saved) -> {
            long userId = links.take(handle, Purpose.INVITATION, token);
            User user = users.lock(handle, userId).filter(u -> u.status() == User.Status.INVITED)
                    .orElseThrow(() -> new OneTimeLinks.Refused(OneTimeLinks.Refusal.USED));
            long now = clock.millis();
            users.setPassword(handle, userId, passwords.hash(password), now);
            users.setName(handle, userId, cleanName, now);
            users.setStatus(handle, userId, User.Status.ACTIVE, now);
            activity.record(handle, Actor.of(user, visitor.ip()), Activity.INVITATION_ACCEPTED, user.email(), "",
                    userId);
        });
        return users.findById(invited.id()).orElseThrow();
    }

    /**
     * Mails a reset link (valid 1 hour) when an active account uses {@code email}; does nothing visible otherwise,
     * so the answer never tells who has an account. The mail is queued, so both cases take as long. At most
     * {@value #RESET_MAILS_PER_HOUR} links an hour go to one account, so the form cannot be used to flood a
     * colleague's mailbox (the last one sent keeps working).
     */
    public void requestPasswordReset(String email, Actor visitor) {
        String normal = SignInThrottle.normal(email);
        long hourAgo = clock.millis() - Purpose.PASSWORD_RESET.valid.toMillis();
        jdbi.useTransaction(handle -> users.findByEmail(handle, normal).filter(User::active)
                .filter(user -> links.madeSince(handle, Purpose.PASSWORD_RESET, user.id(), hourAgo)
                        < RESET_MAILS_PER_HOUR)
                .ifPresent(user -> {
                    links.revoke(handle, Purpose.PASSWORD_RESET, user.id());
                    String token = links.create(handle, Purpose.PASSWORD_RESET, user.id());
                    activity.record(handle, visitor, Activity.PASSWORD_RESET_REQUESTED, user.email(), "", user.id());
                    mail.passwordReset(handle, user, token);
                }));
    }

    /** Why a link of {@code purpose} does not work (used, expired, unknown), for the page that says so. */
    public OneTimeLinks.Refusal linkRefusal(Purpose purpose, String token) {
        return jdbi.inTransaction(handle -> refusalOf(handle, purpose, token));
    }

    /** The account a reset link is for, if the link works now. */
    public Optional<User> resetFor(String token) {
        return jdbi.withHandle(handle -> links.peek(handle, Purpose.PASSWORD_RESET, token)
                .flatMap(id -> users.findById(handle, id)).filter(User::active));
    }

    /** Sets a new password through a reset link; every session of the account ends. */
    public User resetPassword(String token, String password, Actor visitor) {
        User user = resetFor(token).orElseThrow(() -> jdbi.withHandle(handle ->
                new OneTimeLinks.Refused(refusalOf(handle, Purpose.PASSWORD_RESET, token))));
        passwords.problem(password, List.of(user.displayName(), user.email()))
                .ifPresent(problem -> {
                    throw new Invalid(Map.of("password", problem));
                });
        User reset = jdbi.inTransaction(handle -> {
            long userId = links.take(handle, Purpose.PASSWORD_RESET, token);
            users.setPassword(handle, userId, passwords.hash(password), clock.millis());
            sessions.endAll(handle, userId, null);
            activity.record(handle, visitor, Activity.PASSWORD_RESET, user.email(), "through a reset link", userId);
            return user;
        });
        // the mailbox proved who they are: a lock-out someone else caused by guessing ends here
        throttle.clear(reset.email());
        return reset;
    }

    /** Changes one's own password, proving the current one; other sessions end. */
    public void changePassword(Actor actor, String current, String next, String keepSessionId) {
        User user = users.findById(actor.userId()).filter(User::active)
                .orElseThrow(() -> new Forbidden("Please sign in to change your password."));
        // "current password" is a password check like sign-in's: a stolen session must not guess here unthrottled
        SignInThrottle.Attempt attempt = throttle.begin(user.email(), actor.ip());
        if (attempt.refused().isPresent()) {
            throw new Invalid(Map.of("current", "Too many wrong passwords. You may try again after "
                    + attempt.refused().get() + "."));
        }
        boolean right;
        try {
            right = jdbi.withHandle(handle -> passwords.verify(current == null ? "" : current,
                    users.passwordHash(handle, user.id()).orElse(null)));
        } catch (Passwords.Busy busy) {
            throttle.succeeded(attempt, false);
            throw busy;
        }
        var errors = new LinkedHashMap<String, String>();
        if (!right) {
            activity.record(actor, Activity.SIGN_IN_FAILED, user.email(), "wrong current password at the password form",
                    user.id());
            throttle.failed(attempt).ifPresent(until -> activity.record(actor, Activity.LOCKED_OUT, user.email(),
                    "too many wrong current passwords; locked until " + until, user.id()));
            errors.put("current", "That is not your current password.");
        } else {
            throttle.succeeded(attempt, false);
        }
        passwords.problem(next, List.of(user.displayName(), user.email())).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        jdbi.useTransaction(handle -> {
            users.setPassword(handle, user.id(), passwords.hash(next), clock.millis());
            sessions.endAll(handle, user.id(), keepSessionId);
            links.revoke(handle, Purpose.PASSWORD_RESET, user.id());
            activity.record(handle, actor, Activity.PASSWORD_CHANGED, user.email(), "", user.id());
        });
    }

    /** An administrator (or the command line) sets someone's password; their sessions end. */
    public void setPassword(Actor actor, long userId, String password) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "set other people's passwords");
        User user = find(userId);
        passwords.problem(password, List.of(user.displayName(), user.email())).ifPresent(problem -> {
            throw new Invalid(Map.of("password", problem));
        });
        jdbi.useTransaction(handle -> {
            long now = clock.millis();
            users.setPassword(handle, userId, passwords.hash(password), now);
            if (user.status() == User.Status.INVITED) {
                users.setStatus(handle, userId, User.Status.ACTIVE, now);
                links.revoke(handle, Purpose.INVITATION, userId);
            }
            sessions.endAll(handle, userId, null);
            activity.record(handle, actor, Activity.PASSWORD_RESET, user.email(), "set by " + actor.name(), userId);
        });
        throttle.clear(user.email()); // an administrator or operator vouched for them: no lock-out stays
    }

    /**
     * Ends an account's lock-out (someone kept guessing at it): an administrator, or the operator at the command
     * line, after checking with the person. Returns whether there were failures to forget.
     */
    public boolean unlock(Actor actor, long userId) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "unlock accounts");
        User user = find(userId);
        boolean locked = throttle.lockedUntil(user.email(), "").isPresent();
        throttle.clear(user.email());
        activity.record(actor, Activity.UNLOCKED, user.email(), locked ? "lock-out ended" : "no lock-out", userId);
        return locked;
    }

    public List<User> list(Actor actor) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "see the list of people");
        return users.all();
    }

    public Optional<User> find(Actor actor, long id) {
        if (!actor.isUser(id)) {
            Policy.require(actor, Capability.MANAGE_PEOPLE, "see other people's accounts");
        }
        return users.findById(id);
    }

    public Optional<User> findByEmail(Actor actor, String email) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "look people up");
        return users.findByEmail(SignInThrottle.normal(email));
    }

    /** Changes someone's role; the last active administrator keeps theirs. */
    public User changeRole(Actor actor, long userId, Role role) {
        Policy.requireManage(actor, userId, "change the role");
        return jdbi.inTransaction(handle -> {
            users.lockActiveAdministrators(handle); // before the account's own row, in every such change
            User user = users.lock(handle, userId).orElseThrow(() -> new NotFound("There is no such account."));
            if (user.role() == role) {
                return user;
            }
            if (user.role() == Role.ADMINISTRATOR && user.active() && users.otherActiveAdministrators(handle, userId) == 0) {
                throw new Forbidden(user.email() + " is the only active administrator: make someone else an "
                        + "administrator first.");
            }
            users.setRole(handle, userId, role, clock.millis());
            activity.record(handle, actor, Activity.ROLE_CHANGED, user.email(),
                    user.role().key() + " → " + role.key(), userId);
            return users.findById(handle, userId).orElseThrow();
        });
    }

    /** Disables an account: it cannot sign in, its sessions end at once on every node, its articles stay. */
    public User disable(Actor actor, long userId) {
        Policy.requireManage(actor, userId, "disable the account");
        return jdbi.inTransaction(handle -> {
            users.lockActiveAdministrators(handle); // before the account's own row, in every such change
            User user = users.lock(handle, userId).orElseThrow(() -> new NotFound("There is no such account."));
            if (user.status() == User.Status.DISABLED) {
                return user;
            }
            if (user.role() == Role.ADMINISTRATOR && user.active() && users.otherActiveAdministrators(handle, userId) == 0) {
                throw new Forbidden(user.email() + " is the only active administrator and cannot be disabled.");
            }
            users.setStatus(handle, userId, User.Status.DISABLED, clock.millis());
            int ended = sessions.endAll(handle, userId, null);
            links.revoke(handle, Purpose.INVITATION, userId);
            links.revoke(handle, Purpose.PASSWORD_RESET, userId);
            activity.record(handle, actor, Activity.USER_DISABLED, user.email(), ended + " sessions ended", userId);
            return users.findById(handle, userId).orElseThrow();
        });
    }

    /** Enables a disabled account again (as active, or as invited when it never had a password). */
    public User enable(Actor actor, long userId) {
        Policy.requireManage(actor, userId, "enable the account");
        return jdbi.inTransaction(handle -> {
            User user = users.lock(handle, userId).orElseThrow(() -> new NotFound("There is no such account."));
            if (user.status() != User.Status.DISABLED) {
                return user;
            }
            boolean hasPassword = users.passwordHash(handle, userId).isPresent();
            users.setStatus(handle, userId, hasPassword ? User.Status.ACTIVE : User.Status.INVITED, clock.millis());
            activity.record(handle, actor, Activity.USER_ENABLED, user.email(), "", userId);
            return users.findById(handle, userId).orElseThrow();
        });
    }

    /** Ends every session of the actor's account but the current one ("sign out everywhere else"). */
    public int signOutEverywhere(Actor actor, String keepSessionId) {
        return jdbi.inTransaction(handle -> {
            int ended = sessions.endAll(handle, actor.userId(), keepSessionId);
            activity.record(handle, actor, Activity.SESSIONS_ENDED, actor.name(), ended + " other sessions", actor.userId());
            return ended;
        });
    }

    /**
     * Ends one of the actor's own sessions, named by its id (the hash the session list shows): a browser left signed
     * in elsewhere. Another account's session is not the actor's to end, and is answered as one already ended.
     *
     * @throws NotFound when the actor has no such session
     */
    public void endSession(Actor actor, String sessionId) {
        if (actor.userId() == 0) {
            throw new Forbidden("Please sign in to end a session.");
        }
        if (sessionId == null || !sessionId.matches("[0-9a-f]{64}")) { // a session id is a SHA-256 in hex
            throw new NotFound("That session has already ended.");
        }
        jdbi.useTransaction(handle -> {
            if (!sessions.endOne(handle, actor.userId(), sessionId)) {
                throw new NotFound("That session has already ended.");
            }
            activity.record(handle, actor, Activity.SESSIONS_ENDED, actor.name(), "1 other session", actor.userId());
        });
    }

    private User find(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFound("There is no such account."));
    }

    private User insert(Handle handle, NewUser input, Role role, User.Status status, String hash) {
        String email = SignInThrottle.normal(input.email());
        if (users.findByEmail(handle, email).isPresent()) {
            throw new Invalid(Map.of("email", "An account already uses " + email + "."));
        }
        long authorId = authors.createProfile(handle, input.name().strip());
        // another transaction may have added the address since the look-up above: refused the same way
        long id = users.insert(handle, email, input.name().strip(), role, status, hash, authorId, clock.millis())
                .orElseThrow(() -> new Invalid(Map.of("email", "An account already uses " + email + ".")));
        return users.findById(handle, id).orElseThrow();
    }

    private OneTimeLinks.Refusal refusalOf(Handle handle, Purpose purpose, String token) {
        try {
            links.take(handle, purpose, token);
            return OneTimeLinks.Refusal.USED; // worked after all: the account behind it is no longer waiting
        } catch (OneTimeLinks.Refused refused) {
            return refused.refusal();
        }
    }

    /** Checks every field at once; returns the role. {@code password} is checked when {@code withPassword}. */
    private Role validate(NewUser input, String password, boolean withPassword) {
        var errors = new LinkedHashMap<String, String>();
        String email = SignInThrottle.normal(input.email());
        emailProblem(email).ifPresent(problem -> errors.put("email", problem));
        String name = input.name() == null ? "" : input.name().strip();
        nameProblem(name).ifPresent(problem -> errors.put("name", problem));
        Optional<Role> role = Role.parse(input.role());
        if (role.isEmpty()) {
            errors.put("role", "Choose a role: " + Role.names() + ".");
        }
        if (withPassword) {
            passwords.problem(password, List.of(name, email)).ifPresent(problem -> errors.put("password", problem));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return role.orElseThrow();
    }

    static Optional<String> emailProblem(String email) {
        if (email.isEmpty()) {
            return Optional.of("Enter an email address.");
        }
        if (email.length() > 254) {
            return Optional.of("An email address has at most 254 characters.");
        }
        try {
            var address = new InternetAddress(email, true);
            address.validate();
            if (!address.getAddress().equals(email) || address.getPersonal() != null || !email.contains("@")) {
                throw new AddressException();
            }
        } catch (AddressException e) {
            return Optional.of("Enter an email address such as name@example.org.");
        }
        return Optional.empty();
    }

    static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter a name.");
        }
        if (name.length() > 120) {
            return Optional.of("Keep the name under 120 characters.");
        }
        if (dev.byline.people.AuthorService.CONTROL.matcher(name).find()) {
            return Optional.of("The name has an invisible control character: type it again.");
        }
        return Optional.empty();
    }
}
