package dev.byline.web.admin;

import dev.byline.account.OneTimeLinks;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure in the admin as a page in the admin's layout, saying what happened and what to do. */
final class AdminErrors {

    private static final Logger LOG = LoggerFactory.getLogger(AdminErrors.class);

    private final AdminPages pages;
    private final AdminChromes chromes;

    AdminErrors(AdminPages pages, AdminChromes chromes) {
        this.pages = pages;
        this.chromes = chromes;
    }

    void fail(Context ctx, Exception error) {
        switch (error) {
            case dev.byline.account.Passwords.Busy e -> {
                ctx.header("Retry-After", "5");
                show(ctx, 503, "Busy for a moment", e.getMessage());
            }
            case CsrfRefused e -> show(ctx, 403, "This form could not be accepted", e.getMessage());
            case Forbidden e -> show(ctx, 403, "Not allowed", e.getMessage());
            case NotFound e -> show(ctx, 404, "Not found", e.getMessage());
            case OneTimeLinks.Refused e -> show(ctx, e.refusal() == OneTimeLinks.Refusal.UNKNOWN ? 404 : 410,
                    "This link does not work", e.getMessage());
            case BadRequest e -> show(ctx, 400, "That request is not quite right", e.getMessage());
            case Conflict e -> show(ctx, 409, "Someone else saved first", e.getMessage());
            case Invalid e -> show(ctx, 422, "Please check what you sent", String.join(" ", e.fieldErrors().values()));
            case HttpResponseException e when e.getStatus() < 500 -> refused(ctx, e.getStatus());
            case io.javalin.util.BodyAlreadyReadException e -> refused(ctx, 411);
            case Exception e when unreadableBody(e) -> show(ctx, 400, "The form could not be read",
                    "What was sent was cut short or is not a form this page sends (a file upload without its "
                            + "boundary, say). Go back, reload the page and send it again.");
            default -> {
                // the route's pattern, not the path: invitation, reset and setup paths carry a live token
                LOG.error("{} {} failed", ctx.method(), route(ctx), error);
                show(ctx, 500, "Something went wrong on our side",
                        "The error has been logged. Please try again in a moment.");
            }
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }

    private void refused(Context ctx, int status) {
        switch (status) {
            case 404 -> show(ctx, 404, "Not found", "There is no admin page at this address.");
            case 405 -> show(ctx, 405, "Method not allowed", "This address does not take " + ctx.method() + ".");
            case 413 -> show(ctx, 413, "Too much sent", "The request was larger than the admin takes."
                    + (ctx.path().startsWith(MediaLibraryHandler.PATH) ? " Upload at most "
                    + AdminSurface.MAX_UPLOAD_BYTES / (1024 * 1024) + " MB at once (each file at most "
                    + dev.byline.media.MediaLibrary.MAX_FILE_BYTES / (1024 * 1024) + " MB), or fewer files at a time."
                    : ""));
            case 411 -> show(ctx, 411, "Length required", "A file upload must be sent with its length "
                    + "(Content-Length), as browsers send it, not in chunks.");
            default -> show(ctx, status, HttpStatus.forStatus(status).getMessage(), "The request could not be completed.");
        }
    }

    /** A multipart body Jetty could not parse (no boundary, cut short, not multipart at all): the sender's fault. */
    private static boolean unreadableBody(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.http.HttpException bad && bad.getCode() < 500) {
                return true;
            }
        }
        return false;
    }

    /** Scripts asking for JSON (the media library's uploads, the editor's picker) get the failure as JSON. */
    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().endsWith(".json") || (accept != null && accept.contains("application/json"));
    }

    private void show(Context ctx, int status, String heading, String message) {
        if (wantsJson(ctx)) {
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("status", status);
            body.put("title", heading);
            body.put("message", message);
            ctx.status(status).contentType("application/json; charset=utf-8").result(AdminJson.write(body));
            return;
        }
        AdminRequest request = ctx.attribute(Doors.REQUEST);
        var chrome = request == null ? chromes.bare() : request.chrome();
        try {
            pages.render(ctx, "admin/notice.jte", new AdminViews.NoticePage(chrome, status, heading, message,
                    request != null && request.current().isPresent() ? "Go to the dashboard" : "Sign in",
                    request != null && request.current().isPresent() ? "/admin/" : "/admin/login"), status);
        } catch (RuntimeException renderFailure) {
            LOG.error("rendering the admin's {} page failed", status, renderFailure);
            ctx.status(status).contentType("text/html; charset=utf-8").result("<!doctype html><html lang=en><meta "
                    + "charset=utf-8><title>Error</title><h1>" + status + "</h1><p>Something went wrong.</p></html>");
        }
    }
}
