package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user disable}: the account cannot sign in, its sessions end at once, its articles stay. */
@Command(name = "disable", mixinStandardHelpOptions = true,
        header = "Disables an account: no sign-in, its sessions end.",
        description = "Its sessions end at once on every node; its articles stay. The last active administrator "
                + "cannot be disabled. ./byline user enable undoes it.")
final class UserDisableCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;

    UserDisableCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        User user = account(accounts, email);
        if (user.status() == User.Status.DISABLED) {
            out.println(user.email() + " is already disabled.");
            return 0;
        }
        accounts.service().disable(OPERATOR, user.id());
        out.println("Disabled " + user.email() + ": it can no longer sign in, and its sessions have ended. "
                + "Its articles stay.");
        return 0;
    }
}
