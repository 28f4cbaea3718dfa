package dev.byline.web.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers each surface puts on every answer. The site's policy allows only this origin's own styles, images,
 * forms and scripts (pages work without any script at all); the API's allows nothing, since JSON is never a page.
 */
public final class SecurityHeaders {

    /**
     * Gravatar's image host: added to the site's image sources only while the site shows avatars from it (the
     * Discussion setting; see {@link dev.byline.web.site.SiteRoutes#showsGravatar}).
     */
    public static final String GRAVATAR = "https://www.gravatar.com";

    private SecurityHeaders() {
    }

    public static Map<String, String> forSite(boolean https) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return Map.copyOf(headers);
    }

    /** For JSON answers: nothing may load or frame them. */
    public static Map<String, String> forApi(boolean https) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return Map.copyOf(headers);
    }
}
