package dev.byline.web.admin;

import io.javalin.http.Context;

/** An admin route's handler: the request, and what {@link Doors} established about it. */
@FunctionalInterface
public interface AdminHandler {

    void handle(Context ctx, AdminRequest request) throws Exception;
}
