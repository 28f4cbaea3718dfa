package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user enable}: a disabled account may sign in again. */
@Command(name = "enable", mixinStandardHelpOptions = true,
        header = "Lets a disabled account sign in again.",
        description = "Its role and password are as they were.")
final class UserEnableCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;

    UserEnableCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        User user = account(accounts, email);
        if (user.status() != User.Status.DISABLED) {
            out.println(user.email() + " is not disabled (it is " + user.status().key() + ").");
            return 0;
        }
        User enabled = accounts.service().enable(OPERATOR, user.id());
        out.println(enabled.active() ? "Enabled " + enabled.email() + ": it can sign in again."
                : "Enabled " + enabled.email() + ": it still has no password. Set one with ./byline user "
                        + "reset-password --email " + enabled.email() + ".");
        return 0;
    }
}
