package dev.byline.config;

import java.util.Optional;

/**
 * Where Byline sends mail: an SMTP server (submission, port 587 by default) with STARTTLS required unless turned
 * off. Without one (the default one-machine setup) mail is written to the log instead. Its {@link #toString}
 * never shows the password.
 *
 * @param from     the sender as written, already checked to be an address: {@code Byline Daily <news@example.org>}
 * @param startTls when true the connection must be upgraded with STARTTLS before anything else is said: a server
 *                 that does not offer it is refused rather than sent the password in clear
 */
public record Smtp(String host, int port, Optional<String> user, Optional<String> password, String from,
                   boolean startTls) {

    /** {@code host:port}, and how the connection is protected: for messages to the operator. */
    public String describe() {
        return host + ":" + port + (startTls ? " (STARTTLS)" : " (no TLS)");
    }

    @Override
    public String toString() {
        return "Smtp[host=" + host + ", port=" + port + ", user=" + user.orElse("")
                + ", password=" + password.map(secret -> "***").orElse("") + ", from=" + from
                + ", startTls=" + startTls + "]";
    }
}
