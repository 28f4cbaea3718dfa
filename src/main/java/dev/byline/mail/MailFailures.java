package dev.byline.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Why a message could not be sent, in one sentence an operator can act on: what went wrong, and where. Used for
 * the outbox's last_error and the log, and for the settings page's test message.
 */
final class MailFailures {

    private MailFailures() {
    }

    static String describe(Exception failure, String where) {
        String reason = reason(failure, where);
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    private static String reason(Exception failure, String where) {
        String server = "the SMTP server " + where;
        String message = innermost(failure);
        if (failure instanceof AuthenticationFailedException) {
            return server + " refused the user name or password (BYLINE_SMTP_USER, BYLINE_SMTP_PASSWORD)"
                    + answer(failure.getMessage());
        }
        if (contains(failure, "STARTTLS is required")) {
            return server + " does not offer STARTTLS, which BYLINE_SMTP_STARTTLS=true requires: nothing was sent "
                    + "unencrypted. Use the server's submission port (usually 587), or set BYLINE_SMTP_STARTTLS=false "
                    + "only for a server on a network you trust.";
        }
        if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0) {
            return server + " refused the recipient " + addresses(refused.getInvalidAddresses()) + answer(message);
        }
        if (causedBy(failure, UnknownHostException.class)) {
            return "could not find the SMTP server " + where + ": no such host name (BYLINE_SMTP_HOST)";
        }
        if (causedBy(failure, ConnectException.class)) {
            return "could not connect to " + server + ": " + message;
        }
        if (causedBy(failure, SocketTimeoutException.class)) {
            return server + " did not answer in time (" + Delivery.TIMEOUT.toSeconds() + " s)";
        }
        if (causedBy(failure, SSLException.class)) {
            return "the TLS connection to " + server + " failed (is its certificate valid, and for this host name?): "
                    + message;
        }
        if (contains(failure, "530") || contains(failure, "Authentication required")) {
            return server + " wants a user name and password (BYLINE_SMTP_USER, BYLINE_SMTP_PASSWORD)" + answer(message);
        }
        return "sending through " + server + " failed: " + message;
    }

    private static String answer(String said) {
        return said == null || said.isBlank() ? "" : "; it said: " + said.strip();
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Throwable failure, String words) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String innermost(Throwable failure) {
        String message = failure.toString();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage().strip();
            }
        }
        return message;
    }
}
