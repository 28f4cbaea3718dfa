package dev.byline.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads {@link Config} from command-line flags, falling back to BYLINE_* environment variables, falling back to
 * defaults. Every problem is collected and reported together, so one start tells the operator all that is wrong.
 */
public final class ConfigParser {

    /** Thrown with a message meant for the operator; the launcher prints it and exits non-zero. */
    public static final class InvalidConfig extends RuntimeException {
        public InvalidConfig(String message) {
            super(message);
        }
    }

    @Command(name = "byline", mixinStandardHelpOptions = true, version = "Byline 0.1",
            description = "A fast, self-hosted news publishing platform.",
            footer = {"", "Every flag can also be set with the environment variable shown in brackets.", "",
                    "Commands:", "  demo remove   remove the demo content (./byline demo remove --help)"})
    static final class Flags {
        @Option(names = "--host", description = "Interface to listen on [BYLINE_HOST] (default 127.0.0.1; "
                + "0.0.0.0 listens on every interface)")
        String host;
        @Option(names = "--port", description = "TCP port [BYLINE_PORT] (default 8080)")
        String port;
        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();
        @Option(names = "--base-url", description = "Public URL for absolute links [BYLINE_BASE_URL]")
        String baseUrl;
        @Option(names = "--demo", description = "Load demo content into an empty database [BYLINE_DEMO] (default true)")
        String demo;
        @Option(names = "--timezone", description = "Newsroom time zone [BYLINE_TIMEZONE] (default UTC)")
        String timezone;
        @Option(names = "--site-name", description = "Publication name [BYLINE_SITE_NAME] (default Byline Daily)")
        String siteName;
        @Option(names = "--trusted-proxies", description = "IP addresses of the load balancers in front of Byline, "
                + "comma-separated: their X-Forwarded-For names the client [BYLINE_TRUSTED_PROXIES] (default none)")
        String trustedProxies;
        @Option(names = "--smtp-host", description = "SMTP server for outgoing mail [BYLINE_SMTP_HOST] (default: "
                + "none, mail is written to the log)")
        String smtpHost;
        @Option(names = "--smtp-port", description = "SMTP port [BYLINE_SMTP_PORT] (default 587)")
        String smtpPort;
        @Option(names = "--smtp-user", description = "SMTP user name [BYLINE_SMTP_USER]")
        String smtpUser;
        @Option(names = "--smtp-password", description = "SMTP password [BYLINE_SMTP_PASSWORD]")
        String smtpPassword;
        @Option(names = "--smtp-from", description = "Sender of Byline's mail, such as "
                + "\"Byline Daily <news@example.org>\" [BYLINE_SMTP_FROM]")
        String smtpFrom;
        @Option(names = "--smtp-starttls", description = "Require STARTTLS [BYLINE_SMTP_STARTTLS] (default true)")
        String smtpStartTls;
    }

    private ConfigParser() {
    }

    /** Returns empty when the flags asked for help or the version, which picocli has then printed. */
    public static Optional<Config> parse(String[] args, Map<String, String> env) {
        if (args.length == 0) {
            // nothing to parse: skip building the command line, a quarter of a second of start-up
            return Optional.of(resolve(new Flags(), env));
        }
        var flags = new Flags();
        var commandLine = new CommandLine(flags);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new InvalidConfig(e.getMessage() + "\nRun with --help to see every option.");
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return Optional.empty();
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(System.out);
            return Optional.empty();
        }
        return Optional.of(resolve(flags, env));
    }

    private static Config resolve(Flags flags, Map<String, String> env) {
        var problems = new ArrayList<String>();
        String host = pick(flags.host, env, "BYLINE_HOST", "127.0.0.1");
        if (host.isBlank() || host.contains("/") || host.contains(" ")) {
            problems.add("BYLINE_HOST must be a host name or IP address, got '" + host + "'");
        }
        int port = parsePort(pick(flags.port, env, "BYLINE_PORT", "8080"), problems);
        Path dataDir = Path.of(pick(flags.database.dataDir, env, "BYLINE_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Optional<String> dbUrl = optional(pick(flags.database.dbUrl, env, "BYLINE_DB_URL", ""));
        dbUrl.filter(url -> !url.startsWith("jdbc:postgresql:"))
                .ifPresent(url -> problems.add("BYLINE_DB_URL must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://localhost:5432/byline, got '" + Config.withoutSecrets(url) + "'"));
        Optional<URI> baseUrl = parseBaseUrl(pick(flags.baseUrl, env, "BYLINE_BASE_URL", ""), problems);
        boolean demo = parseBoolean(pick(flags.demo, env, "BYLINE_DEMO", "true"), "BYLINE_DEMO", problems);
        ZoneId zone = parseZone(pick(flags.timezone, env, "BYLINE_TIMEZONE", "UTC"), problems);
        String siteName = pick(flags.siteName, env, "BYLINE_SITE_NAME", "Byline Daily").strip();
        if (siteName.isEmpty()) {
            problems.add("BYLINE_SITE_NAME must not be empty");
        }
        Optional<Smtp> smtp = parseSmtp(flags, env, problems);
        List<String> proxies = parseProxies(pick(flags.trustedProxies, env, "BYLINE_TRUSTED_PROXIES", ""), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfig("Byline cannot start:\n  - " + String.join("\n  - ", problems));
        }
        return new Config(host, port, dataDir, dbUrl,
                optional(pick(flags.database.dbUser, env, "BYLINE_DB_USER", "")),
                optional(pick(flags.database.dbPassword, env, "BYLINE_DB_PASSWORD", "")),
                baseUrl, demo, zone, siteName, smtp, proxies);
    }

    private static String pick(String flag, Map<String, String> env, String name, String fallback) {
        if (flag != null) {
            return flag;
        }
        String fromEnv = env.get(name);
        return fromEnv == null ? fallback : fromEnv;
    }

    private static Optional<String> optional(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Comma-separated IP addresses, each written as the address it is (no host names: no DNS at start). */
    private static List<String> parseProxies(String raw, List<String> problems) {
        var proxies = new ArrayList<String>();
        for (String part : raw.split(",")) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            java.util.Optional<String> normal = dev.byline.web.support.ClientAddress.normal(address);
            if (normal.isEmpty()) {
                problems.add("BYLINE_TRUSTED_PROXIES must list IP addresses such as 10.0.0.2,10.0.0.3, got '"
                        + address + "'");
            } else {
                proxies.add(normal.get());
            }
        }
        return proxies;
    }

    private static int parsePort(String raw, List<String> problems) {
        try {
            int port = Integer.parseInt(raw.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add("BYLINE_PORT must be a number from 0 to 65535, got '" + raw + "'");
        return -1;
    }

    private static Optional<URI> parseBaseUrl(String raw, List<String> problems) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        problems.add("BYLINE_BASE_URL must be an absolute http(s) URL such as https://news.example.com, got '"
                + raw + "'");
        return Optional.empty();
    }

    private static boolean parseBoolean(String raw, String name, List<String> problems) {
        return switch (raw.strip().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> {
                problems.add(name + " must be true or false, got '" + raw + "'");
                yield false;
            }
        };
    }

    /**
     * The SMTP server, when BYLINE_SMTP_HOST is set. The other SMTP settings without a host would be silently
     * ignored, and mail would go to the log when the operator expects it sent: that is a problem too.
     */
    private static Optional<Smtp> parseSmtp(Flags flags, Map<String, String> env, List<String> problems) {
        String host = pick(flags.smtpHost, env, "BYLINE_SMTP_HOST", "").strip();
        String rawPort = pick(flags.smtpPort, env, "BYLINE_SMTP_PORT", "587");
        Optional<String> user = optional(pick(flags.smtpUser, env, "BYLINE_SMTP_USER", ""));
        // a password is taken as typed: spaces at its ends may be part of it
        Optional<String> password = Optional.of(pick(flags.smtpPassword, env, "BYLINE_SMTP_PASSWORD", ""))
                .filter(value -> !value.isEmpty());
        String from = pick(flags.smtpFrom, env, "BYLINE_SMTP_FROM", "").strip();
        boolean startTls = parseBoolean(pick(flags.smtpStartTls, env, "BYLINE_SMTP_STARTTLS", "true"),
                "BYLINE_SMTP_STARTTLS", problems);
        int port = -1;
        try {
            port = Integer.parseInt(rawPort.strip());
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (port < 1 || port > 65535) {
            problems.add("BYLINE_SMTP_PORT must be a number from 1 to 65535 (587 for submission with STARTTLS), "
                    + "got '" + rawPort + "'");
        }
        if (host.isEmpty()) {
            var withoutHost = new ArrayList<String>();
            user.ifPresent(set -> withoutHost.add("BYLINE_SMTP_USER"));
            password.ifPresent(set -> withoutHost.add("BYLINE_SMTP_PASSWORD"));
            if (!from.isEmpty()) {
                withoutHost.add("BYLINE_SMTP_FROM");
            }
            if (!withoutHost.isEmpty()) {
                problems.add(String.join(" and ", withoutHost) + " given without BYLINE_SMTP_HOST: set the SMTP "
                        + "server's host name, or leave every BYLINE_SMTP_ setting out to write mail to the log");
            }
            return Optional.empty();
        }
        int before = problems.size();
        boolean withPort = host.chars().filter(c -> c == ':').count() == 1; // an IPv6 address has several
        if (host.contains("/") || host.contains(" ") || withPort) {
            problems.add("BYLINE_SMTP_HOST must be a host name or IP address (the port goes in BYLINE_SMTP_PORT), "
                    + "got '" + host + "'");
        }
        if (from.isEmpty()) {
            problems.add("BYLINE_SMTP_FROM must be set when BYLINE_SMTP_HOST is: the sender of Byline's mail, "
                    + "such as \"Byline Daily <news@example.org>\"");
        } else if (!isAddress(from)) {
            problems.add("BYLINE_SMTP_FROM must be an email address, alone or with a name, such as "
                    + "\"Byline Daily <news@example.org>\", got '" + from + "'");
        }
        if (user.isPresent() != password.isPresent()) {
            problems.add(user.isPresent() ? "BYLINE_SMTP_USER is set without BYLINE_SMTP_PASSWORD: give both, or "
                    + "neither for a server that takes mail without signing in"
                    : "BYLINE_SMTP_PASSWORD is set without BYLINE_SMTP_USER: give both, or neither");
        }
        if (problems.size() > before || port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(new Smtp(host, port, user, password, from, startTls));
    }

    /** One address, optionally with a display name, strictly as RFC 822 has it, with a domain. */
    static boolean isAddress(String value) {
        try {
            var addresses = InternetAddress.parse(value, true);
            if (addresses.length != 1) {
                return false;
            }
            addresses[0].validate();
            String address = addresses[0].getAddress();
            int at = address.lastIndexOf('@');
            return at > 0 && at < address.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }

    private static ZoneId parseZone(String raw, List<String> problems) {
        try {
            return ZoneId.of(raw.strip());
        } catch (DateTimeException e) {
            problems.add("BYLINE_TIMEZONE must be a time zone such as UTC or Europe/Berlin, got '" + raw + "'");
            return ZoneId.of("UTC");
        }
    }
}
