package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.config.Config;
import dev.byline.db.Database;
import dev.byline.support.Http;
import dev.byline.support.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /readyz on PostgreSQL, around a real start and a database that goes away: 503 while Byline starts, 200 once it
 * serves, 503 while the database refuses connections, 200 when it takes them again; /healthz 200 throughout.
 */
class PostgresReadinessTest {

    @TempDir
    Path dir;

    @Test
    void notReadyWhileTheSchemaIsBeingBroughtUpToDateThenReady() throws Exception {
        Config config = onPort(freePort(), TestDatabases.POSTGRES.config(dir));
        var http = new Http(config.publicBase(config.port()));
        Future<Byline> starting;
        try (var starter = Executors.newSingleThreadExecutor()) {
            // The test locks Flyway's schema history, so Byline's start stops while checking its migrations:
            // Jetty up, the database not yet ready. It goes on when the test commits.
            try (Database other = Database.open(config)) {
                starting = other.jdbi().inTransaction(handle -> {
                    handle.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
                    Future<Byline> started = starter.submit(() -> Byline.start(config));
                    awaitSomeoneWaitingForALock(other);
                    assertPlain(503, "starting: opening the database", http.get("/readyz"));
                    assertPlain(200, "ok", http.get("/healthz"));
                    return started;
                });
            }
            try (Byline byline = starting.get(60, TimeUnit.SECONDS)) {
                assertPlain(200, "ready", http.get("/readyz"));
                assertPlain(200, "ok", http.get("/healthz"));
                assertEquals(200, http.get("/").statusCode());
                assertTrue(byline.services().pageCache().get("/readyz").isEmpty(), "never cached");
            }
        }
    }

    @Test
    void notReadyWhileTheDatabaseRefusesConnections() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        String url = config.dbUrl().orElseThrow();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        try (Byline byline = Byline.start(config); Connection admin = DriverManager.getConnection(
                url.replace("/" + name, "/postgres"), config.dbUser().orElseThrow(), config.dbPassword().orElseThrow())) {
            var http = new Http(byline.baseUrl());
            assertPlain(200, "ready", http.get("/readyz"));

            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + name + "'");
            HttpResponse<String> gone = http.get("/readyz");
            assertEquals(503, gone.statusCode());
            assertTrue(gone.body().startsWith("the database "), gone.body());
            assertPlain(200, "ok", http.get("/healthz"));

            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            assertTrue(becomesReady(http), "ready again once the database takes connections");
        }
    }

    /** The pool reconnects on its own schedule: ask as a load balancer would, each answer within the timeout. */
    private static boolean becomesReady(Http http) {
        for (int probe = 0; probe < 30; probe++) {
            if (http.get("/readyz").statusCode() == 200) {
                return true;
            }
        }
        return false;
    }

    /** Returns once PostgreSQL shows a session of this database waiting for a lock: Byline, behind the test. */
    private static void awaitSomeoneWaitingForALock(Database database) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM pg_locks
                        WHERE NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .mapTo(Integer.class).one()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Byline's start never reached the locked schema history");
            }
        }
    }

    private static void assertPlain(int status, String text, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(text + "\n", response.body());
    }

    private static Config onPort(int port, Config config) {
        return new Config(config.host(), port, config.dataDir(), config.dbUrl(), config.dbUser(),
                config.dbPassword(), config.baseUrl(), config.demo(), config.zone(), config.siteName(),
                config.smtp());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
