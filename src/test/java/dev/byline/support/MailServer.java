package dev.byline.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.byline.config.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real SMTP server in the test JVM (GreenMail, plain SMTP without STARTTLS) on a port of its own, so tests in
 * other worktrees on the same machine never collide. It can be stopped and started again on the same port, to
 * play a server that is down for a while.
 */
public final class MailServer implements AutoCloseable {

    public static final String FROM = "Byline Test <news@example.org>";

    private final int port;
    private final Optional<String[]> user;
    private GreenMail greenMail;

    private MailServer(int port, Optional<String[]> user) {
        this.port = port;
        this.user = user;
    }

    /** A running server that takes mail from anyone. */
    public static MailServer start() {
        var server = new MailServer(freePort(), Optional.empty());
        server.up();
        return server;
    }

    /** A running server with one account; mail sent after signing in with it is accepted. */
    public static MailServer startWithUser(String login, String password) {
        var server = new MailServer(freePort(), Optional.of(new String[] {login, password}));
        server.up();
        return server;
    }

    /** A server that is not running yet: its port is chosen, nothing listens there until {@link #up}. */
    public static MailServer down() {
        return new MailServer(freePort(), Optional.empty());
    }

    public synchronized void up() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            user.ifPresent(account -> greenMail.setUser("mailbox@example.org", account[0], account[1]));
            greenMail.start();
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** This server as Byline's SMTP setting: no STARTTLS (GreenMail's plain SMTP does not offer it). */
    public Smtp smtp() {
        return new Smtp("127.0.0.1", port, user.map(account -> account[0]), user.map(account -> account[1]), FROM,
                false);
    }

    public int port() {
        return port;
    }

    /** Waits (without sleeping: GreenMail is told of each message) until {@code count} messages have arrived. */
    public List<MimeMessage> await(int count, Duration atMost) {
        greenMail.waitForIncomingEmail(atMost.toMillis(), count);
        return messages();
    }

    public synchronized List<MimeMessage> messages() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    /** The text of a plain-text message, decoded from its transfer encoding and charset. */
    public static String body(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in a message's text. */
    public static String link(MimeMessage message) {
        String text = body(message);
        int start = text.indexOf("http");
        if (start < 0) {
            throw new AssertionError("no link in: " + text);
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    public static String raw(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
