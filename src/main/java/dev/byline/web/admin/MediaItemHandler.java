package dev.byline.web.admin;

import dev.byline.article.ArticleImages;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.media.Media;
import dev.byline.media.MediaLibrary;
import dev.byline.media.MediaUses;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/media/{id}: one image, its alt text, caption and credit (saved through {@link ArticleImages#describe},
 * which re-renders the articles showing it and drops their cached pages), what shows it, and deleting it (refused
 * with the list of what shows it, 409).
 */
final class MediaItemHandler {

    private static final String[] FIELDS = {"alt", "caption", "credit"};

    private final MediaLibrary library;
    private final ArticleImages images;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    MediaItemHandler(MediaLibrary library, ArticleImages images, Doors doors, AdminPages pages,
                     Supplier<ZoneId> zone) {
        this.library = library;
        this.images = images;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, null, null, 200);
    }

    void describe(Context ctx, AdminRequest request) {
        long id = id(ctx);
        try {
            images.describe(request.actor(), id, ctx.formParam("alt"), ctx.formParam("caption"),
                    ctx.formParam("credit"));
        } catch (Invalid invalid) {
            render(ctx, request, Forms.refused(ctx, invalid, FIELDS), null, 422);
            return;
        }
        doors.flash(ctx, "The image's details are saved; the articles showing it show them now.");
        ctx.redirect(MediaLibraryHandler.PATH + "/" + id);
    }

    void delete(Context ctx, AdminRequest request) {
        Media deleted;
        try {
            deleted = library.delete(request.actor(), id(ctx));
        } catch (MediaLibrary.InUse inUse) {
            render(ctx, request, null, inUse.getMessage(), 409);
            return;
        }
        doors.flash(ctx, "The image " + deleted.path().substring(deleted.path().lastIndexOf('/') + 1)
                + " is deleted, with its scaled copies.");
        ctx.redirect(MediaLibraryHandler.PATH);
    }

    /** The page; {@code typed} what a refused form sent (null: the stored details), {@code problem} a refusal. */
    private void render(Context ctx, AdminRequest request, AdminViews.Form typed, String problem, int status) {
        MediaLibrary.Item found = library.find(request.actor(), id(ctx));
        Media media = found.item().media();
        var details = typed != null ? typed : new AdminViews.Form(Map.of("alt", media.alt(), "caption",
                media.caption(), "credit", media.credit()), Map.of());
        var sizes = new ArrayList<MediaViews.Size>();
        for (int width : media.variants()) {
            sizes.add(new MediaViews.Size(width + " × " + media.heightAt(width), media.url(width)));
        }
        sizes.add(new MediaViews.Size(media.width() + " × " + media.height() + " (original)", media.url()));
        MediaUses uses = found.uses();
        pages.render(ctx, "admin/media-item.jte", new MediaViews.ItemPage(request.chrome(),
                MediaTiles.tile(found.item(), zone.get()), media.urlAtLeast(800), media.srcset(), sizes, details,
                found.mayChange(), uses(uses), uses.isEmpty() ? "" : uses.summary(),
                uses.articleCount() - uses.articles().size(), problem), status);
    }

    private static List<MediaViews.UseLine> uses(MediaUses uses) {
        var lines = new ArrayList<MediaViews.UseLine>();
        for (MediaUses.Use article : uses.articles()) {
            lines.add(new MediaViews.UseLine(article.title().isEmpty() ? "(untitled)" : article.title(),
                    article.status(), "/admin/articles/" + article.id()));
        }
        for (MediaUses.Use other : uses.others()) {
            lines.add(other.kind() == MediaUses.Kind.AUTHOR
                    ? new MediaViews.UseLine(other.title(), "author's picture", null)
                    : new MediaViews.UseLine(other.title(), "settings", "/admin/settings"));
        }
        return lines;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such image.");
        }
    }
}
