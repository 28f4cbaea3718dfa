package dev.byline.web.site;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** GET / : the lead story and the latest, ten to a page. */
final class HomeHandler implements Handler {

    private final SiteViews views;
    private final PageResponder responder;

    HomeHandler(SiteViews views, PageResponder responder) {
        this.views = views;
        this.responder = responder;
    }

    @Override
    public void handle(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        responder.serve(ctx, "/", page, "home.jte", () -> views.home(page));
    }
}
