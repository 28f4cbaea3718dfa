package dev.byline.account;

import dev.byline.db.Columns;
import dev.byline.db.Constraints;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keys to the API ({@link ApiKey}): each person makes, lists and revokes their own on their profile, and the
 * operator can make one for any account from the command line. The secret is shown once, when made; the database
 * keeps its SHA-256 only. The secrets are random (143 bits for an application password, 256 for a token), so a
 * fast hash is enough: nobody can guess one from its hash, and a lookup by hash is one index read per request.
 *
 * <p>A key acts as its account, with the account's role as it is at each request: a demoted or disabled account's
 * keys lose what the account lost at once. A key of scope {@code read} may only read.
 */
public final class ApiKeys {

    /** A key just made, with its secret: show it once, never store it. */
    public record Made(ApiKey key, String secret) {
    }

    /** Whom a request's key names: the account and the key. */
    public record Authenticated(User user, ApiKey key) {

        /** The actor the services see: the account, as if signed in from {@code ip}. */
        public Actor actor(String ip) {
            return Actor.of(user, ip);
        }

        public boolean mayWrite() {
            return key.scope() == ApiKey.Scope.WRITE;
        }
    }

    /** Personal tokens start with this, so a secret scanner (and a person) can tell what leaked. */
    public static final String TOKEN_PREFIX = "byline_pat_";
    static final int MAX_LABEL = 100;
    static final int MAX_KEYS = 50;
    private static final long TOUCH_EVERY_MILLIS = 60_000;
    private static final String PASSWORD_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PASSWORD_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS =
            "id, user_id, kind, label, hint, scope, created_at, last_used_at, last_used_ip";

    private final Jdbi jdbi;
    private final UserStore users;
    private final ActivityLog activity;
    private final Clock clock;

    public ApiKeys(Jdbi jdbi, UserStore users, ActivityLog activity, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * Makes a key for the actor's own account.
     *
     * @throws Invalid with messages on {@code label}, {@code kind}, {@code scope}
     */
    public Made make(Actor actor, ApiKey.Kind kind, String label, ApiKey.Scope scope) {
        return makeFor(actor, own(actor, "make a key to the API"), kind, label, scope);
    }

    /**
     * Makes a key for another account: administrators and the command line only ({@code ./byline user
     * app-password}). The account must be active.
     */
    public Made makeFor(Actor actor, long userId, ApiKey.Kind kind, String label, ApiKey.Scope scope) {
        Policy.require(actor, Capability.MANAGE_PEOPLE, "make keys to the API for other people");
        User user = users.findById(userId).orElseThrow(() -> new NotFound("There is no such account."));
        if (!user.active()) {
            throw new Invalid(Map.of("email", user.email() + " is " + user.status().key()
                    + ": only an active account can have keys to the API."));
        }
        return makeFor(actor, user, kind, label, scope);
    }

    private Made makeFor(Actor actor, User user, ApiKey.Kind kind, String label, ApiKey.Scope scope) {
        String name = label == null ? "" : label.strip();
        var errors = new LinkedHashMap<String, String>();
        if (name.isEmpty()) {
            errors.put("label", "Give the key a name that says where it is used, such as \"Mobile app\".");
        } else if (name.length() > MAX_LABEL) {
            errors.put("label", "The name is " + name.length() + " characters long; " + MAX_LABEL + " at most.");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put("label", "The name has a control character in it; use letters, digits and punctuation.");
        }
        if (kind == null) {
            errors.put("kind", "Choose an application password or a personal token.");
        }
        if (scope == null) {
            errors.put("scope", "Choose what the key may do: read, or read and write.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String secret = kind == ApiKey.Kind.APPLICATION_PASSWORD ? applicationPassword()
                : TOKEN_PREFIX + OneTimeLinks.randomToken();
        String bare = bare(secret);
        String hint = bare.substring(bare.length() - 4);
        long now = clock.millis();
        try {
            long id = jdbi.inTransaction(handle -> {
                int held = handle.createQuery("SELECT COUNT(*) FROM api_keys WHERE user_id = :userId")
                        .bind("userId", user.id()).mapTo(Integer.class).one();
                if (held >= MAX_KEYS) {
                    throw new Invalid(Map.of("label", "This account has " + held + " keys, the most it may have: "
                            + "revoke one it no longer uses first."));
                }
                long made = handle.createUpdate("""
                                INSERT INTO api_keys (user_id, kind, label, secret_hash, hint, scope, created_at)
                                VALUES (:userId, :kind, :label, :hash, :hint, :scope, :now)
                                """)
                        .bind("userId", user.id()).bind("kind", kind.key()).bind("label", name)
                        .bind("hash", OneTimeLinks.hash(bare)).bind("hint", hint).bind("scope", scope.key())
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                activity.record(handle, actor, Activity.API_KEY_MADE, user.email(),
                        kind.label() + " \"" + name + "\", " + scope.key(), user.id());
                return made;
            });
            return new Made(new ApiKey(id, user.id(), kind, name, hint, scope, Instant.ofEpochMilli(now), null, ""),
                    secret);
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Invalid(Map.of("label", "You already have a key named \"" + name
                        + "\": choose another name, or revoke that one first."));
            }
            throw e;
        }
    }

    /** The actor's own keys, newest first. */
    public List<ApiKey> list(Actor actor) {
        User user = own(actor, "see your keys to the API");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM api_keys WHERE user_id = :userId ORDER BY created_at DESC, id DESC")
                .bind("userId", user.id()).map(ApiKeys::map).list());
    }

    /** Revokes one of the actor's own keys: it stops working on every node at the next request. */
    public void revoke(Actor actor, long id) {
        User user = own(actor, "revoke a key to the API");
        jdbi.useTransaction(handle -> {
            Optional<ApiKey> key = handle.createQuery("SELECT " + COLUMNS
                            + " FROM api_keys WHERE id = :id AND user_id = :userId")
                    .bind("id", id).bind("userId", user.id()).map(ApiKeys::map).findOne();
            if (key.isEmpty()) {
                throw new NotFound("You have no such key: it may have been revoked already.");
            }
            handle.createUpdate("DELETE FROM api_keys WHERE id = :id").bind("id", id).execute();
            activity.record(handle, actor, Activity.API_KEY_REVOKED, user.email(),
                    key.get().kind().label() + " \"" + key.get().label() + "\"", user.id());
        });
    }

    /**
     * Whom an {@code Authorization} header names: {@code Bearer <personal token>}, or {@code Basic} with the
     * account's email and an application password (spaces in it ignored, as WordPress does). Empty when the header
     * is missing or malformed, the key unknown or revoked, of the other kind, or its account not active.
     */
    public Optional<Authenticated> authenticate(String authorization, String ip) {
        if (authorization == null || authorization.length() > 1_000) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return credentials.startsWith(TOKEN_PREFIX)
                    ? find(ApiKey.Kind.PERSONAL_TOKEN, credentials, null, ip) : Optional.empty();
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return find(ApiKey.Kind.APPLICATION_PASSWORD, decoded.substring(colon + 1), decoded.substring(0, colon), ip);
    }

    private Optional<Authenticated> find(ApiKey.Kind kind, String secret, String login, String ip) {
        String bare = bare(secret);
        if (bare.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM api_keys WHERE secret_hash = :hash AND kind = :kind")
                .bind("hash", OneTimeLinks.hash(bare)).bind("kind", kind.key()).map(ApiKeys::map).findOne());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.findById(key.get().userId()).filter(User::active)
                .filter(found -> login == null || found.email().equalsIgnoreCase(login.strip()));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Instant last = key.get().lastUsedAt();
        if (last == null || now - last.toEpochMilli() > TOUCH_EVERY_MILLIS || !ip.equals(key.get().lastUsedIp())) {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "UPDATE api_keys SET last_used_at = :now, last_used_ip = :ip WHERE id = :id")
                    .bind("now", now).bind("ip", ip).bind("id", key.get().id()).execute());
        }
        return Optional.of(new Authenticated(user.get(), key.get()));
    }

    /** The secret as hashed: an application password without the spaces it is shown (and often pasted) with. */
    private static String bare(String secret) {
        return secret.replace(" ", "").strip();
    }

    /** 24 letters and digits in groups of four, as WordPress shows its application passwords. */
    private static String applicationPassword() {
        var password = new StringBuilder();
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append(' ');
            }
            password.append(PASSWORD_LETTERS.charAt(RANDOM.nextInt(PASSWORD_LETTERS.length())));
        }
        return password.toString();
    }

    private User own(Actor actor, String action) {
        Optional<User> user = actor.userId() == 0 ? Optional.empty()
                : users.findById(actor.userId()).filter(User::active);
        return user.orElseThrow(() -> new Forbidden("Please sign in to " + action + "."));
    }

    private static ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("user_id"), ApiKey.Kind.parse(rs.getString("kind")),
                rs.getString("label"), rs.getString("hint"), ApiKey.Scope.parse(rs.getString("scope")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Columns.nullableInstant(rs, "last_used_at"),
                rs.getString("last_used_ip"));
    }
}
