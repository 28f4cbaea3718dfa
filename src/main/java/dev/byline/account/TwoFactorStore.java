package dev.byline.account;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the second factor: the TOTP secret and last accepted step on the user's row, and the recovery codes.
 * Each change that must happen once (a step accepted, a code used, the secret set) is one conditional UPDATE whose
 * row count says whether this caller made it: two nodes racing with the same code cannot both succeed.
 */
public final class TwoFactorStore {

    /** An enrolled secret (Base32) and the last time step accepted. */
    record Enrolled(String base32, long lastStep) {
    }

    Optional<Enrolled> enrolled(Handle handle, long userId) {
        return handle.createQuery("""
                        SELECT totp_secret, totp_last_step FROM users WHERE id = :id AND totp_secret IS NOT NULL
                        """)
                .bind("id", userId)
                .map((rs, ctx) -> new Enrolled(rs.getString("totp_secret"), rs.getLong("totp_last_step")))
                .findOne();
    }

    /** Sets the secret, with {@code step} (the confirming code's) already used; false when one is set already. */
    boolean enable(Handle handle, long userId, String base32, long step, long now) {
        return handle.createUpdate("""
                        UPDATE users SET totp_secret = :secret, totp_last_step = :step, updated_at = :now
                        WHERE id = :id AND totp_secret IS NULL
                        """)
                .bind("id", userId).bind("secret", base32).bind("step", step).bind("now", now)
                .execute() == 1;
    }

    /** Removes the secret and the recovery codes; false when there was no secret. */
    boolean disable(Handle handle, long userId, long now) {
        int changed = handle.createUpdate("""
                        UPDATE users SET totp_secret = NULL, totp_last_step = 0, updated_at = :now
                        WHERE id = :id AND totp_secret IS NOT NULL
                        """)
                .bind("id", userId).bind("now", now).execute();
        handle.createUpdate("DELETE FROM recovery_codes WHERE user_id = :id").bind("id", userId).execute();
        return changed == 1;
    }

    /**
     * Accepts time step {@code step} if no step as late has been accepted: the code of a step works once, and an
     * older code never after a newer one. False when another request (on any node) got there first.
     */
    boolean accept(Handle handle, long userId, long step) {
        return handle.createUpdate("""
                        UPDATE users SET totp_last_step = :step
                        WHERE id = :id AND totp_secret IS NOT NULL AND totp_last_step < :step
                        """)
                .bind("id", userId).bind("step", step).execute() == 1;
    }

    /** Replaces every recovery code of the account, used or not, by {@code hashes}. */
    void replaceRecoveryCodes(Handle handle, long userId, List<String> hashes) {
        handle.createUpdate("DELETE FROM recovery_codes WHERE user_id = :id").bind("id", userId).execute();
        var batch = handle.prepareBatch("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:id, :hash)");
        for (String hash : hashes) {
            batch.bind("id", userId).bind("hash", hash).add();
        }
        batch.execute();
    }

    /** Marks the code used; false when it is not one of the account's, or was used already (here or elsewhere). */
    boolean useRecoveryCode(Handle handle, long userId, String hash, long now) {
        return handle.createUpdate("""
                        UPDATE recovery_codes SET used_at = :now
                        WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL
                        """)
                .bind("id", userId).bind("hash", hash).bind("now", now).execute() == 1;
    }

    int recoveryCodesLeft(Handle handle, long userId) {
        return handle.createQuery("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :id AND used_at IS NULL")
                .bind("id", userId).mapTo(Integer.class).one();
    }
}
