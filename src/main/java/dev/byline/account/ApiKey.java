package dev.byline.account;

import java.time.Instant;

/**
 * A key to the API that one person made for a script or an app. The secret is never here: only its last four
 * characters ({@code hint}), to tell keys apart in a list.
 *
 * @param lastUsedAt null until the key is first used
 */
public record ApiKey(long id, long userId, Kind kind, String label, String hint, Scope scope, Instant createdAt,
                     Instant lastUsedAt, String lastUsedIp) {

    /** How the key is sent. */
    public enum Kind {
        /** With the account's email over HTTP Basic, as WordPress's application passwords are. */
        APPLICATION_PASSWORD("application-password", "Application password"),
        /** As {@code Authorization: Bearer <token>}. */
        PERSONAL_TOKEN("personal-token", "Personal token");

        private final String key;
        private final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** The kind a form or a flag names, or null for none. */
        public static Kind parse(String key) {
            for (Kind kind : values()) {
                if (kind.key.equals(key)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** What a key may do: read only, or whatever its account's role may. */
    public enum Scope {
        READ("read"), WRITE("write");

        private final String key;

        Scope(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The scope a form or a flag names, or null for none. */
        public static Scope parse(String key) {
            for (Scope scope : values()) {
                if (scope.key.equals(key)) {
                    return scope;
                }
            }
            return null;
        }
    }
}
