package dev.byline.comment;

import dev.byline.account.Actor;

/**
 * A comment as the form sent it, with where it came from.
 *
 * @param parentId  the comment replied to, or 0
 * @param honeypot  the field people never see (robots fill it in)
 * @param token     the form's signed token ({@link FormTokens})
 * @param staff     a signed-in member of staff commenting as themselves (their name and email come from the account),
 *                  or null for a reader
 */
public record Submission(long articleId, long parentId, String name, String email, String url, String text,
                         boolean followUps, String ip, String userAgent, String honeypot, String token, Staff staff) {

    /** A member of staff, signed in: who they are and the name they write under. */
    public record Staff(Actor actor, String name, String email) {
    }

    public Submission {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        url = url == null ? "" : url;
        text = text == null ? "" : text;
        ip = ip == null ? "" : ip;
        userAgent = userAgent == null ? "" : userAgent;
        honeypot = honeypot == null ? "" : honeypot;
    }
}
