package dev.byline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets are never printed: what a configuration shows of itself. */
class ConfigTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db.internal:5432/byline                              | PostgreSQL db.internal:5432/byline as byline
            jdbc:postgresql://db.internal/byline?password=s3cr3t-pw&ssl=true       | PostgreSQL db.internal/byline as byline
            jdbc:postgresql://db.internal/byline?ssl=true&sslpassword=s3cr3t-pw    | PostgreSQL db.internal/byline as byline
            jdbc:postgresql://byline:s3cr3t-pw@db.internal/byline                  | PostgreSQL db.internal/byline as byline
            jdbc:postgresql://one:5432,two:5432/byline?targetServerType=primary    | PostgreSQL one:5432,two:5432/byline as byline
            """)
    void neitherToStringNorTheDescriptionShowsThePassword(String url, String description) {
        Config config = ConfigParser.parse(new String[] {"--db-url", url, "--db-user", "byline",
                "--db-password", "s3cr3t-pw", "--data-dir", "/srv/byline"}, Map.of()).orElseThrow();
        assertEquals("s3cr3t-pw", config.dbPassword().orElseThrow(), "the value itself is still there to use");
        assertFalse(config.toString().contains("s3cr3t"), config.toString());
        assertTrue(config.toString().contains("dbPassword=***"), config.toString());
        assertTrue(config.toString().contains("dataDir=/srv/byline"), "the rest is shown: " + config);
        assertEquals(description, config.databaseDescription());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db/byline?password=s3cr3t-pw&ssl=true   | jdbc:postgresql://db/byline?password=***&ssl=true
            jdbc:postgresql://db/byline?user=x&PASSWORD=s3cr3t-pw     | jdbc:postgresql://db/byline?user=x&PASSWORD=***
            jdbc:postgresql://x:s3cr3t-pw@db/byline                   | jdbc:postgresql://***@db/byline
            jdbc:postgresql://db:5432/byline                          | jdbc:postgresql://db:5432/byline
            """)
    void urlsAreShownWithoutTheirSecrets(String url, String shown) {
        assertEquals(shown, Config.withoutSecrets(url));
    }

    @Test
    void aRefusedUrlIsEchoedWithoutItsPassword() {
        var refused = assertThrows(ConfigParser.InvalidConfig.class,
                () -> ConfigParser.parse(new String[] {"--db-url", "jdbc:mysql://db/x?password=s3cr3t-pw"}, Map.of()));
        assertTrue(refused.getMessage().contains("jdbc:mysql://db/x?password=***"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cr3t"));
    }

    @Test
    void sqliteIsDescribedByItsFile() {
        Config config = ConfigParser.parse(new String[] {"--data-dir", "/srv/byline"}, Map.of()).orElseThrow();
        assertEquals("SQLite " + Path.of("/srv/byline/byline.db"), config.databaseDescription());
        assertTrue(config.toString().contains("dbUrl=(SQLite)"));
        assertTrue(config.toString().contains("dbPassword=,"), "no password, nothing to hide: " + config);
    }
}
