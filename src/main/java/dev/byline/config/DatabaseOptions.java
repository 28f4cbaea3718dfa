package dev.byline.config;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags that say which database to open, declared once as a picocli mixin: the site's flags
 * ({@link ConfigParser}) and every command next to the site ({@code ./byline demo remove}) carry the same ones.
 * Each falls back to its {@code BYLINE_*} variable, then the default ({@link ConfigParser} does the reading).
 */
public final class DatabaseOptions {

    @Option(names = "--data-dir", description = "Data directory [BYLINE_DATA_DIR] (default ./data)")
    String dataDir;
    @Option(names = "--db-url", description = "PostgreSQL JDBC URL [BYLINE_DB_URL] (default: SQLite in the data dir)")
    String dbUrl;
    @Option(names = "--db-user", description = "PostgreSQL user [BYLINE_DB_USER]")
    String dbUser;
    @Option(names = "--db-password", description = "PostgreSQL password [BYLINE_DB_PASSWORD]")
    String dbPassword;

    /** The same choices as site flags. */
    public String[] asSiteFlags() {
        var flags = new ArrayList<String>();
        add(flags, "--data-dir", dataDir);
        add(flags, "--db-url", dbUrl);
        add(flags, "--db-user", dbUser);
        add(flags, "--db-password", dbPassword);
        return flags.toArray(String[]::new);
    }

    private static void add(List<String> flags, String name, String value) {
        if (value != null) {
            flags.add(name + "=" + value);
        }
    }

    /**
     * The configuration these flags and {@code env} give a command, or empty after saying on {@code err} what is
     * wrong with them (the command then exits with 2).
     */
    public java.util.Optional<Config> config(java.util.Map<String, String> env, java.io.PrintStream err) {
        try {
            return java.util.Optional.of(ConfigParser.parse(asSiteFlags(), env).orElseThrow());
        } catch (ConfigParser.InvalidConfig e) {
            err.println(e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
