package dev.byline.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Sessions in the database, so every node knows every session and ending one ends it everywhere at once. A session
 * ends after its idle limit without a request, or at its absolute limit whatever happens; disabling the account or
 * "sign out everywhere" deletes its rows. Each request reads its session (one indexed row); the last-seen time is
 * written at most once a minute.
 */
public final class Sessions {

    /** The cookie's value (give it to the browser, never store it) and the session it opens. */
    public record Opened(String token, Session session) {
    }

    /** A live session and its active account. */
    public record Current(Session session, User user) {
    }

    /** How long a session may be idle, and how long it may last at most. */
    public record Limits(Duration idle, Duration absolute) {
    }

    private static final long TOUCH_EVERY_MILLIS = 60_000;
    /** The code step of a sign-in must be finished soon after the password. */
    private static final Duration SECOND_FACTOR_LIMIT = Duration.ofMinutes(10);
    private static final String COLUMNS =
            "id_hash, user_id, stage, created_at, last_seen_at, expires_at, ip, user_agent";

    private final Jdbi jdbi;
    private final UserStore users;
    private final Clock clock;
    private final Supplier<Limits> limits;

    public Sessions(Jdbi jdbi, UserStore users, Clock clock, Supplier<Limits> limits) {
        this.jdbi = jdbi;
        this.users = users;
        this.clock = clock;
        this.limits = limits;
    }

    /** A new session with a new id: at every sign-in (and at the code step), so an id set before sign-in is worthless. */
    Opened open(Handle handle, long userId, String stage, String ip, String userAgent) {
        String token = OneTimeLinks.randomToken();
        long now = clock.millis();
        long expires = now + (Session.SECOND_FACTOR.equals(stage) ? SECOND_FACTOR_LIMIT : limits.get().absolute())
                .toMillis();
        String agent = userAgent == null ? "" : userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent;
        handle.createUpdate("""
                        INSERT INTO sessions (id_hash, user_id, stage, created_at, last_seen_at, expires_at, ip,
                                              user_agent)
                        VALUES (:id, :userId, :stage, :now, :now, :expires, :ip, :agent)
                        """)
                .bind("id", OneTimeLinks.hash(token)).bind("userId", userId).bind("stage", stage).bind("now", now)
                .bind("expires", expires).bind("ip", ip).bind("agent", agent)
                .execute();
        return new Opened(token, new Session(OneTimeLinks.hash(token), userId, stage, Instant.ofEpochMilli(now),
                Instant.ofEpochMilli(now), Instant.ofEpochMilli(expires), ip, agent));
    }

    /**
     * The live session a cookie names, with its account: empty when there is none, it is past its idle or absolute
     * limit, or the account is no longer active.
     */
    public Optional<Current> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String id = OneTimeLinks.hash(token);
        long now = clock.millis();
        Optional<Session> session = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM sessions WHERE id_hash = :id")
                .bind("id", id).map(Sessions::map).findOne());
        if (session.isEmpty() || !live(session.get(), now)) {
            session.ifPresent(expired -> delete(expired.id()));
            return Optional.empty();
        }
        Optional<User> user = users.findById(session.get().userId()).filter(User::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (now - session.get().lastSeenAt().toEpochMilli() > TOUCH_EVERY_MILLIS) {
            jdbi.useHandle(handle -> handle.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :id")
                    .bind("now", now).bind("id", id).execute());
        }
        return Optional.of(new Current(session.get(), user.get()));
    }

    /** Within both limits as they are now: shortening one in the settings applies to sessions already open. */
    private boolean live(Session session, long now) {
        Limits current = limits.get();
        return now < session.expiresAt().toEpochMilli()
                && now < session.createdAt().toEpochMilli() + current.absolute().toMillis()
                && now - session.lastSeenAt().toEpochMilli() < current.idle().toMillis();
    }

    /** The account's live sessions, most recent first. */
    public List<Session> list(long userId) {
        long now = clock.millis();
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM sessions WHERE user_id = :userId AND stage = 'signed-in' ORDER BY last_seen_at DESC")
                .bind("userId", userId).map(Sessions::map).list())
                .stream().filter(session -> live(session, now)).toList();
    }

    /** Ends one session (sign-out). */
    public void delete(String id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                .bind("id", id).execute());
    }

    /** Ends every session of the account but {@code keepId} (null: all of them); returns how many ended. */
    static int endAll(Handle handle, long userId, String keepId) {
        return handle.createUpdate("DELETE FROM sessions WHERE user_id = :userId AND id_hash <> :keep")
                .bind("userId", userId).bind("keep", keepId == null ? "" : keepId).execute();
    }

    /** Ends session {@code id} if it is one of {@code userId}'s; returns whether it did. */
    boolean endOne(Handle handle, long userId, String id) {
        return handle.createUpdate("DELETE FROM sessions WHERE id_hash = :id AND user_id = :userId")
                .bind("id", id).bind("userId", userId).execute() > 0;
    }

    /** Deletes sessions past either limit, as the settings give them now (Housekeeping runs it hourly). */
    public int prune() {
        long now = clock.millis();
        Limits current = limits.get();
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM sessions WHERE expires_at < :now OR last_seen_at < :idle OR created_at < :born
                        """)
                .bind("now", now).bind("idle", now - current.idle().toMillis())
                .bind("born", now - current.absolute().toMillis()).execute());
    }

    private static Session map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Session(rs.getString("id_hash"), rs.getLong("user_id"), rs.getString("stage"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_seen_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("ip"), rs.getString("user_agent"));
    }
}
