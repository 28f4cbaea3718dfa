package dev.byline.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.MailServer;
import dev.byline.support.TestDatabases;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL database, each with its own connection pool and outbox, sending the same queue. */
class OutboxNodesTest {

    @TempDir
    Path dir;
    Clock clock = Clock.systemUTC();
    MailServer server;
    Database nodeA;
    Database nodeB;
    Outbox outboxA;
    Outbox outboxB;

    @BeforeEach
    void open() {
        server = MailServer.start();
        var config = TestDatabases.POSTGRES.config(dir);
        nodeA = Database.open(config);
        nodeB = Database.open(config);
        // the sender threads look only when woken: a message that arrives was sent because of the wake
        outboxA = new Outbox(nodeA.jdbi(), delivery(), clock, Duration.ofHours(1));
        outboxB = new Outbox(nodeB.jdbi(), delivery(), clock, Duration.ofHours(1));
    }

    Delivery delivery() {
        return new SmtpDelivery(server.smtp(), Duration.ofSeconds(10), clock);
    }

    @AfterEach
    void close() {
        outboxA.close();
        outboxB.close();
        nodeA.close();
        nodeB.close();
        server.close();
    }

    @Test
    void fiftyMailsSentByTwoNodesAtOnceArriveExactlyOnceEach() throws Exception {
        for (int i = 1; i <= 50; i++) {
            Mail mail = new Mail("reader" + i + "@example.org", "Message " + i, "Body " + i);
            Outbox outbox = i % 2 == 0 ? outboxA : outboxB;
            (i % 2 == 0 ? nodeA : nodeB).jdbi().useTransaction(handle -> outbox.enqueue(handle, mail));
        }

        var start = new CountDownLatch(1);
        List<Integer> sent;
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> nodes = List.of(outboxA, outboxB).stream().map(outbox -> pool.submit(() -> {
                start.await();
                return outbox.deliverDue();
            })).toList();
            start.countDown();
            sent = List.of(nodes.get(0).get(), nodes.get(1).get());
        }

        System.out.println("node A sent " + sent.get(0) + ", node B sent " + sent.get(1));
        assertEquals(50, sent.get(0) + sent.get(1), "each message sent by one node: " + sent);
        List<MimeMessage> received = server.messages();
        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(OutboxNodesTest::subject,
                Collectors.counting()));
        assertEquals(IntStream.rangeClosed(1, 50).mapToObj(i -> "Message " + i).collect(Collectors.toSet()),
                copies.keySet());
        assertTrue(copies.values().stream().allMatch(count -> count == 1), "each arrived once: " + copies);
        assertEquals(50, received.size());
        assertTrue(outboxA.waiting().isEmpty() && outboxB.waiting().isEmpty());
    }

    @Test
    void theSenderThreadsSendWhatIsQueuedAsSoonAsItCommitsOnEitherNode() {
        outboxA.start();
        outboxB.start();

        for (int i = 1; i <= 10; i++) {
            Mail mail = new Mail("reader" + i + "@example.org", "Woken " + i, "Body " + i);
            Outbox outbox = i % 2 == 0 ? outboxA : outboxB;
            (i % 2 == 0 ? nodeA : nodeB).jdbi().useTransaction(handle -> outbox.enqueue(handle, mail));
        }

        List<MimeMessage> received = server.await(10, Duration.ofSeconds(30));
        assertEquals(10, received.size(), "woken by the commit, well before the hour-long poll");
        outboxA.deliverDue(); // waits for any pass in progress on each node: nothing is being sent after these
        outboxB.deliverDue();
        Map<String, Long> copies = server.messages().stream().collect(Collectors.groupingBy(OutboxNodesTest::subject,
                Collectors.counting()));
        assertEquals(10, copies.size());
        assertTrue(copies.values().stream().allMatch(count -> count == 1), "each arrived once: " + copies);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
