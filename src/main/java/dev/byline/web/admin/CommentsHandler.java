package dev.byline.web.admin;

import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.CommentModeration.Action;
import dev.byline.comment.CommentQueue;
import dev.byline.comment.CommentService;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/comments: the moderation queue (pending, approved, spam, trash; everyone's or one article's), each
 * comment's buttons, bulk actions, one comment's page to edit it or reply, and opening or closing an article's
 * discussion. The rules (who moderates what, versions, keys) are {@link CommentModeration}'s.
 */
final class CommentsHandler {

    static final String PATH = "/admin/comments";

    private final CommentQueue queue;
    private final CommentModeration moderation;
    private final CommentService comments;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;
    private final String scriptUrl;

    CommentsHandler(CommentQueue queue, CommentModeration moderation, CommentService comments, Doors doors,
                    AdminPages pages, Supplier<ZoneId> zone, String scriptUrl) {
        this.queue = queue;
        this.moderation = moderation;
        this.comments = comments;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
        this.scriptUrl = scriptUrl;
    }

    void show(Context ctx, AdminRequest request) {
        CommentStatus status = CommentStatus.parse(ctx.queryParamAsClass("status", String.class)
                .getOrDefault("pending")).orElseThrow(() -> new BadRequest("Choose pending, approved, spam or trash."));
        long articleId = number(ctx.queryParam("article"));
        long page = Math.max(1, number(ctx.queryParam("page")));
        CommentQueue.Page listed = queue.list(request.actor(), status, articleId, page);
        String base = PATH + "?" + (articleId == 0 ? "" : "article=" + articleId + "&");
        var tabs = java.util.Arrays.stream(CommentStatus.values()).map(each -> new CommentsViews.Tab(each.label(),
                base + "status=" + each.dbValue(), listed.counts().get(each), each == status)).toList();
        String title = articleId == 0 ? null : queue.articleTitle(request.actor(), articleId)
                .orElseThrow(() -> new NotFound("There is no such article among those whose comments you moderate."));
        boolean closed = articleId != 0 && comments.article(articleId).map(a -> a.closed()).orElse(false);
        String here = base + "status=" + status.dbValue() + (page > 1 ? "&page=" + page : "");
        pages.render(ctx, "admin/comments.jte", new CommentsViews.QueuePage(request.chrome(),
                title == null ? "Comments" : "Comments on “" + title + "”", status.dbValue(), tabs,
                listed.rows().stream().map(this::row).toList(), bulk(status), articleId, title, closed,
                page > 1 ? base + "status=" + status.dbValue() + "&page=" + (page - 1) : null,
                listed.hasMore() ? base + "status=" + status.dbValue() + "&page=" + (page + 1) : null, here,
                scriptUrl, request.actor().can(dev.byline.account.Capability.HANDLE_PERSONAL_DATA)));
    }

    /** One comment's button: approve, unapprove, spam, not spam, trash, restore, delete. */
    void moderate(Context ctx, AdminRequest request) {
        long id = pathId(ctx);
        Action action = Action.parse(ctx.formParam("action"))
                .orElseThrow(() -> new BadRequest("Choose what to do with the comment."));
        moderation.act(request.actor(), id, version(ctx, id), action);
        doors.flash(ctx, done(action, 1));
        ctx.redirect(returnTo(ctx));
    }

    /** The ticked comments, each on its own as if its button had been pressed; refusals listed. */
    void bulk(Context ctx, AdminRequest request) {
        Action action = Action.parse(ctx.formParam("bulk_action"))
                .orElseThrow(() -> new BadRequest("Choose what to do with the ticked comments."));
        int done = 0;
        var refused = new ArrayList<String>();
        for (String raw : ctx.formParams("ids")) {
            long id = number(raw);
            try {
                moderation.act(request.actor(), id, version(ctx, id), action);
                done++;
            } catch (Conflict | Forbidden | NotFound e) {
                refused.add("comment " + id + ": " + e.getMessage());
            }
        }
        doors.flash(ctx, (done == 0 && refused.isEmpty() ? "No comment was ticked." : done(action, done))
                + (refused.isEmpty() ? "" : " Not done: " + String.join(" ", refused)));
        ctx.redirect(returnTo(ctx));
    }

    void edit(Context ctx, AdminRequest request) {
        Comment comment = comments.find(pathId(ctx)).orElseThrow(() -> new NotFound("There is no such comment."));
        var form = new AdminViews.Form(Map.of("author", comment.authorName(), "email", comment.authorEmail(),
                "url", comment.authorUrl(), "comment", comment.body(), "version", String.valueOf(comment.version())),
                Map.of());
        renderEdit(ctx, request, comment, form, AdminViews.Form.empty(), null, 200);
    }

    void save(Context ctx, AdminRequest request) {
        long id = pathId(ctx);
        Comment comment = comments.find(id).orElseThrow(() -> new NotFound("There is no such comment."));
        try {
            moderation.edit(request.actor(), id, number(ctx.formParam("version")), ctx.formParam("author"),
                    ctx.formParam("email"), ctx.formParam("url"), ctx.formParam("comment"));
        } catch (Invalid invalid) {
            renderEdit(ctx, request, comment, Forms.refused(ctx, invalid, "author", "email", "url", "comment",
                    "version"), AdminViews.Form.empty(), null, 422);
            return;
        } catch (Conflict conflict) {
            var typed = new java.util.HashMap<>(Forms.typed(ctx, "author", "email", "url", "comment"));
            typed.put("version", String.valueOf(comment.version()));
            renderEdit(ctx, request, comment, new AdminViews.Form(typed, Map.of()), AdminViews.Form.empty(),
                    conflict.getMessage(), 409);
            return;
        }
        doors.flash(ctx, "Comment saved.");
        ctx.redirect(returnTo(ctx));
    }

    void reply(Context ctx, AdminRequest request) {
        long id = pathId(ctx);
        Comment parent = comments.find(id).orElseThrow(() -> new NotFound("There is no such comment."));
        var user = request.user();
        try {
            moderation.reply(request.actor(), new Submission.Staff(request.actor(), user.displayName(), user.email()),
                    id, ctx.formParam("reply"), comments);
        } catch (Invalid invalid) {
            renderEdit(ctx, request, parent, new AdminViews.Form(Map.of("author", parent.authorName(),
                    "email", parent.authorEmail(), "url", parent.authorUrl(), "comment", parent.body(),
                    "version", String.valueOf(parent.version())), Map.of()),
                    new AdminViews.Form(Forms.typed(ctx, "reply"), Map.of("reply",
                            String.join(" ", invalid.fieldErrors().values()))), null, 422);
            return;
        }
        doors.flash(ctx, "Reply published.");
        ctx.redirect(returnTo(ctx));
    }

    /** Closes or opens one article's discussion ({@code closed} = on or off). */
    void close(Context ctx, AdminRequest request) {
        long articleId = pathId(ctx);
        boolean closed = "on".equals(ctx.formParam("closed"));
        moderation.close(request.actor(), articleId, closed);
        doors.flash(ctx, closed ? "Comments are closed on this article." : "Comments are open on this article.");
        ctx.redirect(PATH + "?article=" + articleId);
    }

    private void renderEdit(Context ctx, AdminRequest request, Comment comment, AdminViews.Form form,
                            AdminViews.Form reply, String formError, int status) {
        moderation.check(request.actor(), comment.id());
        CommentQueue.Row listed = queue.list(request.actor(), comment.status(), comment.articleId(), 1).rows()
                .stream().filter(r -> r.comment().id() == comment.id()).findFirst()
                .orElseGet(() -> new CommentQueue.Row(comment,
                        queue.articleTitle(request.actor(), comment.articleId()).orElse(""),
                        new CommentQueue.History(0, 0, 0, 0)));
        pages.render(ctx, "admin/comment.jte", new CommentsViews.EditPage(request.chrome(), row(listed), form, reply,
                formError, returnTo(ctx)), status);
    }

    private CommentsViews.Row row(CommentQueue.Row listed) {
        Comment c = listed.comment();
        var history = listed.history();
        var parts = new ArrayList<String>();
        if (history.approved() > 0) {
            parts.add(history.approved() + " approved");
        }
        if (history.pending() > 0) {
            parts.add(history.pending() + " pending");
        }
        if (history.spam() > 0) {
            parts.add(history.spam() + " spam");
        }
        if (history.trash() > 0) {
            parts.add(history.trash() + " in the trash");
        }
        return new CommentsViews.Row(c.id(), c.version(), c.authorName(), c.authorEmail(), c.authorUrl(), c.ip(),
                c.staff(), c.bodyHtml(), AdminDates.dateTime(c.createdAt(), zone.get()),
                AdminDates.iso(c.createdAt(), zone.get()), c.articleId(), listed.articleTitle(), c.status().label(),
                c.reason(), history.total() <= 1 ? "First comment from this email" : String.join(", ", parts),
                buttons(c.status()));
    }

    private static List<CommentsViews.Button> buttons(CommentStatus status) {
        return switch (status) {
            case PENDING -> List.of(button(Action.APPROVE), button(Action.SPAM), button(Action.TRASH));
            case APPROVED -> List.of(button(Action.UNAPPROVE), button(Action.SPAM), button(Action.TRASH));
            case SPAM -> List.of(button(Action.NOT_SPAM), button(Action.DELETE));
            case TRASH -> List.of(button(Action.RESTORE), button(Action.DELETE));
        };
    }

    private static List<CommentsViews.Button> bulk(CommentStatus status) {
        return buttons(status);
    }

    private static CommentsViews.Button button(Action action) {
        return new CommentsViews.Button(action.key(), label(action), action == Action.DELETE);
    }

    static String label(Action action) {
        return switch (action) {
            case APPROVE -> "Approve";
            case UNAPPROVE -> "Unapprove";
            case SPAM -> "Spam";
            case NOT_SPAM -> "Not spam";
            case TRASH -> "Trash";
            case RESTORE -> "Restore";
            case DELETE -> "Delete permanently";
        };
    }

    private static String done(Action action, int count) {
        String what = count == 1 ? "1 comment" : count + " comments";
        return switch (action) {
            case APPROVE -> what + " approved.";
            case UNAPPROVE -> what + " unapproved.";
            case SPAM -> what + " marked as spam.";
            case NOT_SPAM -> what + " restored from spam.";
            case TRASH -> what + " moved to the trash.";
            case RESTORE -> what + " restored from the trash.";
            case DELETE -> what + " deleted permanently.";
        };
    }

    private static long version(Context ctx, long id) {
        String raw = ctx.formParam("version-" + id);
        if (raw == null) {
            raw = ctx.formParam("version");
        }
        return number(raw);
    }

    private static String returnTo(Context ctx) {
        String back = ctx.formParam("return_to");
        return back != null && back.startsWith(PATH) && !back.startsWith("//") && !back.contains("\n")
                ? back : PATH;
    }

    private static long pathId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such comment.");
        }
    }

    private static long number(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("“" + raw + "” is not a number.");
        }
    }
}
