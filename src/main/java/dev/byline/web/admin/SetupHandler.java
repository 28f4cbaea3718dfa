package dev.byline.web.admin;

import dev.byline.account.AccountService;
import dev.byline.account.Accounts;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.SignIn;
import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.util.Map;

/** /admin/setup/{token}: the first administrator, from the link printed at the first start. */
final class SetupHandler {

    private final Accounts accounts;
    private final Doors doors;
    private final AdminPages pages;

    SetupHandler(Accounts accounts, Doors doors, AdminPages pages) {
        this.accounts = accounts;
        this.doors = doors;
        this.pages = pages;
    }

    void form(Context ctx, AdminRequest request) {
        String token = ctx.pathParam("token");
        if (!accounts.service().setupLinkValid(token)) {
            refuse(ctx, request);
            return;
        }
        pages.render(ctx, "admin/setup.jte", new AdminViews.SetupPage(request.chrome(), token,
                AdminViews.Form.empty()));
    }

    void create(Context ctx, AdminRequest request) {
        String token = ctx.pathParam("token");
        String password = ctx.formParam("password");
        try {
            Forms.requireSamePasswords(ctx);
            var input = new AccountService.NewUser(ctx.formParam("email"), ctx.formParam("name"), "administrator");
            accounts.service().setUp(token, input, password, request.actor());
        } catch (Invalid invalid) {
            pages.render(ctx, "admin/setup.jte", new AdminViews.SetupPage(request.chrome(), token,
                    Forms.refused(ctx, invalid, "name", "email")), 422);
            return;
        } catch (OneTimeLinks.Refused refused) {
            refuse(ctx, request);
            return;
        }
        if (accounts.signIn().password(ctx.formParam("email"), password, ctx.ip(), ctx.userAgent())
                instanceof SignIn.Done done) {
            doors.startSession(ctx, done.opened());
        }
        doors.flash(ctx, "Welcome to Byline. Your administrator account is ready.");
        ctx.redirect("/admin/");
    }

    private void refuse(Context ctx, AdminRequest request) {
        boolean setUp = accounts.service().hasUsers();
        pages.render(ctx, "admin/notice.jte", new AdminViews.NoticePage(request.chrome(), setUp ? 410 : 404,
                setUp ? "Byline is already set up" : "This setup link does not work",
                setUp ? "The first administrator has been created. Sign in with your email and password."
                        : "It may have expired or been mistyped. Restart Byline to print a new one, or create the "
                        + "first administrator with ./byline user add.",
                setUp ? "Sign in" : null, setUp ? "/admin/login" : null), setUp ? 410 : 404);
    }
}
