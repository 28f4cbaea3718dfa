package dev.byline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands an operator runs next to the site, in one table: {@code ./byline demo remove} now,
 * {@code ./byline user add …} later. Each is a picocli subcommand with its own options and {@code --help}; the
 * site itself ({@code ./byline [flags]}) stays with {@link dev.byline.config.ConfigParser}.
 */
public final class Commands {

    /** First words that name a command rather than the site's flags. */
    private static final Set<String> NAMES = Set.of("demo");

    private Commands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /**
     * Runs the command {@code args} names and returns its exit code (0 done, 1 refused or failed, 2 bad usage);
     * never exits the JVM, so tests call it directly.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        // a command prints what it did; the pool's and the migrations' start-up lines are noise here (slf4j-simple
        // reads a logger's level when the logger is made, and these are made once the database opens)
        for (String noisy : List.of("com.zaxxer.hikari", "org.flywaydb")) {
            if (System.getProperty("org.slf4j.simpleLogger.log." + noisy) == null) {
                System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
            }
        }
        var demo = new CommandLine(new Demo())
                .addSubcommand(new CommandLine(new DemoRemoveCommand(env, out, err)));
        var commands = new CommandLine(new Root()).addSubcommand(demo);
        commands.setOut(new PrintWriter(out, true));
        commands.setErr(new PrintWriter(err, true));
        return commands.execute(args);
    }

    @Command(name = "byline", description = "Commands next to the site; ./byline --help lists the site's flags.")
    static final class Root {
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "The demo newspaper loaded on the "
            + "first start.")
    static final class Demo {
    }
}
