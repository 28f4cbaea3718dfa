package dev.byline.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the users table. Emails are stored lower-cased, so lookups compare them as they are. */
public final class UserStore {

    private static final String COLUMNS =
            "id, email, display_name, role, status, author_id, totp_secret IS NOT NULL AS two_factor, created_at";

    private final Jdbi jdbi;

    public UserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The new account's id, or empty when an account already uses the email: also one another transaction added
     * a moment ago (PostgreSQL waits for it to commit, then inserts nothing), so two adds at once never fail.
     */
    Optional<Long> insert(Handle handle, String email, String name, Role role, User.Status status,
                          String passwordHash, long authorId, long now) {
        return handle.createQuery("""
                        INSERT INTO users (email, display_name, role, status, password_hash, author_id, created_at,
                                           updated_at)
                        VALUES (:email, :name, :role, :status, :hash, :authorId, :now, :now)
                        ON CONFLICT (email) DO NOTHING
                        RETURNING id
                        """)
                .bind("email", email).bind("name", name).bind("role", role.key()).bind("status", status.key())
                .bind("hash", passwordHash).bind("authorId", authorId).bind("now", now)
                .mapTo(Long.class).findOne();
    }

    public boolean any() {
        return jdbi.withHandle(handle -> any(handle));
    }

    boolean any(Handle handle) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM users)").mapTo(Boolean.class).one();
    }

    public Optional<User> findById(long id) {
        return jdbi.withHandle(handle -> findById(handle, id));
    }

    Optional<User> findById(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id).map(UserStore::map).findOne();
    }

    public Optional<User> findByEmail(String email) {
        return jdbi.withHandle(handle -> findByEmail(handle, email));
    }

    Optional<User> findByEmail(Handle handle, String email) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email).map(UserStore::map).findOne();
    }

    /** The user's row locked for this transaction, so two writers to one account take turns. */
    Optional<User> lock(Handle handle, long id) {
        handle.createUpdate("UPDATE users SET updated_at = updated_at WHERE id = :id").bind("id", id).execute();
        return findById(handle, id);
    }

    public List<User> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
                .map(UserStore::map).list());
    }

    Optional<String> passwordHash(Handle handle, long id) {
        return handle.createQuery("SELECT password_hash FROM users WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    void setPassword(Handle handle, long id, String hash, long now) {
        handle.createUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("hash", hash).bind("now", now).execute();
    }

    void setRole(Handle handle, long id, Role role, long now) {
        handle.createUpdate("UPDATE users SET role = :role, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("role", role.key()).bind("now", now).execute();
    }

    void setStatus(Handle handle, long id, User.Status status, long now) {
        handle.createUpdate("UPDATE users SET status = :status, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("status", status.key()).bind("now", now).execute();
    }

    void setName(Handle handle, long id, String name, long now) {
        handle.createUpdate("UPDATE users SET display_name = :name, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("name", name).bind("now", now).execute();
    }

    /**
     * Locks every active administrator's row for this transaction, in id order. Taking an administrator's role or
     * account away takes these first, so two administrators removing each other take turns and the second sees the
     * first's change (on PostgreSQL each would otherwise count the other as still there); the order keeps two such
     * transactions from waiting on each other.
     */
    void lockActiveAdministrators(Handle handle) {
        List<Long> ids = handle.createQuery(
                        "SELECT id FROM users WHERE role = 'administrator' AND status = 'active' ORDER BY id")
                .mapTo(Long.class).list();
        for (long id : ids) {
            handle.createUpdate("UPDATE users SET updated_at = updated_at WHERE id = :id").bind("id", id).execute();
        }
    }

    /** Active administrators other than {@code exceptId}: the site must keep at least one. */
    int otherActiveAdministrators(Handle handle, long exceptId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM users
                        WHERE role = 'administrator' AND status = 'active' AND id <> :id
                        """)
                .bind("id", exceptId).mapTo(Integer.class).one();
    }

    private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.parse(rs.getString("role")).orElseThrow(), User.Status.parse(rs.getString("status")),
                rs.getLong("author_id"), rs.getBoolean("two_factor"), rs.getLong("created_at"));
    }
}
