package dev.byline.cli;

import dev.byline.Byline;
import dev.byline.account.Accounts;
import dev.byline.account.Actor;
import dev.byline.account.User;
import dev.byline.config.Config;
import dev.byline.config.DatabaseOptions;
import dev.byline.db.Database;
import dev.byline.error.Forbidden;
import dev.byline.error.NotFound;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code ./byline user …} command shares: the database flags, opening the database and wiring the
 * account services, acting as {@link Actor#commandLine()} (the activity log says "command line"), and turning
 * refusals into one line each on standard error with exit code 1 (refused or failed) or 2 (bad usage).
 */
abstract class AccountCommand implements Callable<Integer> {

    /** Stops the command: {@code lines} go to standard error, {@code exit} is the exit code. */
    static final class Stop extends RuntimeException {
        final int exit;
        final List<String> lines;

        Stop(int exit, List<String> lines) {
            super(String.join("\n", lines), null, false, false);
            this.exit = exit;
            this.lines = List.copyOf(lines);
        }

        Stop(int exit, String line) {
            this(exit, List.of(line));
        }
    }

    static final Actor OPERATOR = Actor.commandLine();

    @Mixin
    DatabaseOptions database;
    @Spec
    CommandSpec spec;

    final Map<String, String> env;
    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    AccountCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Does the command's work, printing what it did; throws {@link Stop} to refuse. Returns the exit code. */
    abstract int run(Accounts accounts);

    /** Whether the command may create the database: adding the first account before the site's first start may. */
    boolean createsDatabase() {
        return false;
    }

    @Override
    public final Integer call() {
        var parsed = database.config(env, err);
        if (parsed.isEmpty()) {
            return 2;
        }
        Config config = parsed.get();
        if (!config.usesPostgres() && !createsDatabase() && !Files.exists(Database.sqliteFile(config))) {
            err.println("There is no Byline database at " + Database.sqliteFile(config) + ", so no accounts yet. "
                    + "Check --data-dir, or add the first: ./byline user add --role administrator …");
            return 1;
        }
        Database db;
        try {
            db = Database.open(config);
        } catch (RuntimeException e) {
            err.println("Byline could not open the database: " + oneLine(Byline.rootMessage(e)));
            return 1;
        }
        try (db) {
            return run(Byline.wire(config, db, Clock.systemUTC()).accounts());
        } catch (Stop stop) {
            stop.lines.forEach(err::println);
            return stop.exit;
        } catch (Forbidden | NotFound e) {
            err.println(e.getMessage());
            return 1;
        } catch (PasswordInput.Missing e) {
            err.println(e.getMessage() + " Nothing was changed.");
            return 2;
        } catch (RuntimeException e) {
            err.println("./" + spec.qualifiedName(" ") + " failed: " + oneLine(Byline.rootMessage(e)));
            return 1;
        }
    }

    /** The account {@code email} names, or a refusal saying none does. */
    static User account(Accounts accounts, String email) {
        return accounts.service().findByEmail(OPERATOR, email)
                .orElseThrow(() -> new Stop(1, "No account uses " + email.strip() + "."));
    }

    /** Some drivers' and Flyway's messages run over several lines; an operator's terminal gets one. */
    static String oneLine(String message) {
        return String.join(" ", message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
