package dev.byline.web;

import dev.byline.error.BadRequest;
import dev.byline.text.ControlCharacters;
import dev.byline.web.ops.OpsRoutes;
import dev.byline.web.support.ClientAddress;
import dev.byline.web.support.LastResortErrors;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP server: Javalin on Jetty, hosting several {@link Surface}s (the public site, the API; the admin and the
 * feeds next). Each request belongs to the surface with the longest matching path prefix, which gives it its
 * headers, its body size limit and its error format. In front of routing sit the Jetty handlers surfaces bring:
 * the site's page-cache fast path and media files.
 */
public final class WebServer implements AutoCloseable {

    /** How long a stopping server lets requests under way finish. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * @param ops      /healthz and /readyz: registered first, answering at once, whatever the surfaces are doing
     * @param surfaces exactly one of them owns {@code /}
     */
    public static WebServer start(String host, int port, OpsRoutes ops, List<Surface> surfaces) {
        return start(host, port, ops, surfaces, new ClientAddress(List.of()));
    }

    /** @param clients who sent a request (the connecting address, or X-Forwarded-For behind trusted proxies) */
    public static WebServer start(String host, int port, OpsRoutes ops, List<Surface> surfaces, ClientAddress clients) {
        List<Surface> byPrefix = surfaces.stream()
                .sorted(Comparator.comparingInt((Surface surface) -> surface.pathPrefix().length()).reversed())
                .toList();
        Surface root = byPrefix.stream().filter(surface -> surface.pathPrefix().equals("/")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no surface owns /"));
        // GracefulHandler, innermost, lets requests under way finish when the server stops (the 503s of a failed
        // start included) and refuses new ones; cache hits never reach it
        List<Handler.Wrapper> inFront = Stream.concat(surfaces.stream().flatMap(surface -> surface.inFront().stream()),
                Stream.of(new GracefulHandler())).toList();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // every X-Forwarded-For line: a balancer may add its own line under the one a client wrote
            config.contextResolver.ip = ctx -> clients.of(ctx.req().getRemoteAddr(),
                    String.join(",", java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
            config.http.prefer405over404 = true;
            // pages carry their own precomputed gzip; everything else is small
            config.http.compressionStrategy = CompressionStrategy.NONE;
            // what Context.bodyAsBytes reads at most; each surface's own limit is checked before its handlers
            config.http.maxRequestSize = surfaces.stream().mapToLong(Surface::maxRequestBytes).max().orElseThrow();
            config.router.ignoreTrailingSlashes = true;
            config.jetty.host = host;
            config.jetty.port = port;
            // a search of 10,000 characters (/search?q=…, the bad input) fits in the request line; Jetty's
            // default of 8 KB answered 414. Longer ones still get a 414, never a 500.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024));
            config.jetty.modifyServer(server -> {
                // first in line, before the servlet context, each surface's handlers in front of routing (the
                // site's page cache, then its media files); Javalin attaches its context inside the innermost.
                // The page cache answers hits on the selector thread and hands everything else to the pool (see
                // CacheFastPath#getInvocationType): whatever is placed before it must never block.
                for (int i = 1; i < inFront.size(); i++) {
                    inFront.get(i - 1).setHandler(inFront.get(i));
                }
                server.setHandler(inFront.getFirst());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setErrorHandler(new LastResortErrors(root.headers()));
            });
            config.routes.before(ctx -> {
                Surface surface = owner(byPrefix, ctx.path());
                surface.headers().forEach(ctx::header);
                limitBody(ctx, surface.maxRequestBytes(ctx.path()));
                refuseControlCharactersInQuery(ctx);
            });
            // Javalin's own (no route, wrong method, body too large) and ours, in the owning surface's format
            config.routes.exception(HttpResponseException.class, (error, ctx) -> fail(byPrefix, ctx, error));
            config.routes.exception(Exception.class, (error, ctx) -> fail(byPrefix, ctx, error));
            ops.register(config.routes);
            // longest prefix first: Javalin runs the first route that matches, and a site pattern such as /{slug}
            // or /{year}/{month}/{day}/{slug} also matches /admin/ and /admin/revisions/12 (then only to answer 404)
            for (Surface surface : byPrefix) {
                surface.register(new Routes(config.routes, surface, path -> owner(byPrefix, path)));
            }
        });
        app.start();
        return new WebServer(app);
    }

    /**
     * No search box or filter takes a control character (PostgreSQL refuses NUL in text outright, a 500 wherever a
     * query parameter reached SQL): such an address is a 400 that says so, on every surface.
     */
    /** The search page and its JSON twin: what is typed there is read leniently (dev.byline.search.QueryText). */
    private static final java.util.Set<String> SEARCH_PATHS = java.util.Set.of("/search", "/search/",
            "/api/v1/search", "/api/v1/search/");

    static void refuseControlCharactersInQuery(Context ctx) {
        String query = ctx.queryString();
        if (query == null || query.isEmpty()) {
            return;
        }
        if (SEARCH_PATHS.contains(ctx.path())) {
            return; // search reads whatever is typed as words, a control character as a space; none reaches SQL
        }
        for (var values : ctx.queryParamMap().values()) {
            for (String value : values) {
                if (ControlCharacters.in(value)) {
                    throw new BadRequest("The address has a control character in it (such as %00, from a copied "
                            + "link perhaps): remove it and try again.");
                }
            }
        }
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Whether {@code path} lies under {@code prefix}: /api/v1/ and /api lie under /api/. */
    static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) || (path + "/").equals(prefix);
    }

    private static Surface owner(List<Surface> byPrefix, String path) {
        for (Surface surface : byPrefix) {
            if (isUnder(path, surface.pathPrefix())) {
                return surface;
            }
        }
        throw new IllegalStateException("no surface owns " + path); // the root owns every path
    }

    private static void fail(List<Surface> byPrefix, Context ctx, Exception error) {
        if (error instanceof MethodNotAllowedResponse refused) {
            String allowed = refused.getDetails().getOrDefault("availableMethods",
                    refused.getDetails().get("Available methods"));
            if (allowed != null) {
                ctx.header(Header.ALLOW, allowed);
            }
        }
        owner(byPrefix, ctx.path()).fail(ctx, error);
    }

    /**
     * Refuses a body larger than the surface takes before any handler reads it: by its declared length, or, when
     * it comes without one (chunked), by reading it now, at most the largest limit of any surface. A multipart body
     * (a file upload) must declare its length, as browsers always do: reading it here would leave nothing for the
     * multipart parser, so it is refused with 411 before anything is read.
     */
    private static void limitBody(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        boolean undeclared = declared < 0 && ctx.header(Header.TRANSFER_ENCODING) != null;
        String type = ctx.header(Header.CONTENT_TYPE);
        if (undeclared && type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw new HttpResponseException(411, "A file upload must be sent with its length (Content-Length), "
                    + "not in chunks.");
        }
        if (declared > limit || (undeclared && ctx.bodyAsBytes().length > limit)) {
            throw new ContentTooLargeResponse("The request body is larger than the " + limit + " bytes taken here.");
        }
    }
}
