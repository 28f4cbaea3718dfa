package dev.byline.web.api;

import dev.byline.web.Routes;
import dev.byline.web.Surface;
import dev.byline.web.support.SecurityHeaders;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON API under /api/, as a {@link Surface}. For now it has its index, and answers everything else in JSON
 * too: problem details ({@link Problems}), never the site's HTML. Nothing it says is kept by anyone: every answer
 * carries {@code Cache-Control: no-store}, and the surface has no page cache to put an answer in.
 */
public final class ApiSurface implements Surface {

    public static final String PREFIX = "/api/";
    static final String VERSION = "1";
    static final long MAX_REQUEST_BYTES = 1_000_000;

    private final Supplier<String> siteName;
    private final Map<String, String> headers;
    private final Problems problems = new Problems(MAX_REQUEST_BYTES);
    /** The keys to the API, once the database is open; until then what needs one answers 503. */
    private final java.util.concurrent.CompletableFuture<dev.byline.account.ApiKeys> keys =
            new java.util.concurrent.CompletableFuture<>();

    /** @param siteName the site's title as the settings say it now */
    public ApiSurface(Supplier<String> siteName, boolean https) {
        this.siteName = siteName;
        var all = new LinkedHashMap<>(SecurityHeaders.forApi(https));
        all.put("Cache-Control", "no-store");
        this.headers = Map.copyOf(all);
    }

    /** What the API is: {"name": the site's name, "version": "1"}. */
    record Index(String name, String version) {
    }

    /** Who a key belongs to: {"id", "email", "name", "role", "key": {"label", "kind", "scope"}}. */
    record Me(long id, String email, String name, String role, KeyShown key) {
    }

    record KeyShown(String label, String kind, String scope) {
    }

    /** Called once the database is open and the account services are wired. */
    public void ready(dev.byline.account.ApiKeys apiKeys) {
        keys.complete(apiKeys);
    }

    private dev.byline.account.ApiKeys keys() {
        if (!keys.isDone()) {
            throw new io.javalin.http.ServiceUnavailableResponse("The API is starting: try again in a moment.");
        }
        return keys.join();
    }

    /** GET /api/v1/me: whom the request's key acts as; a script's first call, to check its key. */
    private void me(Context ctx) {
        var caller = ApiAuth.require(ctx, keys());
        var user = caller.user();
        var key = caller.key();
        Json.send(ctx, 200, Json.CONTENT_TYPE, new Me(user.id(), user.email(), user.displayName(), user.role().key(),
                new KeyShown(key.label(), key.kind().key(), key.scope().key())));
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void register(Routes routes) {
        routes.get(PREFIX + "v" + VERSION + "/", ctx -> Json.send(ctx, 200, Json.CONTENT_TYPE,
                new Index(siteName.get(), VERSION)));
        routes.get(PREFIX + "v" + VERSION + "/me", this::me);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public long maxRequestBytes() {
        return MAX_REQUEST_BYTES;
    }

    @Override
    public void fail(Context ctx, Exception error) {
        problems.answer(ctx, error);
    }
}
