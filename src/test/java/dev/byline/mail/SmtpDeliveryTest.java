package dev.byline.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Smtp;
import dev.byline.db.Database;
import dev.byline.support.MailServer;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Talking to SMTP servers: signing in, STARTTLS, and saying clearly what went wrong ({@link Outbox#sendNow}). */
class SmtpDeliveryTest {

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    Database database;
    MailServer server;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.SQLITE.config(dir));
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    Outbox outbox(Smtp smtp) {
        return new Outbox(database.jdbi(), new SmtpDelivery(smtp, Duration.ofSeconds(5), clock), clock);
    }

    @Test
    void aTestMessageIsSentAtOnceAndTheAnswerSaysWhere() {
        server = MailServer.start();
        Outbox.Attempt attempt = outbox(server.smtp()).sendNow("editor@example.org", "Test message", "It works.");

        assertTrue(attempt.delivered(), attempt.message());
        assertEquals("Sent to editor@example.org through 127.0.0.1:" + server.port() + " (no TLS).", attempt.message());
        assertEquals("It works.", MailServer.body(server.await(1, Duration.ofSeconds(10)).getFirst()).strip());
    }

    @Test
    void aTestMessageToAServerThatIsDownSaysSoInsteadOfThrowing() {
        server = MailServer.down();
        Outbox.Attempt attempt = outbox(server.smtp()).sendNow("editor@example.org", "Test message", "It works.");

        assertFalse(attempt.delivered());
        assertTrue(attempt.message().startsWith("Could not connect to the SMTP server 127.0.0.1:" + server.port()
                + " (no TLS): Connection refused"), attempt.message());
    }

    @Test
    void aTestMessageToSomethingThatIsNotAnAddressIsRefusedBeforeConnecting() {
        server = MailServer.down();
        Outbox.Attempt attempt = outbox(server.smtp()).sendNow("editor at example", "Test message", "It works.");

        assertFalse(attempt.delivered());
        assertEquals("Enter one email address, such as name@example.org.", attempt.message());
    }

    @Test
    void withoutAnSmtpServerTheTestMessageGoesToTheLogAndTheAnswerSaysSo() {
        var outbox = new Outbox(database.jdbi(), new LogDelivery(), clock);
        String[] message = new String[1];
        String log = LogCapture.during(() -> message[0] = outbox.sendNow("ed@example.org", "Test", "Hello").message());

        assertTrue(message[0].startsWith("No SMTP server is configured (BYLINE_SMTP_HOST)"), message[0]);
        assertTrue(log.contains("ed@example.org") && log.contains("Hello"), log);
    }

    @Test
    void signsInWithTheUserAndPassword() {
        server = MailServer.startWithUser("byline", "s3cret-smtp");

        var attempt = outbox(server.smtp()).sendNow("editor@example.org", "Signed in", "Hello");

        assertTrue(attempt.delivered(), attempt.message());
        assertEquals(1, server.await(1, Duration.ofSeconds(10)).size());
    }

    @Test
    void aWrongPasswordIsNamedAsSuch() {
        server = MailServer.startWithUser("byline", "s3cret-smtp");
        Smtp right = server.smtp();
        Smtp wrong = new Smtp(right.host(), right.port(), right.user(), Optional.of("not-it"), right.from(), false);

        var attempt = outbox(wrong).sendNow("editor@example.org", "Signed in", "Hello");

        assertFalse(attempt.delivered());
        assertTrue(attempt.message().startsWith("The SMTP server 127.0.0.1:" + server.port()
                + " (no TLS) refused the user name or password (BYLINE_SMTP_USER, BYLINE_SMTP_PASSWORD)"),
                attempt.message());
        assertFalse(attempt.message().contains("not-it"), "the password is not repeated");
        assertTrue(server.messages().isEmpty());
    }

    @Test
    void withStartTlsRequiredAServerThatDoesNotOfferItGetsNothing() {
        server = MailServer.startWithUser("byline", "s3cret-smtp"); // GreenMail's plain SMTP has no STARTTLS
        Smtp plain = server.smtp();
        Smtp requiring = new Smtp(plain.host(), plain.port(), plain.user(), plain.password(), plain.from(), true);
        var outbox = outbox(requiring);

        var attempt = outbox.sendNow("editor@example.org", "Secret", "Hello");
        assertFalse(attempt.delivered());
        assertTrue(attempt.message().startsWith("The SMTP server 127.0.0.1:" + server.port() + " (STARTTLS) does not "
                + "offer STARTTLS, which BYLINE_SMTP_STARTTLS=true requires: nothing was sent unencrypted."),
                attempt.message());

        database.jdbi().useTransaction(handle -> outbox.enqueue(handle, new Mail("ed@example.org", "Queued", "x")));
        assertEquals(0, outbox.deliverDue());
        assertTrue(outbox.waiting().getFirst().lastError().contains("does not offer STARTTLS"));
        assertTrue(server.messages().isEmpty(), "neither the password nor the message was sent in clear");
    }

    @ParameterizedTest
    @CsvSource({"1, 30", "2, 60", "3, 120", "5, 480", "7, 1920", "8, 3600", "30, 3600", "1000, 3600"})
    void theWaitAfterAFailureDoublesUpToAnHour(int attempts, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Outbox.backoff(attempts));
    }
}
