package dev.byline.account;

import org.jdbi.v3.core.Handle;

/**
 * The mails accounts send, queued inside the account's own transaction (an invitation and its mail commit together,
 * or neither). The mail package implements it with its outbox.
 */
public interface AccountMail {

    /** Tells {@code invited} that {@code inviter} invited them, with the link that sets their password. */
    void invitation(Handle handle, User invited, Actor inviter, String token);

    /** Sends {@code user} the link that resets their password. */
    void passwordReset(Handle handle, User user, String token);
}
