package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user reset-two-factor}: for a lost phone with no recovery codes left. */
@Command(name = "reset-two-factor", mixinStandardHelpOptions = true,
        header = "Turns an account's two-factor authentication off (a lost phone).",
        description = "The person signs in with their password alone and is asked to set it up again when the "
                + "settings require it for their role. Their sessions end.")
final class UserResetTwoFactorCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;

    UserResetTwoFactorCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        User user = account(accounts, email);
        if (!user.twoFactor()) {
            out.println(user.email() + " has no two-factor authentication: nothing to reset.");
            return 0;
        }
        accounts.twoFactor().reset(OPERATOR, user.id());
        out.println("Two-factor authentication is off for " + user.email() + "; their sessions have ended. "
                + "They sign in with their password and set it up again.");
        return 0;
    }
}
