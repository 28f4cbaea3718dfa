package dev.byline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    @Test
    void defaults() {
        Config config = ConfigParser.parse(new String[0], Map.of()).orElseThrow();
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertEquals(Path.of("./data").toAbsolutePath().normalize(), config.dataDir());
        assertFalse(config.usesPostgres());
        assertTrue(config.demo());
        assertEquals("http://127.0.0.1:8080", config.publicBase(8080));
    }

    @Test
    void environmentThenFlagsWin() {
        var env = Map.of("BYLINE_PORT", "9000", "BYLINE_HOST", "0.0.0.0", "BYLINE_DEMO", "false",
                "BYLINE_BASE_URL", "https://news.example.com/", "BYLINE_DB_URL", "jdbc:postgresql://db/byline");
        Config config = ConfigParser.parse(new String[] {"--port", "9100"}, env).orElseThrow();
        assertEquals(9100, config.port());
        assertEquals("0.0.0.0", config.host());
        assertFalse(config.demo());
        assertTrue(config.usesPostgres());
        assertEquals("https://news.example.com", config.publicBase(9100));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var env = Map.of("BYLINE_PORT", "eighty", "BYLINE_DB_URL", "mysql://x", "BYLINE_BASE_URL", "news.example.com",
                "BYLINE_DEMO", "maybe", "BYLINE_TIMEZONE", "Mars/Olympus");
        var error = assertThrows(ConfigParser.InvalidConfig.class, () -> ConfigParser.parse(new String[0], env));
        String message = error.getMessage();
        assertTrue(message.contains("BYLINE_PORT must be a number from 0 to 65535, got 'eighty'"), message);
        assertTrue(message.contains("BYLINE_DB_URL must be a PostgreSQL JDBC URL"), message);
        assertTrue(message.contains("BYLINE_BASE_URL must be an absolute http(s) URL"), message);
        assertTrue(message.contains("BYLINE_DEMO must be true or false, got 'maybe'"), message);
        assertTrue(message.contains("BYLINE_TIMEZONE"), message);
    }

    @Test
    void trustedProxiesAreAddressesNeverNames() {
        Config config = ConfigParser.parse(new String[0], Map.of("BYLINE_TRUSTED_PROXIES", " 10.0.0.2, ::1 "))
                .orElseThrow();
        assertEquals(java.util.List.of("10.0.0.2", "::1"), config.trustedProxies());
        var error = assertThrows(ConfigParser.InvalidConfig.class, () -> ConfigParser.parse(new String[0],
                Map.of("BYLINE_TRUSTED_PROXIES", "10.0.0.2,balancer.internal")));
        assertTrue(error.getMessage().contains("BYLINE_TRUSTED_PROXIES must list IP addresses"), error.getMessage());
        assertTrue(error.getMessage().contains("'balancer.internal'"), error.getMessage());
    }

    @Test
    void unknownFlagsAreNamed() {
        var error = assertThrows(ConfigParser.InvalidConfig.class,
                () -> ConfigParser.parse(new String[] {"--prot", "1"}, Map.of()));
        assertTrue(error.getMessage().contains("--prot"), error.getMessage());
    }

    @Test
    void helpPrintsAndDoesNotStart() {
        assertTrue(ConfigParser.parse(new String[] {"--help"}, Map.of()).isEmpty());
    }
}
