package dev.byline.web.admin;

import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Autosaved;
import dev.byline.article.Desk;
import dev.byline.article.Kind;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.web.admin.ArticleForm.Action;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editor: /admin/articles/new (and /admin/pages/new), /admin/articles/{id}; saving with the button's status,
 * trash and restore. A refusal shows the form again with what was typed and a message at each field (422); a
 * save over a newer version shows both versions, theirs beside the person's own, kept in the form (409). The
 * page itself is {@link EditorPages}'; the Desk decides everything.
 */
final class ArticleEditorHandler {

    private final Desk desk;
    private final EditorPages pages;
    private final Doors doors;

    ArticleEditorHandler(Desk desk, EditorPages pages, Doors doors) {
        this.desk = desk;
        this.pages = pages;
        this.doors = doors;
    }

    void newArticle(Context ctx, AdminRequest request) {
        Kind kind = ctx.path().startsWith(ArticlesHandler.PAGES) ? Kind.PAGE : Kind.ARTICLE;
        Policy.require(request.actor(), kind == Kind.PAGE ? Capability.EDIT_OTHERS_ARTICLES : Capability.WRITE_ARTICLES,
                kind == Kind.PAGE ? "write pages" : "write articles");
        pages.show(ctx, request, Optional.empty(), kind, ArticleForm.blank(kind, request.actor().authorId()),
                Map.of(), null, 200);
    }

    void edit(Context ctx, AdminRequest request) {
        Article article = find(ctx, request);
        desk.here(request.actor(), article.id());
        pages.show(ctx, request, Optional.of(article), article.kind(), pages.formOf(article), Map.of(), null, 200);
    }

    /** POST /admin/articles/new and /admin/articles/{id}: save with the status the button asks for. */
    void save(Context ctx, AdminRequest request) {
        Optional<Article> current = ctx.pathParamMap().containsKey("id") ? Optional.of(find(ctx, request))
                : Optional.empty();
        Map<String, String> typed = ArticleForm.typed(ctx);
        Kind kind = current.map(Article::kind).orElseGet(() -> Kind.parse(typed.get("kind")).orElse(Kind.ARTICLE));
        Action action = Action.parse(ctx.formParam("action")).orElse(Action.UPDATE);
        Article saved;
        try {
            ArticleDraft draft = ArticleForm.draft(typed, current.map(Article::id).orElse(0L), action, current,
                    pages.zone());
            saved = desk.save(request.actor(), draft);
        } catch (Invalid invalid) {
            pages.show(ctx, request, current, kind, typed, ArticleForm.atFields(invalid.fieldErrors()), null, 422);
            return;
        } catch (Conflict conflict) {
            Article theirs = current.flatMap(article -> desk.find(request.actor(), article.id()))
                    .orElseThrow(() -> conflict);
            var kept = new LinkedHashMap<>(typed);
            kept.put("version", String.valueOf(theirs.version())); // saving again replaces theirs, knowingly
            pages.show(ctx, request, Optional.of(theirs), kind, kept, Map.of(), theirs, 409);
            return;
        }
        doors.flash(ctx, flash(saved, action));
        ctx.redirect(ArticlesHandler.ARTICLES + "/" + saved.id());
    }

    void trash(Context ctx, AdminRequest request) {
        Article article = find(ctx, request);
        desk.trash(request.actor(), article.id(), version(ctx));
        doors.flash(ctx, "“" + article.title() + "” is in the trash. It is deleted for good after " + Desk.TRASH_DAYS
                + " days; until then it can be restored.");
        ctx.redirect(article.isPage() ? ArticlesHandler.PAGES : ArticlesHandler.ARTICLES);
    }

    void restore(Context ctx, AdminRequest request) {
        Article restored = desk.restore(request.actor(), find(ctx, request).id());
        doors.flash(ctx, "“" + restored.title() + "” is back, " + restored.status().label().toLowerCase() + ".");
        ctx.redirect(ArticlesHandler.ARTICLES + "/" + restored.id());
    }

    /** POST …/{id}/delete: an article in the trash deleted for good, with its revisions and notes. */
    void deleteForever(Context ctx, AdminRequest request) {
        Article article = find(ctx, request);
        desk.deleteForever(request.actor(), article.id());
        doors.flash(ctx, "“" + article.title() + "” is deleted for good.");
        ctx.redirect((article.isPage() ? ArticlesHandler.PAGES : ArticlesHandler.ARTICLES) + "?status=trash");
    }

    private static String flash(Article saved, Action action) {
        String title = "“" + saved.title() + "”";
        return switch (saved.status()) {
            case PUBLISHED -> action == Action.UPDATE ? title + " is updated on the site." : title + " is published.";
            case SCHEDULED -> title + " is scheduled.";
            case PENDING -> title + " is waiting for an editor's review.";
            case PRIVATE -> title + " is saved (private).";
            default -> title + " is saved as a draft.";
        };
    }

    Article find(Context ctx, AdminRequest request) {
        long id = id(ctx);
        return desk.find(request.actor(), id)
                .orElseThrow(() -> new NotFound("There is no article " + id + "; it may have been deleted."));
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such article.");
        }
    }

    private static long version(Context ctx) {
        try {
            return Long.parseLong(String.valueOf(ctx.formParam("version")));
        } catch (NumberFormatException e) {
            throw new dev.byline.error.BadRequest("The form had no version: reload the article and try again.");
        }
    }

}
