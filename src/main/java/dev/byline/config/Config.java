package dev.byline.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Every option Byline reads at start-up, already validated. Built once by {@link ConfigParser} from flags and
 * environment and handed to whoever needs a part of it; there is no global accessor.
 *
 * @param host       interface to listen on (127.0.0.1 keeps the site private to this machine)
 * @param port       TCP port; 0 picks a free one (tests)
 * @param dataDir    where the SQLite file and uploaded media live
 * @param dbUrl      a PostgreSQL JDBC URL; empty means embedded SQLite under dataDir
 * @param dbUser     PostgreSQL user, when not in the URL
 * @param dbPassword PostgreSQL password, when not in the URL
 * @param baseUrl    public URL for absolute links; empty means http://host:port
 * @param demo       load demo content into an empty database
 * @param zone       the newsroom's time zone: dates in URLs and on pages
 * @param siteName   the publication's name
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<URI> baseUrl,
        boolean demo,
        ZoneId zone,
        String siteName) {

    public boolean usesPostgres() {
        return dbUrl.isPresent();
    }

    /** The public base URL without a trailing slash, given the port actually bound. */
    public String publicBase(int boundPort) {
        return baseUrl.map(URI::toString)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + boundPort);
    }

    /** Defaults for tests and tools: a private data directory, random port, no demo content. */
    public static Config forTests(Path dataDir) {
        return new Config("127.0.0.1", 0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, ZoneId.of("UTC"), "Byline Test");
    }

    public Config withDatabase(String url, String user, String password) {
        return new Config(host, port, dataDir, Optional.of(url), Optional.ofNullable(user),
                Optional.ofNullable(password), baseUrl, demo, zone, siteName);
    }

    public Config withDemo(boolean demoContent) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, demoContent, zone, siteName);
    }
}
