package dev.byline.cli;

import dev.byline.account.Role;

/** Roles in the commands' sentences. */
final class Roles {

    private Roles() {
    }

    /** "an administrator", "an editor", "an author", "a contributor". */
    static String withArticle(Role role) {
        return (role == Role.CONTRIBUTOR ? "a " : "an ") + role.key();
    }
}
