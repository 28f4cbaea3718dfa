package dev.byline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.config.Config;
import dev.byline.support.Http;
import dev.byline.support.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as it ships (run by failsafe after package): nothing from the test tree inside, and what a
 * person sees when starting it for real: Byline's own lines, no framework banners, no password; a failed start
 * ends in one line and exit code 1.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of(System.getProperty("byline.jar", "target/byline.jar"));
    private static final String SECRET = "not-to-be-printed-7f3a";
    private static final Pattern SERVING = Pattern.compile("INFO Byline - Byline is serving (http://\\S+) "
            + "\\(started in \\d+ ms\\); database: (.+); data directory: (.+)$");
    /** The loggers whose INFO lines used to fill a start: Jetty, Javalin, HikariCP, Flyway. */
    private static final Pattern FRAMEWORK_LINE = Pattern.compile("jetty|javalin|hikari|flyway|Started oejs"
            + "|ServletContextHandler|AbstractConnector|DefaultSessionIdManager|DbMigrate|DbValidate"
            + "|SchemaHistory", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    @Test
    void theJarHoldsNoTestOrBenchmarkHelpers() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "built by package: " + JAR);
        var offending = new ArrayList<String>();
        int classes = 0;
        try (var jar = new JarFile(JAR.toFile())) {
            for (var entry : jar.stream().toList()) {
                String name = entry.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                classes++;
                boolean ours = name.startsWith("dev/byline/");
                // "Benchmark" only in our own classes: Password4j ships its own BenchmarkResult for choosing costs
                if ((ours && name.contains("Benchmark")) || name.contains("forTests")
                        || name.startsWith("dev/byline/support/") || name.startsWith("org/junit/")
                        || name.startsWith("org/openjdk/jmh/") || name.startsWith("io/zonky/")
                        || name.startsWith("org/openqa/")) {
                    offending.add(name);
                } else if (ours) {
                    try (var in = jar.getInputStream(entry)) {
                        if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("forTests")) {
                            offending.add(name + " (mentions forTests)");
                        }
                    }
                }
            }
        }
        assertTrue(classes > 1000, "a shaded jar with its dependencies, not an empty one: " + classes);
        assertEquals(List.of(), offending, "test and benchmark code in the production jar");
    }

    @Test
    void aRealStartPrintsWhatAPersonNeedsAndNoSecret() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        String url = config.dbUrl().orElseThrow();
        Running byline = Running.start(dir, "--port", "0", "--data-dir", dir.toString(), "--demo", "false",
                "--db-url", url, "--db-user", config.dbUser().orElseThrow(), "--db-password", SECRET);
        List<String> startUp;
        try {
            String serving = byline.awaitLine(line -> SERVING.matcher(line).find());
            Matcher parts = SERVING.matcher(serving);
            assertTrue(parts.find());
            String database = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*", "");
            assertEquals("PostgreSQL " + database + " as " + config.dbUser().orElseThrow(), parts.group(2));
            assertEquals(dir.toString(), parts.group(3));
            var http = new Http(parts.group(1));
            assertEquals(200, http.get("/healthz").statusCode());
            assertEquals("ready\n", http.get("/readyz").body());
            startUp = List.copyOf(byline.lines());
        } finally {
            byline.stop();
        }
        assertTrue(startUp.stream().anyMatch(line -> line.contains("INFO Byline - Listening on http://")),
                "" + startUp);
        for (String line : startUp) {
            assertFalse(FRAMEWORK_LINE.matcher(line).find(), "a framework's line: " + line);
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN|ERROR) \\S+ - .+"),
                    "a log line with its time and level: " + line + "\nall lines: " + String.join("\n", startUp));
        }
        for (String line : byline.lines()) { // stopping included
            assertFalse(line.contains(SECRET), "the password was printed: " + line);
        }
    }

    @Test
    void aStartThatFailsEndsWithOneLineAndExitCode1() throws Exception {
        int nobodyListens;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = socket.getLocalPort();
        }
        Running byline = Running.start(dir, "--port", "0", "--data-dir", dir.toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/byline", "--db-user", "byline",
                "--db-password", SECRET);
        assertEquals(1, byline.awaitExit());
        List<String> lines = byline.lines();
        assertEquals(1, lines.stream().filter(line -> line.startsWith("Byline could not start: ")).count(),
                "one line says why: " + lines);
        assertTrue(lines.getLast().startsWith("Byline could not start: ") && lines.getLast().contains("refused"),
                "the last line: " + lines);
        assertTrue(lines.stream().noneMatch(line -> line.contains(SECRET) || line.startsWith("\tat ")),
                "no secret, no stack trace: " + lines);
    }

    /** java -jar byline.jar, its output (stdout and stderr together) collected line by line. */
    private record Running(Process process, List<String> lines, CompletableFuture<Void> ended) {

        static Running start(Path dir, String... args) throws IOException {
            var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx160m", "-jar", JAR.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            var lines = new CopyOnWriteArrayList<String>();
            var ended = CompletableFuture.runAsync(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new Running(process, lines, ended);
        }

        String awaitLine(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (lines) {
                while (true) {
                    for (String line : lines) {
                        if (wanted.test(line)) {
                            return line;
                        }
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || !process.isAlive()) {
                        throw new AssertionError("no such line; the output was: " + lines);
                    }
                    lines.wait(left); // woken by each new line
                }
            }
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "exits by itself");
            ended.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        }

        /** SIGTERM, as an operator or systemd stops it; through the handle, which leaves the output to read. */
        void stop() throws Exception {
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            ended.get(10, TimeUnit.SECONDS);
        }
    }
}
