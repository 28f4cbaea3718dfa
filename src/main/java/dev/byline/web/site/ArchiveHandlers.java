package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.TaxonomyService;
import io.javalin.http.Context;

/** GET /section/{slug}/, /tag/{slug}/, /author/{slug}/ : archives, newest first, ten to a page. */
final class ArchiveHandlers {

    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final SiteViews views;
    private final PageResponder responder;

    ArchiveHandlers(TaxonomyService taxonomy, AuthorService authors, SiteViews views, PageResponder responder) {
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.views = views;
        this.responder = responder;
    }

    void section(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        var section = taxonomy.findSectionBySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("There is no section by that name."));
        responder.serve(ctx, section.url(), page, "archive.jte", () -> views.section(section, page));
    }

    void tag(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        var tag = taxonomy.findTagBySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("There is no tag by that name."));
        responder.serve(ctx, tag.url(), page, "archive.jte", () -> views.tag(tag, page));
    }

    void author(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        var author = authors.findBySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("There is no author by that name here."));
        responder.serve(ctx, author.url(), page, "archive.jte", () -> views.author(author, page));
    }
}
