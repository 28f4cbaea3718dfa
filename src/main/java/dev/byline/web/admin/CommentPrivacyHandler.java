package dev.byline.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.byline.comment.CommentPrivacy;
import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * /admin/comments/privacy: an administrator types a commenter's email address and downloads everything stored
 * about their comments as JSON, or erases it. The rules (administrators only, what erasing does, the keys) are
 * {@link CommentPrivacy}'s.
 */
final class CommentPrivacyHandler {

    static final String PATH = CommentsHandler.PATH + "/privacy";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CommentPrivacy privacy;
    private final Doors doors;
    private final AdminPages pages;

    CommentPrivacyHandler(CommentPrivacy privacy, Doors doors, AdminPages pages) {
        this.privacy = privacy;
        this.doors = doors;
        this.pages = pages;
    }

    void show(Context ctx, AdminRequest request) {
        CommentPrivacy.check(request.actor());
        render(ctx, request, AdminViews.Form.empty(), null, 200);
    }

    /** The JSON file, as an attachment; an address with no comments is said on the page. */
    void export(Context ctx, AdminRequest request) {
        CommentPrivacy.Export export;
        try {
            export = privacy.export(request.actor(), ctx.formParam("email"));
        } catch (Invalid invalid) {
            render(ctx, request, Forms.refused(ctx, invalid, "email"), null, 422);
            return;
        }
        if (export.count() == 0) {
            render(ctx, request, new AdminViews.Form(Forms.typed(ctx, "email"), Map.of()),
                    "No comments were found for " + export.email() + ": there is nothing to export.", 200);
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"comments-personal-data-"
                + export.exportedAt().substring(0, 10) + ".json\"");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(json(export).getBytes(StandardCharsets.UTF_8));
    }

    void erase(Context ctx, AdminRequest request) {
        CommentPrivacy.Erased erased;
        try {
            erased = privacy.erase(request.actor(), ctx.formParam("email"), "on".equals(ctx.formParam("delete")));
        } catch (Invalid invalid) {
            render(ctx, request, Forms.refused(ctx, invalid, "email", "delete"), null, 422);
            return;
        }
        if (erased.nothing()) {
            render(ctx, request, new AdminViews.Form(Forms.typed(ctx, "email", "delete"), Map.of()),
                    "No comments were found for " + erased.email() + ": there is nothing to erase.", 200);
            return;
        }
        doors.flash(ctx, "Erased: " + count(erased.anonymised()) + " anonymised, " + count(erased.deleted())
                + " deleted. The pages showing them were updated.");
        ctx.redirect(PATH);
    }

    private void render(Context ctx, AdminRequest request, AdminViews.Form form, String notice, int status) {
        pages.render(ctx, "admin/comment-privacy.jte", new CommentsViews.PrivacyPage(request.chrome(), form, notice),
                status);
    }

    private static String count(int n) {
        return n == 1 ? "1 comment" : n + " comments";
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export is plain records and strings", e);
        }
    }
}
