package dev.byline.account;

import java.time.Instant;

/**
 * One entry of the activity log.
 *
 * @param userId      who acted (0: the command line or a visitor)
 * @param actor       who acted, as they were called then: an email, "command line", "visitor"
 * @param action      one of the names below
 * @param subject     what it was done to, in words: an email, a setting's name, an article's title
 * @param detail      anything more: "editor → administrator", "5 failures; try again at 14:05"
 * @param aboutUserId the account the entry concerns, so its owner sees it too; null for none
 */
public record Activity(long id, Instant at, long userId, String actor, String action, String subject, String detail,
                       String ip, Long aboutUserId) {

    public static final String SIGNED_IN = "signed-in";
    public static final String SIGN_IN_FAILED = "sign-in-failed";
    public static final String LOCKED_OUT = "locked-out";
    public static final String UNLOCKED = "unlocked";
    public static final String SIGNED_OUT = "signed-out";
    public static final String SESSIONS_ENDED = "sessions-ended";
    public static final String SETUP = "setup";
    public static final String USER_ADDED = "user-added";
    public static final String INVITED = "invited";
    public static final String INVITATION_ACCEPTED = "invitation-accepted";
    public static final String ROLE_CHANGED = "role-changed";
    public static final String USER_DISABLED = "user-disabled";
    public static final String USER_ENABLED = "user-enabled";
    public static final String PASSWORD_CHANGED = "password-changed";
    public static final String PASSWORD_RESET_REQUESTED = "password-reset-requested";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String PROFILE_CHANGED = "profile-changed";
    public static final String TWO_FACTOR_ENABLED = "two-factor-enabled";
    public static final String TWO_FACTOR_DISABLED = "two-factor-disabled";
    public static final String RECOVERY_CODE_USED = "recovery-code-used";
    public static final String RECOVERY_CODES_REPLACED = "recovery-codes-replaced";
    public static final String SETTINGS_CHANGED = "settings-changed";
    public static final String DEMO_REMOVED = "demo-removed";
    /** A commenter's comments exported or erased at their request (the email only as a short hash). */
    public static final String COMMENTS_EXPORTED = "comments-exported";
    public static final String COMMENTS_ERASED = "comments-erased";
    /** A webhook added, changed (address, events, paused) or deleted; its address is the subject. */
    public static final String WEBHOOK_ADDED = "webhook-added";
    public static final String WEBHOOK_CHANGED = "webhook-changed";
    public static final String WEBHOOK_DELETED = "webhook-deleted";
    /** A key to the API made or revoked (its name and kind; never its secret). */
    public static final String API_KEY_MADE = "api-key-made";
    public static final String API_KEY_REVOKED = "api-key-revoked";
}
