package dev.byline.web.admin;

import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a form sent, kept to show it again: the named fields only, never a password. */
final class Forms {

    private Forms() {
    }

    /** The values of {@code fields} as typed (trimmed of nothing: the person sees exactly what they sent). */
    static Map<String, String> typed(Context ctx, String... fields) {
        var values = new LinkedHashMap<String, String>();
        for (String field : fields) {
            String value = ctx.formParam(field);
            values.put(field, value == null ? "" : value);
        }
        return values;
    }

    static AdminViews.Form refused(Context ctx, Invalid invalid, String... fields) {
        return new AdminViews.Form(typed(ctx, fields), invalid.fieldErrors());
    }

    static AdminViews.Form refused(Context ctx, Map<String, String> errors, String... fields) {
        return new AdminViews.Form(typed(ctx, fields), errors);
    }

    /** A new password is typed twice ("password", "password2"); a mismatch is said at the second field. */
    static void requireSamePasswords(Context ctx) {
        String password = ctx.formParam("password");
        if (password != null && !password.equals(ctx.formParam("password2"))) {
            throw new Invalid(Map.of("password2", "The two passwords are not the same."));
        }
    }

    /** A local admin path to go to after signing in; anything else (another site, a trick) goes to the dashboard. */
    static String localNext(String next) {
        if (next == null || !next.startsWith("/admin") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n") || next.startsWith("/admin/login")
                || next.startsWith("/admin/logout")) {
            return "/admin/";
        }
        return next;
    }
}
