package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.media.MediaService;
import dev.byline.web.support.Assets;
import dev.byline.web.support.CachedPage;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * GET /assets/{name} (theme files, fingerprinted) and GET /media/{path} (uploaded images, content-hashed names).
 * Both are immutable, so both may be cached for a year. A media path that would leave the media directory is
 * simply not found.
 */
final class FileHandlers {

    private static final Map<String, String> MEDIA_TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "png", "image/png", "webp", "image/webp", "gif", "image/gif");

    private final Assets assets;
    private final MediaService media;

    FileHandlers(Assets assets, MediaService media) {
        this.assets = assets;
        this.media = media;
    }

    void asset(Context ctx) {
        CachedPage file = assets.find(ctx.pathParam("name"))
                .orElseThrow(() -> new NotFound("There is no such file."));
        PageResponder.send(ctx, file);
    }

    void media(Context ctx) {
        String relative = ctx.pathParam("path");
        String extension = relative.substring(relative.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = MEDIA_TYPES.get(extension);
        Path file = media.resolve(relative).filter(path -> type != null && Files.isRegularFile(path))
                .orElseThrow(() -> new NotFound("There is no such image."));
        try {
            long size = Files.size(file);
            ctx.header(Header.CACHE_CONTROL, CachedPage.IMMUTABLE);
            ctx.contentType(type);
            ctx.header(Header.CONTENT_LENGTH, String.valueOf(size));
            ctx.result(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
