package dev.byline.web.admin;

import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.taxonomy.Tag;
import dev.byline.taxonomy.TagService;
import dev.byline.web.admin.StructureViews.TagRow;
import dev.byline.web.site.SiteUrls;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * /admin/tags: every tag with how many articles carry it, searched by name; /admin/tags/{id}: rename (the old
 * address redirects), merge into another tag, delete. {@link TagService} decides who may (editors, administrators).
 */
final class TagsHandler {

    static final String PATH = "/admin/tags";

    private final TagService tags;
    private final Doors doors;
    private final AdminPages pages;

    TagsHandler(TagService tags, Doors doors, AdminPages pages) {
        this.tags = tags;
        this.doors = doors;
        this.pages = pages;
    }

    void show(Context ctx, AdminRequest request) {
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = page(ctx.queryParam("page"));
        TagService.Listing listing = tags.list(request.actor(), search, page);
        String base = PATH + (search.isEmpty() ? "?" : "?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&");
        pages.render(ctx, "admin/tags.jte", new StructureViews.TagsPage(request.chrome(), search,
                listing.tags().stream().map(counted -> new TagRow(counted.tag().id(), counted.tag().name(),
                        counted.tag().slug(), SiteUrls.tag(counted.tag().slug()), counted.articles(),
                        counted.published())).toList(),
                listing.total(), listing.page(), listing.pages(),
                listing.page() > 1 ? base + "page=" + (listing.page() - 1) : null,
                listing.page() < listing.pages() ? base + "page=" + (listing.page() + 1) : null));
    }

    void edit(Context ctx, AdminRequest request) {
        TagService.Counted tag = tags.find(request.actor(), id(ctx));
        render(ctx, request, tag, new AdminViews.Form(Map.of("name", tag.tag().name(), "slug", tag.tag().slug(),
                "description", tag.tag().description()), Map.of()), AdminViews.Form.empty(), 200);
    }

    void rename(Context ctx, AdminRequest request) {
        long id = id(ctx);
        TagService.Counted before = tags.find(request.actor(), id);
        try {
            Tag saved = tags.rename(request.actor(), new Tag(id, value(ctx, "slug"), value(ctx, "name"),
                    value(ctx, "description")));
            doors.flash(ctx, "Tag “" + saved.name() + "” saved" + (before.tag().slug().equals(saved.slug()) ? "."
                    : "; its old address " + SiteUrls.tag(before.tag().slug()) + " now leads to "
                    + SiteUrls.tag(saved.slug()) + "."));
            ctx.redirect(PATH + "/" + id);
        } catch (Invalid invalid) {
            render(ctx, request, before, Forms.refused(ctx, invalid, "name", "slug", "description"),
                    AdminViews.Form.empty(), 422);
        }
    }

    void merge(Context ctx, AdminRequest request) {
        long id = id(ctx);
        TagService.Counted from = tags.find(request.actor(), id);
        try {
            Tag into = tags.merge(request.actor(), id, value(ctx, "into"));
            doors.flash(ctx, "“" + from.tag().name() + "” was merged into “" + into.name() + "”: its articles carry “"
                    + into.name() + "”, and " + SiteUrls.tag(from.tag().slug()) + " leads to "
                    + SiteUrls.tag(into.slug()) + ".");
            ctx.redirect(PATH + "/" + into.id());
        } catch (Invalid invalid) {
            render(ctx, request, from, new AdminViews.Form(Map.of("name", from.tag().name(), "slug",
                    from.tag().slug(), "description", from.tag().description()), Map.of()),
                    Forms.refused(ctx, invalid, "into"), 422);
        }
    }

    void delete(Context ctx, AdminRequest request) {
        Tag deleted = tags.delete(request.actor(), id(ctx));
        doors.flash(ctx, "Tag “" + deleted.name() + "” deleted; the articles that carried it no longer do.");
        ctx.redirect(PATH);
    }

    private void render(Context ctx, AdminRequest request, TagService.Counted tag, AdminViews.Form form,
                        AdminViews.Form merge, int status) {
        pages.render(ctx, "admin/tag.jte", new StructureViews.TagPage(request.chrome(), tag.tag().id(),
                tag.tag().name(), SiteUrls.tag(tag.tag().slug()), tag.articles(), tag.published(), form, merge),
                status);
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }

    private static int page(String text) {
        try {
            return text == null ? 1 : Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such tag.");
        }
    }
}
