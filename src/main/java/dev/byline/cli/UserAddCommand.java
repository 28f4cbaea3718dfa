package dev.byline.cli;

import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Accounts;
import dev.byline.account.User;
import dev.byline.error.Invalid;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./byline user add}: an active account with a password from standard input, or every reason why not. */
@Command(name = "add", mixinStandardHelpOptions = true,
        header = "Adds an active account; the password comes from standard input.",
        description = {"At a terminal the password is typed twice (not shown); from a pipe it is the first line. "
                + "It needs at least 10 characters and must not be easy to guess.",
                "Example: printf '%%s\\n' \"$PASSWORD\" | ./byline user add --email ana@example.org --name 'Ana Lima' "
                        + "--role editor"})
final class UserAddCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The address they sign in with")
    String email;
    @Option(names = "--name", required = true, description = "Their name, as the admin and their byline show it")
    String name;
    @Option(names = "--role", required = true, description = "administrator, editor, author or contributor")
    String role;

    UserAddCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    boolean createsDatabase() {
        return true;
    }

    @Override
    int run(Accounts accounts) {
        String password = new PasswordInput(in).read(email.strip());
        boolean taken = accounts.service().findByEmail(OPERATOR, email).isPresent();
        try {
            User user = accounts.service().add(OPERATOR, new NewUser(email, name, role), password);
            out.printf("Added %s (%s) as %s.%n", user.email(), user.displayName(), Roles.withArticle(user.role()));
            return 0;
        } catch (Invalid invalid) {
            var fields = invalid.fieldErrors();
            var lines = new ArrayList<String>();
            lines.add("No account was added:");
            if (taken) {
                lines.add("  - --email \"" + email + "\": an account already uses this address.");
            } else if (fields.containsKey("email")) {
                lines.add("  - --email \"" + email + "\": " + fields.get("email"));
            }
            if (fields.containsKey("name")) {
                lines.add("  - --name \"" + name + "\": " + fields.get("name"));
            }
            if (fields.containsKey("role")) {
                lines.add("  - --role \"" + role + "\": " + fields.get("role"));
            }
            if (fields.containsKey("password")) {
                lines.add("  - the password (standard input): " + fields.get("password"));
            }
            // an address in use is a refusal; anything else is a bad argument
            boolean badArguments = fields.keySet().stream().anyMatch(field -> !(taken && field.equals("email")));
            throw new Stop(badArguments ? 2 : 1, lines);
        }
    }
}
