package dev.byline.mail;

import dev.byline.config.Smtp;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** How a message leaves this node: through an SMTP server, or, with none configured, into the log. */
public sealed interface Delivery permits SmtpDelivery, LogDelivery {

    /** How long connecting, and each read and write, may take before the attempt fails. */
    Duration TIMEOUT = Duration.ofSeconds(20);

    /** Hands {@code mail} over; returns when the server took it. */
    void deliver(Mail mail) throws MessagingException;

    /** Where mail goes, for the operator: {@code smtp.example.org:587 (STARTTLS)}, or the log. */
    String describe();

    /** SMTP when configured, the log otherwise. */
    static Delivery of(Optional<Smtp> smtp, Clock clock) {
        return smtp.<Delivery>map(server -> new SmtpDelivery(server, TIMEOUT, clock)).orElseGet(LogDelivery::new);
    }
}
