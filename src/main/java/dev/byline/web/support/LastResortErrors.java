package dev.byline.web.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors, for requests that never reach the application (a malformed URI, an ambiguous path, a
 * broken header): a short page in the site's words with the site's security headers, instead of Jetty's table.
 */
public final class LastResortErrors extends ErrorHandler {

    private final Map<String, String> securityHeaders;

    public LastResortErrors(Map<String, String> securityHeaders) {
        this.securityHeaders = securityHeaders;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = HttpStatus.getMessage(status);
        String explanation = status == 400
                ? "The address could not be understood. It may be mistyped or contain characters that are not allowed."
                : "The request could not be completed.";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + status + " " + reason + "</title></head><body><main><h1>" + status + " " + reason
                + "</h1><p>" + explanation + "</p><p><a href=\"/\">Go to the front page</a></p></main></body></html>";
        securityHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
