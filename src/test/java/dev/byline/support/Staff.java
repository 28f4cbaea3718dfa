package dev.byline.support;

import dev.byline.Byline;
import dev.byline.account.AccountService;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Newsroom accounts for tests, made as the operator makes them ({@code ./byline user add}: AccountService.add as
 * the command line), and browsers signed in as them.
 */
public final class Staff {

    /** A password the rules accept; every account made here has it. */
    public static final String PASSWORD = "lantern orchard cobalt 1987";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Byline byline;

    public Staff(Byline byline) {
        this.byline = byline;
    }

    /** A new active account with a fresh email (role-N@newsroom.test). */
    public User add(Role role) {
        int n = COUNTER.incrementAndGet();
        return add(role, role.label() + " Person " + n, role.key() + "-" + n + "@newsroom.test");
    }

    public User add(Role role, String name, String email) {
        return byline.services().accounts().service().add(Actor.commandLine(),
                new AccountService.NewUser(email, name, role.key()), PASSWORD);
    }

    /** A browser signed in as {@code user} through the sign-in form. */
    public AdminBrowser signIn(User user) {
        var browser = new AdminBrowser(byline.baseUrl());
        var response = browser.login(user.email(), PASSWORD);
        if (response.statusCode() != 302) {
            throw new IllegalStateException("could not sign in as " + user.email() + ": " + response.statusCode());
        }
        browser.get("/admin/"); // as a browser lands on the dashboard: its forms carry the new session's token
        return browser;
    }

    /** A new account of {@code role}, signed in. */
    public AdminBrowser signedIn(Role role) {
        return signIn(add(role));
    }

    /** Who a user is to the services, as the admin would pass them. */
    public static Actor actor(User user) {
        return Actor.of(user, "127.0.0.1");
    }
}
