package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.Actor;
import dev.byline.account.OneTimeLinks;
import dev.byline.mail.Mail;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /admin/forgot: asks for a password reset link. The answer is the same, and comes as quickly, whether an account
 * uses the address or not: the lookup and the queued mail happen after the answer, on a thread of their own, so
 * neither the words nor the time tell who has an account.
 */
final class ForgotHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ForgotHandler.class);
    /** Requests handled at once; more are dropped (and logged): a flood must not pile up threads. */
    private static final int AT_ONCE = 8;

    private final Accounts accounts;
    private final AdminPages pages;
    private final Semaphore running = new Semaphore(AT_ONCE);

    ForgotHandler(Accounts accounts, AdminPages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    void form(Context ctx, AdminRequest request) {
        pages.render(ctx, "admin/forgot.jte", new AccountLinkViews.ForgotPage(request.chrome(),
                AdminViews.Form.empty()));
    }

    void request(Context ctx, AdminRequest request) {
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        if (!Mail.isAddress(email)) {
            pages.render(ctx, "admin/forgot.jte", new AccountLinkViews.ForgotPage(request.chrome(), Forms.refused(ctx,
                    Map.of("email", "Enter the email address of your account, such as name@example.org."),
                    "email")), 422);
            return;
        }
        inBackground(email, request.actor());
        pages.render(ctx, "admin/notice.jte", new AdminViews.NoticePage(request.chrome(), 200, "Check your email",
                "If an account uses " + email + ", we have sent it a link valid for "
                        + hours(OneTimeLinks.Purpose.PASSWORD_RESET) + ". It can take a few minutes to arrive; "
                        + "look in the spam folder too.", "Back to sign in", "/admin/login"));
    }

    private void inBackground(String email, Actor visitor) {
        if (!running.tryAcquire()) {
            LOG.warn("Too many password reset requests at once; dropped the one for {} from {}", email, visitor.ip());
            return;
        }
        Thread.ofVirtual().name("password-reset-request").start(() -> {
            try {
                accounts.service().requestPasswordReset(email, visitor);
            } catch (RuntimeException e) {
                LOG.error("A password reset request for {} failed", email, e);
            } finally {
                running.release();
            }
        });
    }

    static String hours(OneTimeLinks.Purpose purpose) {
        long hours = purpose.valid.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
