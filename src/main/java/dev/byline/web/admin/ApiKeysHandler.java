package dev.byline.web.admin;

import dev.byline.account.ApiKey;
import dev.byline.account.ApiKeys;
import dev.byline.error.BadRequest;
import dev.byline.error.Invalid;
import dev.byline.web.admin.AdminViews.Form;
import dev.byline.web.admin.PeopleViews.ApiKeyRow;
import dev.byline.web.admin.PeopleViews.ApiKeysPage;
import dev.byline.web.admin.PeopleViews.NewApiKey;
import dev.byline.web.admin.PeopleViews.Option;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/profile/keys, everyone's own keys to the API: make one (its secret shown on the answer to that POST, once,
 * never again), see when each was last used and from where, revoke one.
 */
final class ApiKeysHandler {

    static final String PAGE = "/admin/profile/keys";

    private final ApiKeys keys;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    ApiKeysHandler(ApiKeys keys, Doors doors, AdminPages pages, Supplier<ZoneId> zone) {
        this.keys = keys;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, new Form(Map.of("kind", ApiKey.Kind.APPLICATION_PASSWORD.key(), "scope",
                ApiKey.Scope.READ.key()), Map.of()), null, 200);
    }

    /** Makes a key and answers with the page showing its secret: the one time it is shown. */
    void make(Context ctx, AdminRequest request) {
        try {
            ApiKeys.Made made = keys.make(request.actor(), ApiKey.Kind.parse(ctx.formParam("kind")),
                    ctx.formParam("label"), ApiKey.Scope.parse(ctx.formParam("scope")));
            render(ctx, request, new Form(Map.of("kind", made.key().kind().key(), "scope", made.key().scope().key()),
                    Map.of()), new NewApiKey(made.key().label(),
                    made.key().kind().label().toLowerCase(java.util.Locale.ROOT), made.secret(),
                    made.key().kind() == ApiKey.Kind.APPLICATION_PASSWORD, request.user().email()), 201);
        } catch (Invalid invalid) {
            render(ctx, request, Forms.refused(ctx, invalid, "label", "kind", "scope"), null, 422);
        }
    }

    void revoke(Context ctx, AdminRequest request) {
        long id;
        try {
            id = Long.parseLong(ctx.formParam("key") == null ? "" : ctx.formParam("key"));
        } catch (NumberFormatException e) {
            throw new BadRequest("No key was named to revoke.");
        }
        keys.revoke(request.actor(), id);
        doors.flash(ctx, "The key is revoked: anything still using it is refused from now on.");
        ctx.redirect(PAGE);
    }

    private void render(Context ctx, AdminRequest request, Form form, NewApiKey made, int status) {
        ZoneId here = zone.get();
        List<ApiKeyRow> rows = keys.list(request.actor()).stream().map(key -> new ApiKeyRow(key.id(), key.label(),
                key.kind().label(), key.scope() == ApiKey.Scope.WRITE ? "Read and write" : "Read", key.hint(),
                AdminDates.dateTime(key.createdAt(), here), AdminDates.iso(key.createdAt(), here),
                key.lastUsedAt() == null ? null : AdminDates.dateTime(key.lastUsedAt(), here),
                key.lastUsedAt() == null ? null : AdminDates.iso(key.lastUsedAt(), here), key.lastUsedIp())).toList();
        List<Option> kinds = Arrays.stream(ApiKey.Kind.values()).map(kind -> new Option(kind.key(),
                kind.label() + (kind == ApiKey.Kind.APPLICATION_PASSWORD ? " (HTTP Basic, for WordPress apps)"
                        : " (Bearer token)"), kind.key().equals(form.value("kind")))).toList();
        List<Option> scopes = List.of(
                new Option(ApiKey.Scope.READ.key(), "Read", ApiKey.Scope.READ.key().equals(form.value("scope"))),
                new Option(ApiKey.Scope.WRITE.key(), "Read and write (as your role allows)",
                        ApiKey.Scope.WRITE.key().equals(form.value("scope"))));
        pages.render(ctx, "admin/api-keys.jte", new ApiKeysPage(request.chrome(), form, kinds, scopes, rows, made,
                request.user().email()), status);
    }
}
