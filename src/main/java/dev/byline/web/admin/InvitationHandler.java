package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.OneTimeLinks.Purpose;
import dev.byline.account.User;
import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * /admin/invitation/{token}: the invited person chooses their password (and may correct their name, as it will
 * appear on their articles), then they are signed in. The link works once, for 7 days.
 */
final class InvitationHandler {

    private final Accounts accounts;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<String> siteTitle;

    InvitationHandler(Accounts accounts, Doors doors, AdminPages pages, Supplier<String> siteTitle) {
        this.accounts = accounts;
        this.doors = doors;
        this.pages = pages;
        this.siteTitle = siteTitle;
    }

    void form(Context ctx, AdminRequest request) {
        String token = ctx.pathParam("token");
        Optional<User> invited = accounts.service().invitationFor(token);
        if (invited.isEmpty()) {
            refuse(ctx, request, accounts.service().linkRefusal(Purpose.INVITATION, token));
            return;
        }
        var form = new AdminViews.Form(Map.of("name", invited.get().displayName()), Map.of());
        pages.render(ctx, "admin/invitation.jte", page(request, token, invited.get(), form));
    }

    void accept(Context ctx, AdminRequest request) {
        String token = ctx.pathParam("token");
        Optional<User> invited = accounts.service().invitationFor(token);
        if (invited.isEmpty()) {
            refuse(ctx, request, accounts.service().linkRefusal(Purpose.INVITATION, token));
            return;
        }
        String password = ctx.formParam("password");
        User user;
        try {
            Forms.requireSamePasswords(ctx);
            user = accounts.service().acceptInvitation(token, ctx.formParam("name"), password, request.actor());
        } catch (Invalid invalid) {
            pages.render(ctx, "admin/invitation.jte", page(request, token, invited.get(),
                    Forms.refused(ctx, invalid, "name")), 422);
            return;
        } catch (OneTimeLinks.Refused refused) { // accepted in another tab a moment ago
            refuse(ctx, request, refused.refusal());
            return;
        }
        SignInAfterLink.signIn(accounts, doors, ctx, user.email(), password,
                "Welcome to " + siteTitle.get() + ", " + user.displayName() + ". Your account is ready.");
    }

    private AccountLinkViews.InvitationPage page(AdminRequest request, String token, User invited,
                                                 AdminViews.Form form) {
        return new AccountLinkViews.InvitationPage(request.chrome(), token, invited.email(), invited.role().label(),
                form);
    }

    private void refuse(Context ctx, AdminRequest request, OneTimeLinks.Refusal refusal) {
        int status = refusal == OneTimeLinks.Refusal.UNKNOWN ? 404 : 410;
        String what = switch (refusal) {
            case USED -> " If you accepted it, sign in with your email and the password you chose.";
            case EXPIRED -> " An invitation works for " + Purpose.INVITATION.valid.toDays() + " days. Ask the "
                    + "person who invited you to send a new one.";
            case UNKNOWN -> " Check that the whole link was copied from the email, or ask the person who invited "
                    + "you to send a new one.";
        };
        pages.render(ctx, "admin/notice.jte", new AdminViews.NoticePage(request.chrome(), status,
                SignInAfterLink.heading(refusal), refusal.message + what, "Sign in", "/admin/login"), status);
    }
}
