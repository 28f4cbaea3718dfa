package dev.byline.web.admin;

import dev.byline.account.Actor;
import dev.byline.account.Sessions;
import dev.byline.account.User;
import java.util.Optional;

/**
 * What an admin handler gets besides the request: the session (when there is one), who is acting, the CSRF token
 * for its forms and the chrome of its page.
 */
public record AdminRequest(Optional<Sessions.Current> current, Actor actor, AdminViews.Chrome chrome) {

    /** The signed-in account; only on routes that require one. */
    public User user() {
        return current.orElseThrow().user();
    }

    /** The session's id (its hash), to keep it when ending the others. */
    public String sessionId() {
        return current.orElseThrow().session().id();
    }
}
