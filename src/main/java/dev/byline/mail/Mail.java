package dev.byline.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One plain-text message to one person.
 *
 * @param to      the recipient's address, without a display name
 * @param subject one line; line breaks are turned into spaces so nothing can be added to the headers
 * @param body    plain text, any language (sent as UTF-8)
 */
public record Mail(String to, String subject, String body) {

    public Mail {
        to = to == null ? "" : to.strip();
        if (!isAddress(to)) {
            throw new IllegalArgumentException("not an email address: '" + to + "'");
        }
        subject = subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a subject");
        }
        body = body == null ? "" : body;
    }

    /** Whether {@code value} is one bare address with a domain: {@code name@example.org}. */
    public static boolean isAddress(String value) {
        if (value == null || value.isBlank() || value.length() > 254) {
            return false;
        }
        try {
            var address = new InternetAddress(value.strip(), true);
            address.validate();
            String bare = address.getAddress();
            int at = bare.lastIndexOf('@');
            return address.getPersonal() == null && bare.equals(value.strip()) && at > 0 && at < bare.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }
}
