package dev.byline.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands an operator runs next to the site, in one table: {@code ./byline demo remove} and
 * {@code ./byline user add|list|role|disable|enable|reset-password|app-password}. Each is a picocli subcommand with its own
 * options and {@code --help}; the site itself ({@code ./byline [flags]}) stays with
 * {@link dev.byline.config.ConfigParser}.
 */
public final class Commands {

    /** First words that name a command rather than the site's flags. */
    private static final Set<String> NAMES = Set.of("demo", "user", "import");

    private Commands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs a command that reads nothing from standard input (a password read by one finds none). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, InputStream.nullInputStream(), out, err);
    }

    /**
     * Runs the command {@code args} names and returns its exit code (0 done, 1 refused or failed, 2 bad usage);
     * never exits the JVM, so tests call it directly. {@code in} is standard input, where passwords come from;
     * only when it is {@link System#in} and a person sits at a terminal are they asked for one.
     */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out,
                          PrintStream err) {
        // a command prints what it did; the pool's and the migrations' start-up lines are noise here (slf4j-simple
        // reads a logger's level when the logger is made, and these are made once the database opens)
        for (String noisy : List.of("com.zaxxer.hikari", "org.flywaydb")) {
            if (System.getProperty("org.slf4j.simpleLogger.log." + noisy) == null) {
                System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
            }
        }
        var demo = new CommandLine(new Demo())
                .addSubcommand(new CommandLine(new DemoRemoveCommand(env, out, err)));
        var user = new CommandLine(new Users())
                .addSubcommand(new UserAddCommand(env, in, out, err))
                .addSubcommand(new UserListCommand(env, in, out, err))
                .addSubcommand(new UserRoleCommand(env, in, out, err))
                .addSubcommand(new UserDisableCommand(env, in, out, err))
                .addSubcommand(new UserEnableCommand(env, in, out, err))
                .addSubcommand(new UserResetPasswordCommand(env, in, out, err))
                .addSubcommand(new UserResetTwoFactorCommand(env, in, out, err))
                .addSubcommand(new UserUnlockCommand(env, in, out, err))
                .addSubcommand(new UserAppPasswordCommand(env, in, out, err));
        var imports = new CommandLine(new Imports())
                .addSubcommand(new CommandLine(new ImportWordPressCommand(env, out, err)));
        var commands = new CommandLine(new Root()).addSubcommand(demo).addSubcommand(user).addSubcommand(imports)
                .setParameterExceptionHandler(Commands::badUsage);
        commands.setOut(new PrintWriter(out, true));
        commands.setErr(new PrintWriter(err, true));
        return commands.execute(args);
    }

    /**
     * A missing or unknown option: picocli's one-line message, then for a {@code user} command where to read about
     * its options, for the others (and a group without its subcommand) the usage, as picocli would.
     */
    private static int badUsage(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(problem.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        if (command.getParent() != null && command.getParent().getCommandSpec().userObject() instanceof Users) {
            err.println("See ./" + command.getCommandSpec().qualifiedName(" ") + " --help");
        } else {
            command.usage(err);
        }
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Command(name = "byline", description = "Commands next to the site; ./byline --help lists the site's flags.")
    static final class Root {
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "The demo newspaper loaded on the "
            + "first start.")
    static final class Demo {
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Content from another system.")
    static final class Imports {
    }

    @Command(name = "user", mixinStandardHelpOptions = true,
            description = "Newsroom accounts, for operators and scripts. Each command acts as the \"command line\" "
                    + "in the activity log; the database flags are the site's.")
    static final class Users {
    }
}
