package dev.byline.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.MailServer;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox against a real SMTP server (GreenMail) and both databases. The sender thread is not started: each
 * test moves the clock and calls {@link Outbox#deliverDue} itself, so retries happen without waiting.
 */
class OutboxTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String BODY = "Grüße aus der Redaktion — 编辑部 ✓\nSecond line.";

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(NOW);
    List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable part : open.reversed()) {
            part.close();
        }
    }

    Database database(TestDatabases kind) {
        return opened(Database.open(kind.config(dir)));
    }

    <T extends AutoCloseable> T opened(T part) {
        open.add(part);
        return part;
    }

    Outbox outbox(Database database, MailServer server) {
        return opened(new Outbox(database.jdbi(), new SmtpDelivery(server.smtp(), Duration.ofSeconds(5), clock), clock));
    }

    void enqueue(Database database, Outbox outbox, Mail mail) {
        database.jdbi().useTransaction(handle -> outbox.enqueue(handle, mail));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aQueuedMailArrivesWithItsRecipientSubjectAndUtf8Body(TestDatabases kind) throws Exception {
        var database = database(kind);
        var server = opened(MailServer.start());
        var outbox = outbox(database, server);

        enqueue(database, outbox, new Mail("ana@example.org", "Café au lait ☕ – you are invited", BODY));
        assertEquals(1, outbox.waiting().size(), "queued, not sent yet");
        assertEquals(1, outbox.deliverDue());

        MimeMessage message = server.await(1, Duration.ofSeconds(10)).getFirst();
        assertEquals("ana@example.org", ((InternetAddress) message.getAllRecipients()[0]).getAddress());
        assertEquals("Café au lait ☕ – you are invited", message.getSubject());
        assertEquals(BODY, MailServer.body(message));
        assertTrue(message.getContentType().toLowerCase().contains("text/plain"), message.getContentType());
        assertTrue(message.getContentType().toLowerCase().contains("utf-8"), message.getContentType());
        var from = (InternetAddress) message.getFrom()[0];
        assertEquals("news@example.org", from.getAddress());
        assertEquals("Byline Test", from.getPersonal());
        assertEquals(NOW, message.getSentDate().toInstant());

        assertTrue(outbox.waiting().isEmpty());
        assertEquals(0, outbox.deliverDue(), "sent once, never again");
        assertEquals(1, server.messages().size());
        String body = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT body FROM mail_outbox").mapTo(String.class).one());
        assertEquals("", body, "a sent message's body (its links) is not kept");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aMailQueuedInARolledBackTransactionIsNeverSent(TestDatabases kind) {
        var database = database(kind);
        var server = opened(MailServer.start());
        var outbox = outbox(database, server);

        assertThrows(IllegalStateException.class, () -> database.jdbi().useTransaction(handle -> {
            outbox.enqueue(handle, new Mail("ana@example.org", "Invitation", "a link"));
            throw new IllegalStateException("the invitation failed after the mail was queued");
        }));

        assertTrue(outbox.waiting().isEmpty());
        assertEquals(0, outbox.deliverDue());
        assertTrue(server.messages().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void whileTheServerIsDownTheMailWaitsAndArrivesAfterARetry(TestDatabases kind) throws Exception {
        var database = database(kind);
        var server = opened(MailServer.down());
        var outbox = outbox(database, server);
        enqueue(database, outbox, new Mail("ana@example.org", "Reset your password", BODY));

        String log = LogCapture.during(() -> assertEquals(0, outbox.deliverDue()));
        assertTrue(log.contains("to a…@example.org, attempt 1"), "the log names the domain: " + log);
        assertFalse(log.contains("ana@example.org"), "and never a reader's address: " + log);
        Outbox.Waiting waiting = outbox.waiting().getFirst();
        assertEquals(1, waiting.attempts());
        assertTrue(waiting.lastError().startsWith("Could not connect to the SMTP server 127.0.0.1:" + server.port()),
                waiting.lastError());
        assertEquals(NOW.plus(Outbox.FIRST_RETRY), waiting.nextAttempt());

        server.up();
        assertEquals(0, outbox.deliverDue(), "not before its time");
        assertEquals(1, outbox.waiting().getFirst().attempts());
        assertTrue(server.messages().isEmpty());

        clock.advance(Outbox.FIRST_RETRY);
        assertEquals(1, outbox.deliverDue());
        MimeMessage message = server.await(1, Duration.ofSeconds(10)).getFirst();
        assertEquals("Reset your password", message.getSubject());
        assertEquals(BODY, MailServer.body(message));
        assertTrue(outbox.waiting().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void afterADayOfFailuresTheMailIsGivenUpAndPruned(TestDatabases kind) {
        var database = database(kind);
        var server = opened(MailServer.down());
        var outbox = outbox(database, server);
        enqueue(database, outbox, new Mail("ana@example.org", "Reset your password", BODY));

        int attempts = 0;
        while (!outbox.waiting().isEmpty()) {
            outbox.deliverDue();
            attempts++;
            clock.advance(Outbox.LONGEST_WAIT);
            assertTrue(attempts < 40, "gives up after about a day");
        }
        assertTrue(attempts > 20, "kept trying through the day: " + attempts);
        assertEquals("given-up", column(database, "status"));
        assertTrue(column(database, "last_error").startsWith("Could not connect"), column(database, "last_error"));
        assertEquals("", column(database, "body"));

        server.up();
        clock.advance(Duration.ofHours(2));
        assertEquals(0, outbox.deliverDue(), "given up is given up");
        clock.advance(Outbox.KEEP_SENT);
        assertEquals(1, outbox.prune());
        assertEquals(0, count(database));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sentMailIsPrunedAfterAFewDays(TestDatabases kind) {
        var database = database(kind);
        var server = opened(MailServer.start());
        var outbox = outbox(database, server);
        enqueue(database, outbox, new Mail("ana@example.org", "One", "1"));
        outbox.deliverDue();
        enqueue(database, outbox, new Mail("bo@example.org", "Two", "2")); // waiting: the server is stopped
        server.stop();
        outbox.deliverDue();

        clock.advance(Outbox.KEEP_SENT.minusMinutes(1));
        assertEquals(0, outbox.prune(), "kept a few days");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, outbox.prune(), "the sent one goes; the waiting one stays");
        assertEquals(1, count(database));
        assertEquals("bo@example.org", outbox.waiting().getFirst().to());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void withoutAnSmtpServerMailIsWrittenToTheLogAndMarkedSent(TestDatabases kind) {
        var database = database(kind);
        var outbox = opened(new Outbox(database.jdbi(), new LogDelivery(), clock));
        enqueue(database, outbox, new Mail("ana@example.org", "Reset your password",
                "Follow https://news.example.org/admin/reset/abc123 within an hour."));

        String log = LogCapture.during(() -> assertEquals(1, outbox.deliverDue()));

        assertTrue(log.contains("INFO"), log);
        assertTrue(log.contains("ana@example.org"), log);
        assertTrue(log.contains("Reset your password"), log);
        assertTrue(log.contains("https://news.example.org/admin/reset/abc123"), "the operator can follow it: " + log);
        assertTrue(outbox.waiting().isEmpty());
        assertEquals("sent", column(database, "status"));
    }

    @org.junit.jupiter.api.Test
    void addressesInWhatTheLogSaysAreMasked() {
        assertEquals("a…@example.org", Mail.masked("ana@example.org"));
        assertEquals("é…@example.org", Mail.masked("éva@example.org"));
        assertEquals("…", Mail.masked("no address"));
        assertEquals("550 5.1.1 <b…@example.org>: mailbox unknown; $ kept, cc c…@x.example",
                Mail.maskedIn("550 5.1.1 <bo@example.org>: mailbox unknown; $ kept, cc carl@x.example"));
    }

    static String column(Database database, String column) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + column + " FROM mail_outbox")
                .mapTo(String.class).one());
    }

    static int count(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM mail_outbox")
                .mapTo(Integer.class).one());
    }
}
