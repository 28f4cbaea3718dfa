package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.User;
import dev.byline.error.Invalid;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user reset-password}: a new password from standard input; the account's sessions end. */
@Command(name = "reset-password", mixinStandardHelpOptions = true,
        header = "Sets an account's password from standard input.",
        description = {"At a terminal the password is typed twice (not shown); from a pipe it is the first line. "
                + "Every session of the account ends.",
                "Example: printf '%%s\\n' \"$PASSWORD\" | ./byline user reset-password --email ana@example.org"})
final class UserResetPasswordCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;

    UserResetPasswordCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        User user = account(accounts, email);
        String password = new PasswordInput(in).read(user.email());
        try {
            accounts.service().setPassword(OPERATOR, user.id(), password);
        } catch (Invalid invalid) {
            throw new Stop(2, "The password (standard input) was not set: " + invalid.fieldErrors().get("password"));
        }
        var said = new StringBuilder("Set a new password for " + user.email() + "; its sessions have ended.");
        if (user.status() == User.Status.INVITED) {
            said.append(" The account is active now; its invitation link no longer works.");
        } else if (user.status() == User.Status.DISABLED) {
            said.append(" The account is still disabled: ./byline user enable --email ").append(user.email())
                    .append(" lets it sign in.");
        }
        out.println(said);
        return 0;
    }
}
