package dev.byline.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * An address as the log may show it: the first letter of the name and the domain ({@code a…@example.org}).
     * A reader's address is never written to the log; an operator still sees which domain refused a message.
     */
    public static String masked(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at <= 0 ? "…" : address.substring(0, Character.charCount(address.codePointAt(0))) + "…"
                + address.substring(at);
    }

    /** {@code text} with every address in it masked, as {@link #masked} (an SMTP server's reply often quotes one). */
    public static String maskedIn(String text) {
        return text == null ? "" : ADDRESS_IN_TEXT.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(masked(m.group())));
    }

    private static final Pattern ADDRESS_IN_TEXT = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;:@]+");

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
