package dev.byline.account;

import java.util.Optional;

/**
 * Who is acting, handed to every service call that changes something so the service can decide (see
 * {@link Policy}) and the activity log can say who did it and from where.
 *
 * @param userId    the account, or 0 for the operator's command line and for a visitor who is not signed in
 * @param name      the account's email, "command line", or "visitor"
 * @param role      the account's role; the command line acts as an administrator; a visitor has none
 * @param authorId  the author profile the account writes as (0 for none): "their own" articles are those it is on
 * @param ip        where the request came from ("" for the command line)
 */
public record Actor(long userId, String name, Optional<Role> role, long authorId, String ip) {

    /** The operator at the server's command line: trusted like an administrator, logged as "command line". */
    public static Actor commandLine() {
        return new Actor(0, "command line", Optional.of(Role.ADMINISTRATOR), 0, "");
    }

    /** Someone not signed in: signing in, asking for a reset link, following an invitation. */
    public static Actor visitor(String ip) {
        return new Actor(0, "visitor", Optional.empty(), 0, ip);
    }

    public static Actor of(User user, String ip) {
        return new Actor(user.id(), user.email(), Optional.of(user.role()), user.authorId(), ip);
    }

    public boolean can(Capability capability) {
        return role.map(r -> r.can(capability)).orElse(false);
    }

    public boolean isUser(long id) {
        return userId != 0 && userId == id;
    }
}
