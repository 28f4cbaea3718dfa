package dev.byline.web.api;

import dev.byline.account.ApiKeys;
import dev.byline.error.Forbidden;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Set;

/**
 * Who is calling the API: the key in the {@code Authorization} header ({@link ApiKeys#authenticate}). Handlers ask
 * for it first; the services they call then decide with the key's account as the actor, as the admin's do.
 */
final class ApiAuth {

    /** 401: no key, or one that does not open anything. The challenge names both ways of sending one. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    static final String CHALLENGE = "Bearer realm=\"Byline\", Basic realm=\"Byline\", charset=\"UTF-8\"";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private ApiAuth() {
    }

    /**
     * The caller's key, or a 401; a key of scope read on a request that writes is a 403.
     */
    static ApiKeys.Authenticated require(Context ctx, ApiKeys keys) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new Unauthorized("This needs a key: an application password over HTTP Basic (your email and the "
                    + "password) or a personal token as \"Authorization: Bearer …\". Make one on your profile in "
                    + "the admin.");
        }
        ApiKeys.Authenticated caller = keys.authenticate(header, ctx.ip())
                .orElseThrow(() -> new Unauthorized("The key is not valid: it is mistyped, revoked, of the other "
                        + "kind (application passwords go with Basic, tokens with Bearer), or its account is not "
                        + "active."));
        requireScope(ctx.method().name(), caller);
        return caller;
    }

    /** A key of scope read may only read: anything but GET, HEAD and OPTIONS is a 403 for it. */
    static void requireScope(String method, ApiKeys.Authenticated caller) {
        if (!READS.contains(method) && !caller.mayWrite()) {
            throw new Forbidden("This key may only read: make a key that may write for this.");
        }
    }
}
