package dev.byline.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every option Byline reads at start-up, already validated. Built once by {@link ConfigParser} from flags and
 * environment and handed to whoever needs a part of it; there is no global accessor. Its {@link #toString} and
 * {@link #databaseDescription} never show the password, whether it came on its own or inside the URL, nor the
 * SMTP password.
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
 * @param smtp       the SMTP server mail goes through; empty means mail is written to the log
 * @param trustedProxies addresses of the load balancers or proxies in front of Byline: for a request from one of
 *                   them, the client's address is read from X-Forwarded-For (throttles and the activity log count
 *                   people, not the proxy)
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
        String siteName,
        Optional<Smtp> smtp,
        List<String> trustedProxies) {

    public Config {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** With no trusted proxy: the client is whoever connects. */
    public Config(String host, int port, Path dataDir, Optional<String> dbUrl, Optional<String> dbUser,
                  Optional<String> dbPassword, Optional<URI> baseUrl, boolean demo, ZoneId zone, String siteName,
                  Optional<Smtp> smtp) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, demo, zone, siteName, smtp, List.of());
    }

    private static final String HIDDEN = "***";
    /** {@code password=}, {@code sslpassword=} and the like in a JDBC URL's parameters. */
    private static final Pattern URL_SECRET = Pattern.compile("(?i)([?&;][^=&;]*password=)[^&;]*");

    public boolean usesPostgres() {
        return dbUrl.isPresent();
    }

    /** The public base URL without a trailing slash, given the port actually bound. */
    public String publicBase(int boundPort) {
        return baseUrl.map(URI::toString)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + boundPort);
    }

    /** Where the data lives, for a person reading the logs: the SQLite file, or PostgreSQL's host and database. */
    public String databaseDescription() {
        return dbUrl.map(url -> {
            String place = url.replaceFirst("^jdbc:postgresql:(//)?", "").replaceFirst("[?;].*$", "")
                    .replaceFirst("^[^/@]*@", ""); // user:password@ before the host, should anyone write it
            return "PostgreSQL " + place + dbUser.map(user -> " as " + user).orElse("");
        }).orElseGet(() -> "SQLite " + sqliteFile());
    }

    /** The SQLite database file, when {@link #usesPostgres} is false. */
    public Path sqliteFile() {
        return dataDir.resolve("byline.db");
    }

    /** The record's fields, with the password and any password in the URL shown as {@value #HIDDEN}. */
    @Override
    public String toString() {
        return "Config[host=" + host + ", port=" + port + ", dataDir=" + dataDir
                + ", dbUrl=" + dbUrl.map(Config::withoutSecrets).orElse("(SQLite)")
                + ", dbUser=" + dbUser.orElse("") + ", dbPassword=" + dbPassword.map(secret -> HIDDEN).orElse("")
                + ", baseUrl=" + baseUrl.map(URI::toString).orElse("") + ", demo=" + demo + ", zone=" + zone
                + ", siteName=" + siteName + ", smtp=" + smtp.map(Smtp::toString).orElse("(none: mail goes to the log)")
                + ", trustedProxies=" + trustedProxies + "]";
    }

    /** A JDBC URL with the values of its password parameters replaced, fit to print. */
    static String withoutSecrets(String url) {
        return URL_SECRET.matcher(url.replaceFirst("//[^/@]*@", "//" + HIDDEN + "@")).replaceAll("$1" + HIDDEN);
    }

    public Config withDatabase(String url, String user, String password) {
        return new Config(host, port, dataDir, Optional.of(url), Optional.ofNullable(user),
                Optional.ofNullable(password), baseUrl, demo, zone, siteName, smtp, trustedProxies);
    }

    public Config withDemo(boolean demoContent) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, demoContent, zone, siteName, smtp,
                trustedProxies);
    }

    public Config withSmtp(Smtp server) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, demo, zone, siteName,
                Optional.of(server), trustedProxies);
    }

    public Config withBaseUrl(URI url) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, Optional.of(url), demo, zone, siteName,
                smtp, trustedProxies);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, baseUrl, demo, zone, siteName, smtp,
                proxies);
    }
}
