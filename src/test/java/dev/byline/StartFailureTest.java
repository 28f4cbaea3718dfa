package dev.byline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Config;
import dev.byline.support.TestConfigs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails after Jetty is up says why in one line and leaves nothing behind: the port is free again,
 * the database closed. (What main does with it: print the message, exit 1; see ProductionJarIT.)
 */
class StartFailureTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseNobodyListensOnFailsTheStartAndFreesThePort() throws IOException {
        int port = freePort();
        int nobodyListens = freePort();
        Config config = on(port, TestConfigs.forTests(dir)).withDatabase(
                "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/byline", "byline", "s3cr3t-pw");

        var failed = assertThrows(Byline.StartFailed.class, () -> Byline.start(config));

        String message = failed.getMessage();
        assertTrue(message.startsWith("Byline could not start: "), message);
        assertTrue(message.contains("127.0.0.1:" + nobodyListens) && message.contains("refused"), message);
        assertTrue(!message.contains("\n") && !message.contains("s3cr3t"), "one line, no secret: " + message);
        assertPortFree(port);
    }

    @Test
    void aFailureWhileLoadingTheDemoFailsTheStartAndFreesThePort() throws IOException {
        int port = freePort();
        Files.writeString(dir.resolve("media"), "a file where the media directory should be");
        Config config = on(port, TestConfigs.forTests(dir).withDemo(true));

        var failed = assertThrows(Byline.StartFailed.class, () -> Byline.start(config));

        assertTrue(failed.getMessage().startsWith("Byline could not start: "), failed.getMessage());
        assertTrue(failed.getMessage().contains("media"), failed.getMessage());
        assertPortFree(port);
    }

    private static Config on(int port, Config config) {
        return new Config(config.host(), port, config.dataDir(), config.dbUrl(), config.dbUser(),
                config.dbPassword(), config.baseUrl(), config.demo(), config.zone(), config.siteName(),
                config.smtp());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertPortFree(int port) throws IOException {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(socket.isBound(), "port " + port + " was released");
        }
    }
}
