package dev.byline.web.admin;

import dev.byline.web.support.Templates;
import io.javalin.http.Context;

/** Renders admin pages: HTML, never stored anywhere (the surface answers Cache-Control: no-store). */
final class AdminPages {

    private final Templates templates;

    AdminPages(Templates templates) {
        this.templates = templates;
    }

    void render(Context ctx, String template, Object page, int status) {
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render(template, page));
    }

    void render(Context ctx, String template, Object page) {
        render(ctx, template, page, 200);
    }
}
