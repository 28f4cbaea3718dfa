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

/**
 * Serves page-cache hits straight from Jetty, first in the server's handler chain (before the servlet context,
 * routing and Javalin): a hit costs a map lookup and one write. Misses, every other method, and requests the
 * {@link Bypass} rule says must not get shared bytes go on to the application, which renders (and, except for
 * those, fills the cache).
 */
public final class CacheFastPath extends Handler.Wrapper {

    private static final HttpField CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            CachedPage.CACHE_CONTROL);
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final PageCache cache;
    private final HttpField[] securityHeaders;
    private final Predicate<Request> bypass;

    /** @param bypass requests that must never be answered from the cache (see {@link Bypass}) */
    public CacheFastPath(PageCache cache, Map<String, String> securityHeaders, Predicate<Request> bypass) {
        this.cache = cache;
        this.bypass = bypass;
        this.securityHeaders = securityHeaders.entrySet().stream()
                .map(header -> new PreEncodedHttpField(header.getKey(), header.getValue()))
                .toArray(HttpField[]::new);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method) || bypass.test(request)) {
            return super.handle(request, response, callback);
        }
        CachedPage page = cache.get(request.getHttpURI().getPathQuery()).orElse(null);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        CachedPage.Reply reply = page.reply(headers.get(HttpHeader.IF_NONE_MATCH),
                headers.get(HttpHeader.IF_MODIFIED_SINCE), headers.get(HttpHeader.ACCEPT_ENCODING));
        response.setStatus(reply.status());
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : securityHeaders) {
            out.add(field);
        }
        // pages share one pre-encoded value; anything else cached says its own
        out.add(page.cacheControl() == CachedPage.CACHE_CONTROL ? CACHE_CONTROL
                : new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, page.cacheControl()));
        out.add(VARY);
        out.put(HttpHeader.ETAG, reply.etag());
        out.put(HttpHeader.LAST_MODIFIED, page.lastModifiedHeader());
        if (!page.surrogateKey().isEmpty()) {
            out.put("Surrogate-Key", page.surrogateKey());
        }
        if (reply.body() == null) {
            callback.succeeded();
            return true;
        }
        out.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (reply.gzip()) {
            out.add(GZIP);
        }
        out.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        if (head) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        }
        return true;
    }
}
