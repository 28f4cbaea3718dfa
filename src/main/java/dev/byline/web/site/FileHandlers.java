package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.web.support.Assets;
import dev.byline.web.support.CachedPage;
import io.javalin.http.Context;

/**
 * GET /assets/{name} (theme files, fingerprinted, cached for a year) and the 404 page for /media/{path}: the
 * images themselves are served before the application by {@link dev.byline.web.support.MediaFiles}, which
 * passes on only what it will not serve (a missing file, a path leaving the media directory, a non-image).
 */
final class FileHandlers {

    private final Assets assets;

    FileHandlers(Assets assets) {
        this.assets = assets;
    }

    void asset(Context ctx) {
        CachedPage file = assets.find(ctx.pathParam("name"))
                .orElseThrow(() -> new NotFound("There is no such file."));
        PageResponder.send(ctx, file);
    }

    void media(Context ctx) {
        throw new NotFound("There is no such image.");
    }
}
