package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.ApiKey;
import dev.byline.account.ApiKeys;
import dev.byline.account.User;
import dev.byline.error.Invalid;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./byline user app-password}: makes a key to the API for an account and prints it, for scripts. The
 * secret is printed alone on standard output (so {@code $(…)} takes it), what it is on standard error.
 */
@Command(name = "app-password", mixinStandardHelpOptions = true,
        header = "Makes an application password (or a personal token) for an account and prints it.",
        description = {"The password goes with the account's email over HTTP Basic, as WordPress's application "
                + "passwords do; a token (--token) is sent as 'Authorization: Bearer …'. It is printed once: "
                + "Byline keeps only its fingerprint. The person sees it (not the secret) on their profile and can "
                + "revoke it there.",
                "Example: ./byline user app-password --email ana@example.org --name \"Newsletter script\" --scope write"})
final class UserAppPasswordCommand extends AccountCommand {

    @Option(names = "--email", required = true, description = "The account's email address")
    String email;

    @Option(names = "--name", required = true, description = "What the key is for, such as \"Mobile app\"")
    String name;

    @Option(names = "--scope", defaultValue = "read", description = "read (the default) or write")
    String scope;

    @Option(names = "--token", description = "Make a personal token (Bearer) instead of an application password")
    boolean token;

    UserAppPasswordCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        User user = account(accounts, email);
        ApiKey.Scope chosen = ApiKey.Scope.parse(scope);
        if (chosen == null) {
            throw new Stop(2, "--scope is read or write, not " + scope + ".");
        }
        ApiKeys.Made made;
        try {
            made = accounts.apiKeys().makeFor(OPERATOR, user.id(), token ? ApiKey.Kind.PERSONAL_TOKEN
                    : ApiKey.Kind.APPLICATION_PASSWORD, name, chosen);
        } catch (Invalid invalid) {
            throw new Stop(1, invalid.fieldErrors().values().stream().map(message -> "No key was made: " + message)
                    .toList());
        }
        err.println("A new " + made.key().kind().label().toLowerCase(java.util.Locale.ROOT) + " \""
                + made.key().label() + "\" for " + user.email() + ", " + (chosen == ApiKey.Scope.WRITE
                ? "read and write" : "read only") + " (shown this once):");
        out.println(made.secret());
        return 0;
    }
}
