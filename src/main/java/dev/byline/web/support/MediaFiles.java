package dev.byline.web.support;

import dev.byline.media.Media;
import dev.byline.media.MediaService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * GET and HEAD /media/{path}: uploaded images, served by Jetty's {@link ResourceService}, so Range (206), ETag
 * and If-None-Match / If-Modified-Since (304) are Jetty's, not ours. Only JPEG and PNG files inside the media
 * directory are served ({@link MediaService#resolve(Path, String)} refuses any path leaving it); anything else
 * goes on to the application, which answers with its 404 page. Names carry a content hash, so a year's caching
 * is safe.
 */
public final class MediaFiles extends Handler.Wrapper {

    private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "png", "image/png");

    private final Path root;
    private final HttpField[] securityHeaders;
    private final ResourceService files = new NotModifiedIsNoError();

    public MediaFiles(Path mediaRoot, Map<String, String> securityHeaders) {
        this.root = mediaRoot.toAbsolutePath().normalize();
        this.securityHeaders = securityHeaders.entrySet().stream()
                .map(header -> new PreEncodedHttpField(header.getKey(), header.getValue()))
                .toArray(HttpField[]::new);
        files.setEtags(true);
        files.setAcceptRanges(true);
        files.setDirAllowed(false);
        files.setCacheControl(CachedPage.IMMUTABLE);
        addBean(files);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        if (!("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith(Media.URL_PREFIX)) {
            return super.handle(request, response, callback);
        }
        Optional<HttpContent> image = find(path.substring(Media.URL_PREFIX.length()));
        if (image.isEmpty()) {
            return super.handle(request, response, callback);
        }
        for (HttpField field : securityHeaders) {
            response.getHeaders().add(field);
        }
        files.doGet(request, response, callback, image.get());
        return true;
    }

    /**
     * Jetty sends a 304 through the server's error handler, which marks errors no-store: a cache would then drop
     * the copy it was told is still good. A 304 is no error: it goes out with the validators and Cache-Control
     * already set.
     */
    private static final class NotModifiedIsNoError extends ResourceService {
        @Override
        protected void writeHttpError(Request request, Response response, Callback callback, int status) {
            if (status == HttpStatus.NOT_MODIFIED_304) {
                response.setStatus(status);
                callback.succeeded();
            } else {
                super.writeHttpError(request, response, callback, status);
            }
        }
    }

    private Optional<HttpContent> find(String relativePath) {
        String extension = relativePath.substring(relativePath.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        return MediaService.resolve(root, relativePath)
                .filter(Files::isRegularFile)
                .map(file -> new ResourceHttpContent(ResourceFactory.root().newResource(file), type));
    }
}
