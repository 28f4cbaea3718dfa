package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.OneTimeLinks.Purpose;
import dev.byline.account.User;
import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * /admin/reset/{token}: a new password through a mailed link. It works once and for an hour; every session of
 * the account ends, then the person is signed in with the new password (through the code step when they have a
 * second factor: the link proves the mailbox, not the phone).
 */
final class ResetHandler {

    private final Accounts accounts;
    private final Doors doors;
    private final AdminPages pages;

    ResetHandler(Accounts accounts, Doors doors, AdminPages pages) {
        this.accounts = accounts;
        this.doors = doors;
        this.pages = pages;
    }

    void form(Context ctx, AdminRequest request) {
        String token = ctx.pathParam("token");
        Optional<User> user = accounts.service().resetFor(token);
        if (user.isEmpty()) {
            refuse(ctx, request, accounts.service().linkRefusal(Purpose.PASSWORD_RESET, token));
            return;
        }
        pages.render(ctx, "admin/reset.jte", new AccountLinkViews.ResetPage(request.chrome(), token,
                user.get().email(), AdminViews.Form.empty()));
    }

    void reset(Context ctx, AdminRequest request) {
        String token = ctx.pathParam("token");
        Optional<User> owner = accounts.service().resetFor(token);
        if (owner.isEmpty()) {
            refuse(ctx, request, accounts.service().linkRefusal(Purpose.PASSWORD_RESET, token));
            return;
        }
        String password = ctx.formParam("password");
        User user;
        try {
            Forms.requireSamePasswords(ctx);
            user = accounts.service().resetPassword(token, password, request.actor());
        } catch (Invalid invalid) {
            pages.render(ctx, "admin/reset.jte", new AccountLinkViews.ResetPage(request.chrome(), token,
                    owner.get().email(), Forms.refused(ctx, invalid)), 422);
            return;
        } catch (OneTimeLinks.Refused refused) { // used in another tab a moment ago
            refuse(ctx, request, refused.refusal());
            return;
        }
        SignInAfterLink.signIn(accounts, doors, ctx, user.email(), password,
                "Your password has been changed, and your account has been signed out everywhere else.");
    }

    private void refuse(Context ctx, AdminRequest request, OneTimeLinks.Refusal refusal) {
        int status = refusal == OneTimeLinks.Refusal.UNKNOWN ? 404 : 410;
        pages.render(ctx, "admin/notice.jte", new AdminViews.NoticePage(request.chrome(), status,
                SignInAfterLink.heading(refusal), refusal.message + " A reset link works once, for "
                        + ForgotHandler.hours(Purpose.PASSWORD_RESET) + ". You can ask for a new one.",
                "Ask for a new link", "/admin/forgot"), status);
    }
}
