package dev.byline.web.support;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Serves page-cache hits straight from Jetty, first in the server's handler chain (before the servlet context,
 * routing and Javalin): a hit costs a map lookup and one write. Misses, every other method, and requests the
 * {@link Bypass} rule says must not get shared bytes go on to the application, which renders (and, except for
 * those, fills the cache). A hit's headers are encoded once per page ({@link CachedPage.Reply#headers}) and only
 * copied here.
 */
public final class CacheFastPath extends Handler.Wrapper {

    private final PageCache cache;
    private final java.util.function.Supplier<Map<String, String>> securityHeaders;
    private final Predicate<Request> bypass;
    /** The headers last encoded, and the map they were encoded from (re-encoded only when the map changes). */
    private volatile Encoded encoded = new Encoded(null, new HttpField[0]);

    private record Encoded(Map<String, String> from, HttpField[] fields) {
    }

    /** @param bypass requests that must never be answered from the cache (see {@link Bypass}) */
    public CacheFastPath(PageCache cache, Map<String, String> securityHeaders, Predicate<Request> bypass) {
        this(cache, () -> securityHeaders, bypass);
    }

    /**
     * @param securityHeaders the headers in force now (the site's policy follows a setting): read on every hit,
     *                        so it must be cheap and answer the same map object until something changes
     */
    public CacheFastPath(PageCache cache, java.util.function.Supplier<Map<String, String>> securityHeaders,
                         Predicate<Request> bypass) {
        this.cache = cache;
        this.bypass = bypass;
        this.securityHeaders = securityHeaders;
    }

    private HttpField[] securityFields() {
        Map<String, String> now = securityHeaders.get();
        Encoded last = encoded;
        if (last.from() != now) {
            last = new Encoded(now, now.entrySet().stream()
                    .map(header -> new PreEncodedHttpField(header.getKey(), header.getValue()))
                    .toArray(HttpField[]::new));
            encoded = last;
        }
        return last.fields();
    }

    /**
     * A hit never blocks, so Jetty may run it on the selector thread that read the request, with no hand-off to a
     * pool thread (measured: 19k to 29k requests/s on 2 cores, docs/BENCHMARKS.md). This makes the whole server
     * non-blocking in Jetty's eyes, so everything that goes on to the application is handed to the thread pool
     * here ({@link #pass}).
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method) || bypass.test(request)) {
            return pass(request, response, callback);
        }
        CachedPage page = cache.get(request.getHttpURI().getPathQuery()).orElse(null);
        if (page == null) {
            return pass(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        CachedPage.Reply reply = page.reply(headers.get(HttpHeader.IF_NONE_MATCH),
                headers.get(HttpHeader.IF_MODIFIED_SINCE), headers.get(HttpHeader.ACCEPT_ENCODING));
        response.setStatus(reply.status());
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : securityFields()) {
            out.add(field);
        }
        for (HttpField field : reply.headers()) {
            out.add(field);
        }
        if (reply.body() == null || head) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        }
        return true;
    }

    /** The rest of the chain (media files, then Javalin) may block: it runs on a pool thread. */
    private boolean pass(Request request, Response response, Callback callback) {
        request.getComponents().getExecutor().execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable failure) {
                // as Jetty does for a handler that throws: the error handler answers, if nothing was sent yet
                callback.failed(failure);
            }
        });
        return true;
    }
}
