package dev.byline.web.admin;

import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;

/**
 * The site's signing key: 256 random bits made by whichever node starts first and kept in the settings table, so
 * every node signs and checks with the same key. It never leaves the database and the process.
 */
public final class SiteKey {

    private static final String NAME = "secret.signing-key";

    private SiteKey() {
    }

    public static byte[] load(Jdbi jdbi, long now) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String encoded = Base64.getEncoder().encodeToString(fresh);
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO settings (name, value, updated_at) VALUES (:name, :value, :now)
                            ON CONFLICT (name) DO NOTHING
                            """)
                    .bind("name", NAME).bind("value", encoded).bind("now", now).execute();
            return Base64.getDecoder().decode(handle.createQuery("SELECT value FROM settings WHERE name = :name")
                    .bind("name", NAME).mapTo(String.class).one());
        });
    }
}
