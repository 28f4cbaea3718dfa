package dev.byline.cli;

import dev.byline.account.Accounts;
import dev.byline.account.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code ./byline user list}: every account, as a table. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "Lists every account.",
        description = "Email, name, role, status (active, invited, disabled) and whether it signs in with a "
                + "second factor.")
final class UserListCommand extends AccountCommand {

    UserListCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        super(env, in, out, err);
    }

    @Override
    int run(Accounts accounts) {
        List<User> users = accounts.service().list(OPERATOR);
        if (users.isEmpty()) {
            out.println("There are no accounts yet. Add the first administrator: "
                    + "./byline user add --email … --name … --role administrator");
            return 0;
        }
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("EMAIL", "NAME", "ROLE", "STATUS", "TWO-FACTOR"));
        for (User user : users) {
            rows.add(List.of(user.email(), user.displayName(), user.role().key(), user.status().key(),
                    user.twoFactor() ? "yes" : "no"));
        }
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            out.println(line);
        }
        out.println(users.size() == 1 ? "1 account." : users.size() + " accounts.");
        return 0;
    }
}
