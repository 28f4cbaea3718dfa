package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.Role;
import dev.byline.account.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user role}: gives an account another role; the last active administrator keeps theirs. */
@Command(name = "role", mixinStandardHelpOptions = true,
        header = "Gives an account another role.",
        description = "The last active administrator stays one: make someone else an administrator first.")
final class UserRoleCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;
    @Option(names = "--role", required = true, description = "administrator, editor, author or contributor")
    String role;

    UserRoleCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        Optional<Role> next = Role.parse(role);
        if (next.isEmpty()) {
            throw new Stop(2, "--role \"" + role + "\": Choose a role: " + Role.names() + ".");
        }
        User user = account(accounts, email);
        if (user.role() == next.get()) {
            out.println(user.email() + " is already " + Roles.withArticle(user.role()) + ".");
            return 0;
        }
        User changed = accounts.service().changeRole(OPERATOR, user.id(), next.get());
        out.println(changed.email() + " is now " + Roles.withArticle(changed.role()) + " (was "
                + Roles.withArticle(user.role()) + ").");
        return 0;
    }
}
