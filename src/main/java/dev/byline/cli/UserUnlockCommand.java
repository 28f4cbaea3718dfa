package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user unlock}: ends a lock-out someone caused by guessing at an account's password. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        header = "Ends an account's sign-in lock-out.",
        description = "After too many wrong passwords an account is locked for 15 minutes; someone who keeps "
                + "guessing keeps it locked. This forgets the failures (the address's own limit stays). A password "
                + "reset by email or by an administrator does the same.")
final class UserUnlockCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;

    UserUnlockCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        User user = account(accounts, email);
        boolean wasLocked = accounts.service().unlock(OPERATOR, user.id());
        out.println(wasLocked ? "Unlocked " + user.email() + ": it may sign in again at once."
                : user.email() + " was not locked out; its failed attempts are forgotten.");
        return 0;
    }
}
