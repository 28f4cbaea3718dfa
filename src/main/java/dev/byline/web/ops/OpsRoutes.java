package dev.byline.web.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;

/**
 * The two routes load balancers and orchestrators ask: {@code /healthz} (the process is up and answers HTTP:
 * always 200, from the moment Jetty listens) and {@code /readyz} (send it readers: 200 once start-up has finished
 * and while the database answers, else 503 with the reason). Plain text, never stored by anyone, never waiting
 * for the site.
 */
public final class OpsRoutes {

    private final Readiness readiness;

    public OpsRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    public void register(RoutesConfig routes) {
        read(routes, "/healthz", ctx -> answer(ctx, 200, "ok"));
        read(routes, "/readyz", ctx -> {
            Readiness.Answer answer = readiness.check();
            answer(ctx, answer.ready() ? 200 : 503, answer.reason());
        });
    }

    private static void answer(Context ctx, int status, String text) {
        ctx.status(status)
                .contentType("text/plain; charset=utf-8")
                .header(Header.CACHE_CONTROL, "no-store")
                .result(text + "\n");
    }

    private static void read(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
