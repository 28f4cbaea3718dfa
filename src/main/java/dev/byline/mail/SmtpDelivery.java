package dev.byline.mail;

import dev.byline.config.Smtp;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends through an SMTP server with Angus Mail: one connection per message (mail is rare: invitations, resets),
 * plain text in UTF-8, a time limit on connecting and on every read and write so a silent server cannot hold the
 * sender. With STARTTLS on, the connection must be upgraded (and the server's certificate match its name) before
 * the password or the message is sent; a server that does not offer it is refused.
 */
final class SmtpDelivery implements Delivery {

    private final Smtp smtp;
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    SmtpDelivery(Smtp smtp, Duration timeout, Clock clock) {
        this.smtp = smtp;
        this.clock = clock;
        this.from = sender(smtp.from());
        var properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.from", from.getAddress()); // the envelope sender, where bounces go
        properties.put("mail.smtp.auth", String.valueOf(smtp.user().isPresent()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        String millis = String.valueOf(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        this.session = Session.getInstance(properties);
    }

    @Override
    public void deliver(Mail mail) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setText(mail.body(), StandardCharsets.UTF_8.name()); // text/plain; charset=UTF-8
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(smtp.host(), smtp.port(), smtp.user().orElse(null), smtp.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public String describe() {
        return smtp.describe();
    }

    /** The configured sender (checked at start-up), its name encoded as UTF-8 where it needs to be. */
    private static InternetAddress sender(String configured) {
        try {
            InternetAddress parsed = InternetAddress.parse(configured, true)[0];
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("BYLINE_SMTP_FROM is not an address: " + configured, e);
        }
    }
}
