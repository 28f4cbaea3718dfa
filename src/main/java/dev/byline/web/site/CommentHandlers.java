package dev.byline.web.site;

import dev.byline.account.Actor;
import dev.byline.account.User;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentService;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.CommentStore;
import dev.byline.comment.Submission;
import dev.byline.comment.Throttled;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.web.support.Bypass;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comment form's two routes. {@code POST /comments} takes a comment through {@link CommentService#post} and
 * answers 303 to the comment's anchor (held: with a short-lived signed cookie, scoped to the article's path, naming
 * it, so its author sees it "awaiting moderation" on a page rendered for them alone while everyone else keeps
 * getting the cached page); refused, the article page comes back with the form, a message at each field and
 * everything typed (422; 409 duplicate; 429 too often, with Retry-After; 403 closed or an unapproved parent).
 * {@code GET /comments/token} gives the script a fresh form token.
 */
final class CommentHandlers {

    /** How long the held cookie stands: its comment is usually approved or refused well before. */
    static final Duration HELD_FOR = Duration.ofDays(7);

    private final SiteRoutes.CommentNeeds needs;
    private final SiteViews views;
    private final SiteUrls urls;
    private final PageResponder responder;

    CommentHandlers(SiteRoutes.CommentNeeds needs, SiteViews views, SiteUrls urls, PageResponder responder) {
        this.needs = needs;
        this.views = views;
        this.urls = urls;
        this.responder = responder;
    }

    Discussions discussions() {
        return needs.discussions();
    }

    /** What this request's reader brings to an article page (nothing, unless it carries their cookies). */
    Discussions.Reader reader(Context ctx) {
        String heldCookie = ctx.cookie(Bypass.HELD_COMMENT_COOKIE);
        List<Long> held = heldCookie == null ? List.of() : needs.service().tokens().openHeld(heldCookie);
        String staffName = staff(ctx).map(User::displayName).orElse(null);
        long replyTo = parseId(ctx.queryParam("replytocom"));
        return new Discussions.Reader(held, staffName, replyTo, null);
    }

    void token(Context ctx) {
        long articleId = parseId(ctx.queryParam("article"));
        ctx.header(Header.CACHE_CONTROL, "no-store").contentType("text/plain; charset=utf-8")
                .result(needs.service().tokens().issue(articleId));
    }

    /** The one-click link in a follow-up mail: no more replies by mail for that address on that article. */
    void unsubscribe(Context ctx) {
        boolean done = needs.service().unsubscribe(parseId(ctx.queryParam("c")), ctx.queryParam("s"));
        String heading = done ? "You are unsubscribed" : "This link does not work";
        String message = done ? "You will get no more emails about replies to your comments on this article."
                : "The link is not complete or was changed. Copy the whole link from the email and try again.";
        responder.serveForOneReader(ctx, done ? 200 : 400, "error.jte", () -> new SiteViews.Rendered<>(
                views.error(done ? 200 : 400, heading, message), new java.util.LinkedHashSet<>()));
    }

    void post(Context ctx) {
        long articleId = parseId(ctx.formParam("comment_post_ID"));
        if (articleId == 0) {
            throw new BadRequest("No comment came with this request: write it in the form under the article, "
                    + "then press Post Comment.");
        }
        CommentStore.Target article = needs.service().article(articleId).filter(CommentStore.Target::published)
                .orElseThrow(() -> new NotFound("This article does not exist, or is no longer published."));
        String path = urls.article(article.slug(), article.publishedAt());
        Optional<User> staff = staff(ctx);
        var submission = new Submission(articleId, parseId(ctx.formParam("comment_parent")),
                ctx.formParam("author"), ctx.formParam("email"), ctx.formParam("url"), ctx.formParam("comment"),
                ctx.formParam("subscribe_comments") != null, ctx.ip(), ctx.userAgent(), ctx.formParam("homepage"),
                ctx.formParam("form_token"), staff.map(user -> new Submission.Staff(Actor.of(user, ctx.ip()),
                user.displayName(), user.email())).orElse(null));
        try {
            Comment comment = needs.service().post(submission).comment();
            String page = SiteUrls.page(SiteUrls.wire(path), needs.service().pageOf(comment));
            if (comment.status() == CommentStatus.PENDING) {
                holdFor(ctx, path, comment.id());
            }
            boolean shown = comment.status() == CommentStatus.APPROVED || comment.status() == CommentStatus.PENDING;
            ctx.redirect(shown ? page + "#comment-" + comment.id() : SiteUrls.wire(path) + "#comments",
                    HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            refused(ctx, 422, article, path, submission, formMessage(invalid), fieldErrors(invalid));
        } catch (Conflict duplicate) {
            refused(ctx, 409, article, path, submission, duplicate.getMessage(), Map.of());
        } catch (Throttled throttled) {
            ctx.header(Header.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            refused(ctx, 429, article, path, submission, throttled.getMessage(), Map.of());
        } catch (Forbidden forbidden) {
            refused(ctx, 403, article, path, submission, forbidden.getMessage(), Map.of());
        }
    }

    /** The article page again, for this reader alone, with the form as they sent it and what is wrong. */
    private void refused(Context ctx, int status, CommentStore.Target article, String path, Submission submission,
                         String message, Map<String, String> errors) {
        var values = new LinkedHashMap<String, String>();
        values.put("author", submission.name());
        values.put("email", submission.email());
        values.put("url", submission.url());
        values.put("comment", submission.text());
        var refused = new Discussions.Refused(message, values, errors, submission.followUps(),
                ctx.formParam("wp-comment-cookies-consent") != null);
        Discussions.Reader base = reader(ctx);
        var reader = new Discussions.Reader(base.held(), base.staffName(), submission.parentId(), refused);
        long page = submission.parentId() == 0 ? 1 : needs.service().find(submission.parentId())
                .map(needs.service()::pageOf).orElse(1L);
        responder.serveForOneReader(ctx, status, "article.jte",
                () -> needs.discussions().attach(views.article(article.slug(), path), page, reader));
    }

    /** Adds the comment to the reader's held cookie for this article (at most the newest 20). */
    private void holdFor(Context ctx, String path, long commentId) {
        var ids = new ArrayList<>(needs.service().tokens().openHeld(ctx.cookie(Bypass.HELD_COMMENT_COOKIE)));
        ids.add(commentId);
        List<Long> kept = ids.subList(Math.max(0, ids.size() - 20), ids.size());
        var cookie = new Cookie(Bypass.HELD_COMMENT_COOKIE, needs.service().tokens().sealHeld(kept,
                needs.clock().instant().plus(HELD_FOR)));
        cookie.setPath(SiteUrls.wire(path));
        cookie.setMaxAge((int) HELD_FOR.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(ctx.req().isSecure());
        cookie.setAttribute("SameSite", "Lax");
        ctx.res().addCookie(cookie);
    }

    private Optional<User> staff(Context ctx) {
        String token = ctx.cookie(Bypass.SESSION_COOKIE);
        return token == null ? Optional.empty() : needs.staff().apply(token);
    }

    private static String formMessage(Invalid invalid) {
        return invalid.fieldErrors().get("form");
    }

    private static Map<String, String> fieldErrors(Invalid invalid) {
        var errors = new LinkedHashMap<>(invalid.fieldErrors());
        errors.remove("form");
        return errors;
    }

    /** An id from a form or query: absent or empty is 0; anything but digits is a bad request. */
    static long parseId(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        if (raw.length() > 18 || !raw.strip().chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequest("“" + raw + "” is not a number.");
        }
        return Long.parseLong(raw.strip());
    }
}
