package dev.byline.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;

/**
 * One audience of the web server (the public site; the API; next the admin and the feeds): its own route table,
 * error format, headers, request size limit and cache policy (a page cache in front of routing, or none).
 * {@link WebServer} applies each surface's part only to the paths the surface owns.
 */
public interface Surface {

    /**
     * The paths this surface owns: {@code /api/} owns /api and everything under it. The longest matching prefix
     * wins, so the site's {@code /} owns every path no other surface claims.
     */
    String pathPrefix();

    /** Registers the surface's routes; each path must lie under {@link #pathPrefix}. */
    void register(Routes routes);

    /**
     * Headers on every answer, errors included: the Content-Security-Policy and its companions, and Cache-Control
     * when the surface has one policy for everything it says.
     */
    Map<String, String> headers();

    /** The largest request body taken; a larger one is answered 413, in this surface's error format. */
    long maxRequestBytes();

    /**
     * The largest request body taken at {@code path}: a surface may take more where files are uploaded (a
     * multipart body is streamed to disk, never held in memory) than for its forms. {@link #maxRequestBytes()}
     * unless the surface says otherwise.
     */
    default long maxRequestBytes(String path) {
        return maxRequestBytes();
    }

    /**
     * Answers a failure in this surface's format (an HTML page, JSON problem details): an exception from a handler,
     * no route (404), a method the path does not take (405), a body too large (413). Never shows a stack trace.
     */
    void fail(Context ctx, Exception error);

    /**
     * Jetty handlers this surface puts before routing, in order: the site's page-cache fast path and its media
     * files. They see every request, so each passes on what is not its own. Only the site has a page cache: the
     * admin's and the API's answers never enter it, because nothing of theirs can put them there.
     */
    default List<Handler.Wrapper> inFront() {
        return List.of();
    }
}
