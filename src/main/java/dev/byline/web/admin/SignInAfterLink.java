package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.SignIn;
import io.javalin.http.Context;

/**
 * After a mailed link set a password (a reset, an accepted invitation): sign in with it, as the sign-in page
 * would, so a second factor is still asked for, and say what happened.
 */
final class SignInAfterLink {

    private SignInAfterLink() {
    }

    static void signIn(Accounts accounts, Doors doors, Context ctx, String email, String password, String done) {
        switch (accounts.signIn().password(email, password, ctx.ip(), ctx.userAgent())) {
            case SignIn.Done signedIn -> {
                doors.startSession(ctx, signedIn.opened());
                doors.flash(ctx, done);
                ctx.redirect("/admin/");
            }
            case SignIn.CodeDue due -> {
                doors.startSession(ctx, due.opened());
                doors.flash(ctx, done + " Enter the code from your authenticator app to finish signing in.");
                ctx.redirect("/admin/login/code");
            }
            case SignIn.Refused refused -> signInAgain(doors, ctx, done);
            case SignIn.Locked locked -> signInAgain(doors, ctx, done);
        }
    }

    private static void signInAgain(Doors doors, Context ctx, String done) {
        doors.endSession(ctx);
        doors.flash(ctx, done + " Please sign in with your new password.");
        ctx.redirect("/admin/login");
    }

    /** The heading of the page that says a link does not work. */
    static String heading(OneTimeLinks.Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN -> "This link does not work";
            case USED -> "This link has already been used";
            case EXPIRED -> "This link has expired";
        };
    }
}
