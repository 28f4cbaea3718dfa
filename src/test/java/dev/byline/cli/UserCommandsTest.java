package dev.byline.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.SignIn;
import dev.byline.account.User;
import dev.byline.config.Config;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ./byline user …} as the launcher runs it ({@link Commands#run} with a standard input the test writes),
 * on a real data directory or PostgreSQL database, checked through the account services over the same database.
 */
class UserCommandsTest {

    private static final String ANA_PASSWORD = "correct horse battery staple";
    private static final String ED_PASSWORD = "lilac tractor whisper forty";
    private static final String NEW_PASSWORD = "yellow submarine orbit seven";

    @TempDir
    Path dir;
    private Config config;
    private Newsroom newsroom;

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @AfterEach
    void close() {
        if (newsroom != null) {
            newsroom.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void addThenList(TestDatabases db) {
        open(db);
        Run ana = run(ANA_PASSWORD + "\n", "user", "add", "--email", "Ana@Example.org", "--name", " Ana Lima ",
                "--role", "administrator");
        assertEquals(new Run(0, "Added ana@example.org (Ana Lima) as an administrator.\n", ""), ana);
        // a pipe's first line is the password; what follows it, and a Windows line ending, are not
        Run ed = run(ED_PASSWORD + "\r\nnot this\n", "user", "add", "--email=ed@example.org", "--name=Edwina Ørsted",
                "--role=EDITOR");
        assertEquals(new Run(0, "Added ed@example.org (Edwina Ørsted) as an editor.\n", ""), ed);

        Run list = run("", "user", "list");
        assertEquals(0, list.exit(), list.err());
        assertEquals(List.of(
                "EMAIL            NAME           ROLE           STATUS  TWO-FACTOR",
                "ana@example.org  Ana Lima       administrator  active  no",
                "ed@example.org   Edwina Ørsted  editor         active  no",
                "2 accounts."), list.outLines());

        // they sign in with what was piped in, whatever case the email is typed in
        assertInstanceOf(SignIn.Done.class, newsroom.accounts.signIn().password("ANA@example.org", ANA_PASSWORD,
                "192.0.2.1", "test"));
        assertInstanceOf(SignIn.Done.class, newsroom.accounts.signIn().password("ed@example.org", ED_PASSWORD,
                "192.0.2.1", "test"));
        // the activity log says the command line did it
        List<Activity> added = activity(Activity.USER_ADDED);
        assertEquals(List.of("ed@example.org editor by command line", "ana@example.org administrator by command line"),
                added.stream().map(entry -> entry.subject() + " " + entry.detail() + " by " + entry.actor()).toList());
        assertTrue(added.stream().allMatch(entry -> entry.userId() == 0 && entry.ip().isEmpty()), added.toString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void appPasswordPrintsAKeyOnceThatOpensTheApi(TestDatabases db) {
        open(db);
        addAnaAndEd();
        Run made = run("", "user", "app-password", "--email", "ED@example.org", "--name", "Newsletter script",
                "--scope", "write");
        assertEquals(0, made.exit(), made.err());
        assertEquals(List.of("A new application password \"Newsletter script\" for ed@example.org, read and write "
                + "(shown this once):"), made.errLines());
        String password = made.out().strip();
        assertTrue(password.matches("([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}"), password);
        var keys = newsroom.accounts.apiKeys();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("ed@example.org:" + password)
                .getBytes(StandardCharsets.UTF_8));
        var found = keys.authenticate(basic, "192.0.2.1").orElseThrow();
        assertEquals("ed@example.org", found.user().email());
        assertTrue(found.mayWrite());
        assertEquals(List.of("api-key-made Application password \"Newsletter script\", write by command line"),
                activity(Activity.API_KEY_MADE).stream().map(entry -> entry.action() + " " + entry.detail()
                        + " by " + entry.actor()).toList());

        Run token = run("", "user", "app-password", "--email", "ana@example.org", "--name", "CI", "--token");
        assertEquals(0, token.exit(), token.err());
        assertTrue(token.err().contains("personal token \"CI\" for ana@example.org, read only"), token.err());
        var byToken = keys.authenticate("Bearer " + token.out().strip(), "192.0.2.1").orElseThrow();
        assertFalse(byToken.mayWrite());

        assertEquals(new Run(1, "", "No key was made: You already have a key named \"CI\": choose another name, "
                + "or revoke that one first.\n"), run("", "user", "app-password", "--email", "ana@example.org",
                "--name", "CI"));
        assertEquals(new Run(2, "", "--scope is read or write, not admin.\n"), run("", "user", "app-password",
                "--email", "ana@example.org", "--name", "X", "--scope", "admin"));
        assertEquals(new Run(1, "", "No account uses nobody@example.org.\n"), run("", "user", "app-password",
                "--email", "nobody@example.org", "--name", "X"));
    }

    @Test
    void anEmptyDatabaseListsNoAccountsAndAMissingOneIsSaid() {
        Run missing = run(List.of("--data-dir=" + dir.resolve("nowhere")), "", "user", "list");
        assertEquals(1, missing.exit());
        assertEquals(List.of("There is no Byline database at " + dir.resolve("nowhere").resolve("byline.db")
                + ", so no accounts yet. Check --data-dir, or add the first: ./byline user add --role administrator …"),
                missing.errLines());
        assertTrue(Files.notExists(dir.resolve("nowhere")), "nothing created");

        open(TestDatabases.SQLITE);
        assertEquals(new Run(0, "There are no accounts yet. Add the first administrator: ./byline user add "
                + "--email … --name … --role administrator\n", ""), run("", "user", "list"));
    }

    /** One bad argument (or several) for {@code user add}: the exit code and every line it prints. */
    record BadAdd(String what, String stdin, List<String> args, int exit, List<String> says) {
    }

    private static final List<BadAdd> BAD_ADDS = List.of(
            new BadAdd("malformed email", ED_PASSWORD + "\n", add("ed@", "Ed", "editor"), 2, List.of(
                    "No account was added:",
                    "  - --email \"ed@\": Enter an email address such as name@example.org.")),
            new BadAdd("email with a display name", ED_PASSWORD + "\n", add("Ed <ed@example.org>", "Ed", "editor"), 2,
                    List.of("No account was added:",
                            "  - --email \"Ed <ed@example.org>\": Enter an email address such as name@example.org.")),
            new BadAdd("blank name", ED_PASSWORD + "\n", add("ed@example.org", "   ", "editor"), 2, List.of(
                    "No account was added:",
                    "  - --name \"   \": Enter a name.")),
            new BadAdd("unknown role", ED_PASSWORD + "\n", add("ed@example.org", "Ed", "boss"), 2, List.of(
                    "No account was added:",
                    "  - --role \"boss\": Choose a role: administrator, editor, author or contributor.")),
            new BadAdd("short password", "tiny pwd\n", add("ed@example.org", "Ed", "editor"), 2, List.of(
                    "No account was added:",
                    "  - the password (standard input): Use at least 10 characters.")),
            new BadAdd("common password", "password1234\n", add("ed@example.org", "Ed", "editor"), 2, List.of(
                    "No account was added:",
                    "  - the password (standard input): This password is too easy to guess: it is common, or made "
                            + "of a word, a name, a date or a keyboard pattern. A few unrelated words together make "
                            + "a strong one.")),
            new BadAdd("empty standard input", "", add("ed@example.org", "Ed", "editor"), 2, List.of(
                    "No password on standard input: pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | ./byline user …, "
                            + "or run this at a terminal to type it. Nothing was changed.")),
            new BadAdd("email in use, in other letters", ED_PASSWORD + "\n", add("ANA@example.org", "Ana", "editor"),
                    1, List.of(
                    "No account was added:",
                    "  - --email \"ANA@example.org\": an account already uses this address.")),
            new BadAdd("everything at once", "tiny\n", add("ana@example.org", "", "chief"), 2, List.of(
                    "No account was added:",
                    "  - --email \"ana@example.org\": an account already uses this address.",
                    "  - --name \"\": Enter a name.",
                    "  - --role \"chief\": Choose a role: administrator, editor, author or contributor.",
                    "  - the password (standard input): Use at least 10 characters.")),
            new BadAdd("missing options", ED_PASSWORD + "\n", List.of("user", "add", "--email", "ed@example.org"), 2,
                    List.of("Missing required options: '--name=<name>', '--role=<role>'",
                            "See ./byline user add --help")),
            new BadAdd("unknown option", ED_PASSWORD + "\n", List.of("user", "add", "--email", "ed@example.org",
                    "--name", "Ed", "--role", "editor", "--admin"), 2,
                    List.of("Unknown option: '--admin'", "See ./byline user add --help")),
            new BadAdd("an option without its value", ED_PASSWORD + "\n", List.of("user", "add", "--name", "Ed",
                    "--role", "editor", "--email"), 2,
                    List.of("Missing required parameter for option '--email' (<email>)",
                            "See ./byline user add --help")));

    private static List<String> add(String email, String name, String role) {
        return List.of("user", "add", "--email", email, "--name", name, "--role", role);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void badArgumentsAreRefusedSayingWhatIsWrongAndNothingIsAdded(TestDatabases db) {
        open(db);
        assertEquals(0, run(ANA_PASSWORD + "\n", "user", "add", "--email", "ana@example.org", "--name", "Ana",
                "--role", "administrator").exit());
        var checks = new ArrayList<Executable>();
        for (BadAdd bad : BAD_ADDS) {
            Run run = run(bad.stdin(), bad.args().toArray(String[]::new));
            checks.add(() -> assertEquals(new Run(bad.exit(), "", String.join("\n", bad.says()) + "\n"), run,
                    bad.what()));
        }
        assertAll(checks);
        assertEquals(List.of("ana@example.org"), emails(), "no account was added");
        assertEquals(1, activity(Activity.USER_ADDED).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void roleChangesAreMadeAndLogged(TestDatabases db) {
        open(db);
        addAnaAndEd();

        assertEquals(new Run(0, "ed@example.org is now an author (was an editor).\n", ""),
                run("", "user", "role", "--email", "Ed@Example.org", "--role", "author"));
        assertEquals(Role.AUTHOR, user("ed@example.org").role());
        assertEquals(new Run(0, "ed@example.org is already an author.\n", ""),
                run("", "user", "role", "--email", "ed@example.org", "--role", "author"));
        assertEquals(new Run(2, "", "--role \"boss\": Choose a role: administrator, editor, author or contributor.\n"),
                run("", "user", "role", "--email", "ed@example.org", "--role", "boss"));
        assertEquals(new Run(1, "", "No account uses who@example.org.\n"),
                run("", "user", "role", "--email", "who@example.org", "--role", "editor"));
        assertEquals(new Run(2, "", "Missing required option: '--role=<role>'\nSee ./byline user role --help\n"),
                run("", "user", "role", "--email", "ed@example.org"));

        List<Activity> changes = activity(Activity.ROLE_CHANGED);
        assertEquals(1, changes.size(), "only the change that happened is logged");
        assertEquals(List.of("command line", "ed@example.org", "editor → author"),
                List.of(changes.getFirst().actor(), changes.getFirst().subject(), changes.getFirst().detail()));
        assertEquals(user("ed@example.org").id(), changes.getFirst().aboutUserId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLastActiveAdministratorIsKept(TestDatabases db) {
        open(db);
        addAnaAndEd();

        assertEquals(new Run(1, "", "ana@example.org is the only active administrator: make someone else an "
                + "administrator first.\n"), run("", "user", "role", "--email", "ana@example.org", "--role", "editor"));
        assertEquals(new Run(1, "", "ana@example.org is the only active administrator and cannot be disabled.\n"),
                run("", "user", "disable", "--email", "ana@example.org"));
        assertEquals(Role.ADMINISTRATOR, user("ana@example.org").role());
        assertEquals(User.Status.ACTIVE, user("ana@example.org").status());

        // with a second administrator, the first may step down
        assertEquals(0, run("", "user", "role", "--email", "ed@example.org", "--role", "administrator").exit());
        assertEquals(new Run(0, "ana@example.org is now an editor (was an administrator).\n", ""),
                run("", "user", "role", "--email", "ana@example.org", "--role", "editor"));
        // a disabled administrator does not count: the remaining active one stays
        assertEquals(0, run("", "user", "role", "--email", "ana@example.org", "--role", "administrator").exit());
        assertEquals(0, run("", "user", "disable", "--email", "ana@example.org").exit());
        assertEquals(1, run("", "user", "role", "--email", "ed@example.org", "--role", "author").exit());
        assertEquals(Role.ADMINISTRATOR, user("ed@example.org").role());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void disablingEndsTheSessionsAndEnablingLetsThemBackIn(TestDatabases db) {
        open(db);
        addAnaAndEd();
        String session = signIn("ed@example.org", ED_PASSWORD);
        assertTrue(newsroom.accounts.sessions().find(session).isPresent());

        assertEquals(new Run(0, "Disabled ed@example.org: it can no longer sign in, and its sessions have ended. "
                + "Its articles stay.\n", ""), run("", "user", "disable", "--email", "ed@example.org"));
        assertTrue(newsroom.accounts.sessions().find(session).isEmpty(), "the session ended");
        assertEquals(0, newsroom.accounts.sessions().list(user("ed@example.org").id()).size());
        assertEquals(new SignIn.Refused("This account is disabled. Ask an administrator to enable it."),
                newsroom.accounts.signIn().password("ed@example.org", ED_PASSWORD, "192.0.2.1", "test"));
        assertEquals(new Run(0, "ed@example.org is already disabled.\n", ""),
                run("", "user", "disable", "--email", "ed@example.org"));
        assertEquals(new Run(1, "", "No account uses nobody@example.org.\n"),
                run("", "user", "disable", "--email", "nobody@example.org"));

        assertEquals(new Run(0, "Enabled ed@example.org: it can sign in again.\n", ""),
                run("", "user", "enable", "--email", "ed@example.org"));
        assertEquals(new Run(0, "ed@example.org is not disabled (it is active).\n", ""),
                run("", "user", "enable", "--email", "ed@example.org"));
        assertTrue(newsroom.accounts.sessions().find(signIn("ed@example.org", ED_PASSWORD)).isPresent());

        assertEquals(List.of("command line"), activity(Activity.USER_DISABLED).stream().map(Activity::actor).toList());
        assertEquals(List.of("command line"), activity(Activity.USER_ENABLED).stream().map(Activity::actor).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void resetPasswordSetsTheNewOneAndEndsTheSessions(TestDatabases db) {
        open(db);
        addAnaAndEd();
        String session = signIn("ed@example.org", ED_PASSWORD);

        assertEquals(new Run(2, "", "The password (standard input) was not set: Use at least 10 characters.\n"),
                run("too short\n", "user", "reset-password", "--email", "ed@example.org"));
        assertTrue(newsroom.accounts.sessions().find(session).isPresent(), "a refused reset changes nothing");
        // an unknown email is said before any password is read
        assertEquals(new Run(1, "", "No account uses who@example.org.\n"),
                run(NEW_PASSWORD + "\n", "user", "reset-password", "--email", "who@example.org"));

        assertEquals(new Run(0, "Set a new password for ed@example.org; its sessions have ended.\n", ""),
                run(NEW_PASSWORD + "\n", "user", "reset-password", "--email", "ed@example.org"));
        assertTrue(newsroom.accounts.sessions().find(session).isEmpty(), "the old session ended");
        assertEquals(new SignIn.Refused(SignIn.WRONG),
                newsroom.accounts.signIn().password("ed@example.org", ED_PASSWORD, "192.0.2.1", "test"));
        assertTrue(newsroom.accounts.sessions().find(signIn("ed@example.org", NEW_PASSWORD)).isPresent());

        Activity reset = activity(Activity.PASSWORD_RESET).getFirst();
        assertEquals(List.of("command line", "ed@example.org", "set by command line"),
                List.of(reset.actor(), reset.subject(), reset.detail()));

        // a disabled account gets its password, and stays disabled
        assertEquals(0, run("", "user", "disable", "--email", "ed@example.org").exit());
        assertEquals(new Run(0, "Set a new password for ed@example.org; its sessions have ended. The account is "
                        + "still disabled: ./byline user enable --email ed@example.org lets it sign in.\n", ""),
                run(ED_PASSWORD + "\n", "user", "reset-password", "--email", "ed@example.org"));
        assertEquals(User.Status.DISABLED, user("ed@example.org").status());
    }

    @Test
    void anInvitedAccountGivenAPasswordIsActive() {
        open(TestDatabases.SQLITE);
        addAnaAndEd();
        newsroom.accounts.service().invite(Actor.commandLine(),
                new dev.byline.account.AccountService.NewUser("ivy@example.org", "Ivy", "author"));
        assertEquals(User.Status.INVITED, user("ivy@example.org").status());

        assertEquals(new Run(0, "Set a new password for ivy@example.org; its sessions have ended. The account is "
                + "active now; its invitation link no longer works.\n", ""),
                run(NEW_PASSWORD + "\n", "user", "reset-password", "--email", "ivy@example.org"));
        assertInstanceOf(SignIn.Done.class, newsroom.accounts.signIn().password("ivy@example.org", NEW_PASSWORD,
                "192.0.2.1", "test"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void resetTwoFactorTurnsItOffAndEndsTheSessions(TestDatabases db) {
        open(db);
        addAnaAndEd();
        assertEquals(new Run(0, "ed@example.org has no two-factor authentication: nothing to reset.\n", ""),
                run("", "user", "reset-two-factor", "--email", "ed@example.org"));
        String session = signIn("ed@example.org", ED_PASSWORD);
        String sessionId = newsroom.accounts.sessions().find(session).orElseThrow().session().id();
        Actor ed = Actor.of(user("ed@example.org"), "192.0.2.1");
        var enrolment = newsroom.accounts.twoFactor().begin(ed, sessionId);
        newsroom.accounts.twoFactor().confirm(ed, sessionId, enrolment.seal(),
                dev.byline.support.AuthenticatorApp.code(enrolment.secret(), java.time.Instant.now()));
        assertTrue(user("ed@example.org").twoFactor());

        assertEquals(new Run(0, "Two-factor authentication is off for ed@example.org; their sessions have ended. "
                + "They sign in with their password and set it up again.\n", ""),
                run("", "user", "reset-two-factor", "--email", "ed@example.org"));
        assertFalse(user("ed@example.org").twoFactor());
        assertTrue(newsroom.accounts.sessions().find(session).isEmpty());
        signIn("ed@example.org", ED_PASSWORD); // with the password alone
        assertEquals(List.of("reset from the command line"), activity(Activity.TWO_FACTOR_DISABLED).stream()
                .map(Activity::detail).toList());
        assertEquals(new Run(1, "", "No account uses nobody@example.org.\n"),
                run("", "user", "reset-two-factor", "--email", "nobody@example.org"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void unlockEndsALockOut(TestDatabases db) {
        open(db);
        addAnaAndEd();
        for (int i = 0; i < 5; i++) {
            newsroom.accounts.signIn().password("ed@example.org", "guess number " + i, "192.0.2.7", "test");
        }
        assertInstanceOf(SignIn.Locked.class, newsroom.accounts.signIn().password("ed@example.org", ED_PASSWORD,
                "192.0.2.1", "test"));
        assertEquals(new Run(0, "Unlocked ed@example.org: it may sign in again at once.\n", ""),
                run("", "user", "unlock", "--email", "ed@example.org"));
        signIn("ed@example.org", ED_PASSWORD);
        assertEquals(new Run(0, "ed@example.org was not locked out; its failed attempts are forgotten.\n", ""),
                run("", "user", "unlock", "--email", "ed@example.org"));
    }

    @Test
    void theGroupAloneListsItsCommands() {
        Run run = run("", "user");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Missing required subcommand\nUsage: byline user"), run.err());
        for (String command : List.of("add", "list", "role", "disable", "enable", "reset-password",
                "reset-two-factor", "unlock")) {
            assertTrue(run.err().contains("\n  " + command + " "), command + " in " + run.err());
        }
        Run help = run("", "user", "add", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--role=<role>") && help.out().contains("standard input"), help.out());
    }

    private void open(TestDatabases db) {
        config = db.config(dir);
        newsroom = new Newsroom(config, Clock.systemUTC());
    }

    private void addAnaAndEd() {
        assertEquals(0, run(ANA_PASSWORD + "\n", "user", "add", "--email", "ana@example.org", "--name", "Ana",
                "--role", "administrator").exit());
        assertEquals(0, run(ED_PASSWORD + "\n", "user", "add", "--email", "ed@example.org", "--name", "Ed",
                "--role", "editor").exit());
    }

    private String signIn(String email, String password) {
        var result = newsroom.accounts.signIn().password(email, password, "192.0.2.1", "test");
        return assertInstanceOf(SignIn.Done.class, result).opened().token();
    }

    private User user(String email) {
        return newsroom.accounts.service().findByEmail(Actor.commandLine(), email).orElseThrow();
    }

    private List<String> emails() {
        return newsroom.accounts.service().list(Actor.commandLine()).stream().map(User::email).toList();
    }

    private List<Activity> activity(String action) {
        return newsroom.accounts.activity().list(Actor.commandLine(),
                new ActivityLog.Filter(action, 0, null, null, 1, 200)).entries();
    }

    /**
     * The two command words, the database flags of the test's database, then the rest, with no BYLINE_* variables
     * around (an option left without its value at the end stays at the end).
     */
    private Run run(String stdin, String... words) {
        return run(flags(config), stdin, words);
    }

    private static Run run(List<String> flags, String stdin, String... words) {
        var args = new ArrayList<>(List.of(words));
        args.addAll(Math.min(2, args.size()), flags);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Commands.run(args.toArray(String[]::new), Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> flags(Config config) {
        if (config == null) {
            return List.of();
        }
        var flags = new ArrayList<String>(List.of("--data-dir=" + config.dataDir()));
        config.dbUrl().ifPresent(url -> flags.add("--db-url=" + url));
        config.dbUser().ifPresent(user -> flags.add("--db-user=" + user));
        config.dbPassword().ifPresent(password -> flags.add("--db-password=" + password));
        return flags;
    }
}
