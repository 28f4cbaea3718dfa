package dev.byline.web.admin;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The admin's cookies, all HttpOnly, SameSite=Lax and Secure when the site is served over https:
 * <ul>
 * <li>{@value #SESSION}: the session; path / so the public site knows a signed-in newsroom member (their pages
 *     bypass the shared cache, see {@link dev.byline.web.support.Bypass});</li>
 * <li>{@value #BROWSER}: a random id for a browser not signed in, which the CSRF token of the sign-in and other
 *     open forms is bound to;</li>
 * <li>{@value #FLASH}: the one-time message after an action, signed.</li>
 * </ul>
 */
final class Cookies {

    static final String SESSION = "byline_session";
    static final String BROWSER = "byline_browser";
    static final String FLASH = "byline_flash";

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    void set(Context ctx, String name, String value, String path, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path
                + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds())
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    void clear(Context ctx, String name, String path) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }
}
