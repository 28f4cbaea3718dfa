package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.error.Invalid;
import dev.byline.web.admin.PeopleViews.ProfileForms;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The profile page's security forms: changing one's password (every other session ends), signing one other
 * browser out, and signing out everywhere else.
 */
final class AccountSecurityHandler {

    private final Accounts accounts;
    private final Doors doors;
    private final ProfileHandler profile;

    AccountSecurityHandler(Accounts accounts, Doors doors, ProfileHandler profile) {
        this.accounts = accounts;
        this.doors = doors;
        this.profile = profile;
    }

    void changePassword(Context ctx, AdminRequest request) {
        String next = ctx.formParam("password");
        try {
            if (next != null && !next.equals(ctx.formParam("password2"))) {
                throw new Invalid(Map.of("password2", "The two new passwords are not the same."));
            }
            accounts.service().changePassword(request.actor(), ctx.formParam("current"), next, request.sessionId());
        } catch (Invalid invalid) {
            // nothing typed comes back: every field of this form is a password
            profile.render(ctx, request, new ProfileForms(AdminViews.Form.empty(), AdminViews.Form.empty(),
                    new AdminViews.Form(Map.of(), invalid.fieldErrors())), 422);
            return;
        }
        doors.flash(ctx, "Your password is changed. You were signed out everywhere else.");
        ctx.redirect("/admin/profile");
    }

    void endSession(Context ctx, AdminRequest request) {
        accounts.service().endSession(request.actor(), ctx.formParam("session"));
        doors.flash(ctx, "That browser is signed out.");
        ctx.redirect("/admin/profile#sessions");
    }

    void signOutOthers(Context ctx, AdminRequest request) {
        int ended = accounts.service().signOutEverywhere(request.actor(), request.sessionId());
        doors.flash(ctx, ended == 0 ? "You were signed in nowhere else."
                : "Signed out of " + ended + (ended == 1 ? " other browser." : " other browsers."));
        ctx.redirect("/admin/profile#sessions");
    }
}
