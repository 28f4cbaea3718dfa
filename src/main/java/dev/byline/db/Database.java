package dev.byline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.byline.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the one database Byline runs on, SQLite by default or PostgreSQL when a URL is configured, brings its
 * schema up to date with Flyway and hands out a {@link Jdbi}. The migrations are shared; the few words the two
 * dialects spell differently are Flyway placeholders, listed in {@link Dialect}.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(Config config) {
        var hikari = new HikariConfig();
        Dialect dialect;
        if (config.usesPostgres()) {
            dialect = Dialect.POSTGRES;
            hikari.setJdbcUrl(config.dbUrl().orElseThrow());
            config.dbUser().ifPresent(hikari::setUsername);
            config.dbPassword().ifPresent(hikari::setPassword);
            hikari.setMaximumPoolSize(10);
        } else {
            dialect = Dialect.SQLITE;
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
            }
            hikari.setJdbcUrl("jdbc:sqlite:" + config.sqliteFile());
            // WAL lets readers go on while the one writer writes; IMMEDIATE transactions take the write lock
            // up front, so two writers queue on busy_timeout instead of failing with SQLITE_BUSY mid-transaction.
            // synchronous=FULL syncs the log at every commit: a write that was acknowledged survives a power
            // cut, not only a crash. Writes are rare next to reads, so the fsync is cheap where it counts.
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "FULL");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("busy_timeout", "5000");
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hikari.setMaximumPoolSize(4);
        }
        hikari.setPoolName("byline-db");
        hikari.setConnectionTimeout(10_000);
        var dataSource = new HikariDataSource(hikari);
        try {
            migrate(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    /** Where the SQLite database lives, when no PostgreSQL URL is configured. */
    public static Path sqliteFile(Config config) {
        return config.dataDir().resolve("byline.db");
    }

    private static void migrate(HikariDataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                // the shared migrations, and the few a dialect must spell on its own (V007: SQLite rebuilds a table
                // to change a CHECK that PostgreSQL alters in place), one version in each dialect's folder
                .locations("classpath:db/migration", "classpath:db/" + dialect.folder())
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    /**
     * Runs {@code work} while holding a cluster-wide lock: on PostgreSQL a session advisory lock, so that of
     * several nodes starting at once only one fills an empty database; on SQLite there is one node and no lock.
     */
    public void exclusively(String purpose, Runnable work) {
        if (dialect == Dialect.SQLITE) {
            work.run();
            return;
        }
        long key = purpose.hashCode();
        jdbi.useHandle(handle -> {
            handle.execute("SELECT pg_advisory_lock(?)", key);
            try {
                work.run();
            } finally {
                handle.execute("SELECT pg_advisory_unlock(?)", key);
            }
        });
    }

    /**
     * One cheap round trip, for readiness checks: returns when the database answers {@code SELECT 1}, throws
     * when it does not. Can wait as long as the pool's connection timeout; callers who must answer sooner wait
     * on it with their own timeout.
     */
    public void ping() {
        jdbi.useHandle(handle -> handle.createQuery("SELECT 1").setQueryTimeout(5).mapTo(Integer.class).one());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The two databases Byline runs on, and the few words their SQL spells differently. */
    public enum Dialect {
        SQLITE(Map.of("id_pk", "INTEGER PRIMARY KEY AUTOINCREMENT")),
        POSTGRES(Map.of("id_pk", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));

        private final Map<String, String> placeholders;

        Dialect(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        Map<String, String> placeholders() {
            return placeholders;
        }

        /** The folder of migrations written for this dialect alone, next to db/migration. */
        String folder() {
            return this == SQLITE ? "sqlite" : "postgres";
        }
    }
}
