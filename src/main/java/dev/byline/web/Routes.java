package dev.byline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.util.function.Function;

/**
 * What a {@link Surface} registers its routes with. Every path must lie under the surface's prefix, and each
 * handler runs only for paths the surface owns: a pattern of the site's such as /{year}/{month}/{day}/{slug}
 * also matches /api/a/b/c, and there the API answers, not the site.
 */
public final class Routes {

    private final RoutesConfig routes;
    private final Surface surface;
    private final Function<String, Surface> owner;

    Routes(RoutesConfig routes, Surface surface, Function<String, Surface> owner) {
        this.routes = routes;
        this.surface = surface;
        this.owner = owner;
    }

    /** A route that reads: GET, and HEAD with the same handler (Javalin would answer HEAD with an empty 200). */
    public void get(String path, Handler handler) {
        Handler guarded = own(path, handler);
        routes.get(path, guarded);
        routes.head(path, guarded);
    }

    /** A route that changes something: POST (the admin's forms; each surface checks its own CSRF). */
    public void post(String path, Handler handler) {
        routes.post(path, own(path, handler));
    }

    private Handler own(String path, Handler handler) {
        if (!WebServer.isUnder(path, surface.pathPrefix())) {
            throw new IllegalArgumentException(path + " lies outside " + surface.pathPrefix());
        }
        return ctx -> {
            if (owner.apply(ctx.path()) != surface) {
                throw new NotFoundResponse();
            }
            handler.handle(ctx);
        };
    }
}
