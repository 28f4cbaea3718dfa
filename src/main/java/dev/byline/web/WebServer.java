package dev.byline.web;

import dev.byline.web.ops.OpsRoutes;
import dev.byline.web.site.SiteRoutes;
import dev.byline.web.support.CacheFastPath;
import dev.byline.web.support.LastResortErrors;
import dev.byline.web.support.MediaFiles;
import dev.byline.web.support.PageCache;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.nio.file.Path;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Request;

/**
 * The HTTP server: Javalin on Jetty, with the page-cache fast path in front of routing. Audiences (the public
 * site now; admin, API and feeds later) each bring their own route table.
 */
public final class WebServer implements AutoCloseable {

    /** How long a stopping server lets requests under way finish. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** @param bypass requests the fast path must leave to the application (see {@link dev.byline.web.support.Bypass}) */
    public static WebServer start(String host, int port, OpsRoutes ops, SiteRoutes site, String faviconUrl,
                                  PageCache cache, Map<String, String> securityHeaders, Path mediaRoot,
                                  Predicate<Request> bypass) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            // pages carry their own precomputed gzip; everything else is small
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = 1_000_000;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> {
                // first in line, before the servlet context (and non-blocking: hits are answered on the selector
                // thread, the rest is handed to the pool, see CacheFastPath#getInvocationType): Javalin attaches its context inside the innermost
                // wrapper. Cached pages (unless the request must bypass them), then media files (Jetty's
                // resource serving); then GracefulHandler lets requests under way finish when the server stops
                // (the 503s of a failed start included) and refuses new ones; cache hits never reach it.
                var fastPath = new CacheFastPath(cache, securityHeaders, bypass);
                var mediaFiles = new MediaFiles(mediaRoot, securityHeaders);
                fastPath.setHandler(mediaFiles);
                mediaFiles.setHandler(new GracefulHandler());
                server.setHandler(fastPath);
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setErrorHandler(new LastResortErrors(securityHeaders));
            });
            config.routes.before(ctx -> securityHeaders.forEach(ctx::header));
            ops.register(config.routes); // /healthz, /readyz: answer at once, even while the site waits
            site.register(config.routes, faviconUrl);
        });
        app.start();
        return new WebServer(app);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
