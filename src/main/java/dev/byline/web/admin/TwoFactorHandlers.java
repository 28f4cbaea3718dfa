package dev.byline.web.admin;

import dev.byline.account.TwoFactorService;
import dev.byline.account.User;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * /admin/profile/two-factor: one's own second factor. The page shows its status; when it is off, a fresh secret
 * to scan with the app and a field for the app's first code; when it is on, forms to replace the recovery codes
 * and to turn it off (each asking for the password or a code). The recovery codes are shown once, in the answer
 * to the form that made them, never stored in a page or a cookie.
 */
final class TwoFactorHandlers {

    static final String PAGE = Doors.TWO_FACTOR_PAGE;

    private final TwoFactorService twoFactor;
    private final Doors doors;
    private final AdminPages pages;
    private final Predicate<User> required;

    TwoFactorHandlers(TwoFactorService twoFactor, Doors doors, AdminPages pages, Predicate<User> required) {
        this.twoFactor = twoFactor;
        this.doors = doors;
        this.pages = pages;
        this.required = required;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, null, AdminViews.Form.empty(), AdminViews.Form.empty(), AdminViews.Form.empty(), 200);
    }

    void setUp(Context ctx, AdminRequest request) {
        String seal = ctx.formParam("seal");
        List<String> codes;
        try {
            codes = twoFactor.confirm(request.actor(), request.sessionId(), seal, ctx.formParam("code"));
        } catch (Invalid invalid) {
            // the same QR code again after a wrong code (the app holds it already); a new one if the seal is stale
            var enrolment = twoFactor.resume(request.actor(), request.sessionId(), seal)
                    .orElseGet(() -> twoFactor.begin(request.actor(), request.sessionId()));
            render(ctx, request, enrolment, Forms.refused(ctx, invalid, "code"), AdminViews.Form.empty(),
                    AdminViews.Form.empty(), 422);
            return;
        } catch (Conflict conflict) {
            doors.flash(ctx, conflict.getMessage());
            ctx.redirect(PAGE);
            return;
        }
        pages.render(ctx, "admin/recovery-codes.jte", new TwoFactorViews.RecoveryCodesPage(request.chrome(),
                "Two-factor authentication is on", "From now on, signing in asks for a code from your app.", codes));
    }

    void renewCodes(Context ctx, AdminRequest request) {
        List<String> codes;
        try {
            codes = twoFactor.regenerate(request.actor(), ctx.formParam("renewProof"));
        } catch (Invalid invalid) {
            render(ctx, request, null, AdminViews.Form.empty(), proofRefused(invalid, "renewProof"),
                    AdminViews.Form.empty(), 422);
            return;
        } catch (Conflict conflict) {
            doors.flash(ctx, conflict.getMessage());
            ctx.redirect(PAGE);
            return;
        }
        pages.render(ctx, "admin/recovery-codes.jte", new TwoFactorViews.RecoveryCodesPage(request.chrome(),
                "New recovery codes", "Your old recovery codes no longer work.", codes));
    }

    void turnOff(Context ctx, AdminRequest request) {
        try {
            twoFactor.disable(request.actor(), ctx.formParam("offProof"));
        } catch (Invalid invalid) {
            render(ctx, request, null, AdminViews.Form.empty(), AdminViews.Form.empty(),
                    proofRefused(invalid, "offProof"), 422);
            return;
        } catch (Conflict conflict) {
            doors.flash(ctx, conflict.getMessage());
            ctx.redirect(PAGE);
            return;
        }
        doors.flash(ctx, "Two-factor authentication is off. Signing in asks for your password only.");
        ctx.redirect(PAGE);
    }

    /** The page; when the second factor is off, with {@code enrolment} or a fresh one. */
    private void render(Context ctx, AdminRequest request, TwoFactorService.Enrolment enrolment,
                        AdminViews.Form setUpForm, AdminViews.Form renewForm, AdminViews.Form offForm, int status) {
        User user = request.user();
        var state = twoFactor.status(request.actor(), user.id());
        TwoFactorService.Enrolment shown = state.enabled() ? null
                : enrolment != null ? enrolment : twoFactor.begin(request.actor(), request.sessionId());
        pages.render(ctx, "admin/two-factor.jte", new TwoFactorViews.TwoFactorPage(request.chrome(), state.enabled(),
                state.recoveryCodesLeft(), required.test(user), shown == null ? null
                        : new TwoFactorViews.SetUp(shown.seal(), shown.secret(), shown.uri(), shown.qrSvg()),
                setUpForm, renewForm, offForm), status);
    }

    /** The service's message on the form's own field; what was typed there (perhaps a password) is not kept. */
    private static AdminViews.Form proofRefused(Invalid invalid, String field) {
        return new AdminViews.Form(Map.of(), Map.of(field, invalid.fieldErrors().getOrDefault("proof",
                String.join(" ", invalid.fieldErrors().values()))));
    }
}
