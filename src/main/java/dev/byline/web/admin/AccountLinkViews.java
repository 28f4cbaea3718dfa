package dev.byline.web.admin;

/**
 * The pages of the mailed account links: asking for a reset link, setting a new password with one, accepting an
 * invitation. One record per template, like {@link AdminViews}.
 */
public final class AccountLinkViews {

    private AccountLinkViews() {
    }

    public record ForgotPage(AdminViews.Chrome chrome, AdminViews.Form form) {
    }

    /** @param email the account the link is for, shown so the person knows which password they are setting */
    public record ResetPage(AdminViews.Chrome chrome, String token, String email, AdminViews.Form form) {
    }

    /** @param role how the account's role reads: "Editor" */
    public record InvitationPage(AdminViews.Chrome chrome, String token, String email, String role,
                                 AdminViews.Form form) {
    }
}
