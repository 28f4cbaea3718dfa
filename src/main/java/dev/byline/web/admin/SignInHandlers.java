package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.SignIn;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** /admin/login (email and password), /admin/login/code (the second factor), /admin/logout. */
final class SignInHandlers {

    private final Accounts accounts;
    private final Doors doors;
    private final AdminPages pages;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    SignInHandlers(Accounts accounts, Doors doors, AdminPages pages, Clock clock, Supplier<ZoneId> zone) {
        this.accounts = accounts;
        this.doors = doors;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    void form(Context ctx, AdminRequest request) {
        if (request.current().filter(c -> c.session().signedIn()).isPresent()) {
            ctx.redirect(Forms.localNext(ctx.queryParam("next")));
            return;
        }
        pages.render(ctx, "admin/login.jte", new AdminViews.LoginPage(request.chrome(), AdminViews.Form.empty(),
                Forms.localNext(ctx.queryParam("next"))));
    }

    void signIn(Context ctx, AdminRequest request) {
        String next = Forms.localNext(ctx.formParam("next"));
        SignIn.Result result = accounts.signIn().password(ctx.formParam("email"), ctx.formParam("password"),
                ctx.ip(), ctx.userAgent());
        switch (result) {
            case SignIn.Done done -> {
                doors.startSession(ctx, done.opened());
                ctx.redirect(next);
            }
            case SignIn.CodeDue due -> {
                doors.startSession(ctx, due.opened());
                ctx.redirect("/admin/login/code?next=" + java.net.URLEncoder.encode(next,
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            case SignIn.Refused refused -> pages.render(ctx, "admin/login.jte", new AdminViews.LoginPage(
                    request.chrome(), Forms.refused(ctx, Map.of("form", refused.message()), "email"), next), 401);
            case SignIn.Locked locked -> pages.render(ctx, "admin/login.jte", new AdminViews.LoginPage(
                    request.chrome(), Forms.refused(ctx, Map.of("form", lockedMessage(locked.until())), "email"),
                    next), 429);
        }
    }

    void codeForm(Context ctx, AdminRequest request) {
        pages.render(ctx, "admin/code.jte", new AdminViews.CodePage(request.chrome(), AdminViews.Form.empty()));
    }

    void code(Context ctx, AdminRequest request) {
        SignIn.Result result = accounts.signIn().code(request.current().orElseThrow(), ctx.formParam("code"),
                ctx.ip(), ctx.userAgent());
        switch (result) {
            case SignIn.Done done -> {
                doors.startSession(ctx, done.opened());
                ctx.redirect(Forms.localNext(ctx.queryParam("next")));
            }
            case SignIn.Locked locked -> pages.render(ctx, "admin/code.jte", new AdminViews.CodePage(request.chrome(),
                    Forms.refused(ctx, Map.of("code", lockedMessage(locked.until())))), 429);
            case SignIn.Refused refused -> pages.render(ctx, "admin/code.jte", new AdminViews.CodePage(
                    request.chrome(), Forms.refused(ctx, Map.of("code", refused.message()), "code")), 401);
            case SignIn.CodeDue due -> throw new IllegalStateException("a code step never asks for another code");
        }
    }

    void signOut(Context ctx, AdminRequest request) {
        request.current().ifPresent(current -> accounts.signIn().signOut(current, ctx.ip()));
        doors.endSession(ctx);
        doors.flash(ctx, "You have signed out.");
        ctx.redirect("/admin/login");
    }

    /** "Too many failed sign-ins. You may try again at 14:05 UTC (in 12 minutes)." */
    private String lockedMessage(Instant until) {
        long minutes = Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
        return "Too many failed attempts. You may try again at "
                + DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH).withZone(zone.get()).format(until)
                + " (in " + minutes + (minutes == 1 ? " minute" : " minutes") + ").";
    }
}
