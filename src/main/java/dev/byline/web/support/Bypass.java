package dev.byline.web.support;

import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Requests that must never get shared bytes: they skip the page cache both ways (not served from it, not stored in
 * it). The rule is a {@code Predicate<Request>} over Jetty's request, decided by {@link CacheFastPath} before it
 * answers and asked again, with the same predicate, by the application ({@link #applies}) before it would read or
 * fill the cache. Later surfaces combine rules with {@link Predicate#or}.
 *
 * <p>A CDN in front must pass requests carrying these cookies straight through as well (for example in Varnish:
 * {@code if (req.http.Cookie ~ "byline_(session|held)=") { return (pass); }}).
 */
public final class Bypass {

    /** A signed-in editor (accounts). */
    public static final String SESSION_COOKIE = "byline_session";
    /** A reader whose comment waits for moderation and who must see it (comments). */
    public static final String HELD_COMMENT_COOKIE = "byline_held";

    private Bypass() {
    }

    /** The public site's rule: a request carrying either cookie above. */
    public static Predicate<Request> site() {
        return carryingCookie(SESSION_COOKIE, HELD_COMMENT_COOKIE);
    }

    /**
     * Requests carrying a cookie with any of these names (whatever its value). Cheap enough for the fast path: a
     * request without a Cookie header costs one scan of its header list, and a Cookie header is only searched for
     * the names, never parsed into a map.
     */
    public static Predicate<Request> carryingCookie(String... names) {
        List<String> cookieNames = List.of(names);
        return request -> {
            HttpFields headers = request.getHeaders();
            if (headers.getField(HttpHeader.COOKIE) == null) {
                return false;
            }
            // HTTP/2 and HTTP/3 may send each cookie as a header of its own
            for (int i = 0; i < headers.size(); i++) {
                HttpField field = headers.getField(i);
                if (field.getHeader() == HttpHeader.COOKIE && hasCookie(field.getValue(), cookieNames)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The same decision inside the application (a handler's servlet request). A request Jetty did not make
     * cannot be checked, so it counts as private: the failure costs a render, never a leak.
     */
    public static boolean applies(Predicate<Request> rule, ServletRequest request) {
        Request jettyRequest = ServletContextRequest.getServletContextRequest(request);
        return jettyRequest == null || rule.test(jettyRequest);
    }

    /** Whether a Cookie header ({@code a=1; b=2}) has a cookie named one of {@code names}. */
    static boolean hasCookie(String cookieHeader, List<String> names) {
        if (cookieHeader == null) {
            return false;
        }
        for (String name : names) {
            if (hasCookie(cookieHeader, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCookie(String header, String name) {
        int from = 0;
        while (true) {
            int at = header.indexOf(name, from);
            if (at < 0) {
                return false;
            }
            int end = at + name.length();
            if (startsPair(header, at) && endsName(header, end)) {
                return true;
            }
            from = at + 1;
        }
    }

    /** The name starts the header or follows a {@code ;} (and spaces): not inside another name or a value. */
    private static boolean startsPair(String header, int at) {
        int i = at - 1;
        while (i >= 0 && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || header.charAt(i) == ';';
    }

    /** The name is followed by {@code =}, or stands alone (a nameless-value cookie some clients send). */
    private static boolean endsName(String header, int end) {
        int i = end;
        while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
            i++;
        }
        return i == header.length() || header.charAt(i) == '=' || header.charAt(i) == ';';
    }
}
