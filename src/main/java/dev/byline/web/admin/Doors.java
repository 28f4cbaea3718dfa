package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.Policy;
import dev.byline.account.Secrets;
import dev.byline.account.Sessions;
import dev.byline.account.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The way into every admin route, in one place: finds the session, checks the CSRF token of every POST (and its
 * Origin, when the browser sends one), refuses everything but the setup page until the first administrator
 * exists, sends visitors who are not signed in to the sign-in page, and holds an administrator or editor who must
 * have a second factor at its enrolment page. Handlers get an {@link AdminRequest} and need not repeat any of it.
 */
final class Doors {

    static final String REQUEST = "byline.admin.request";
    static final String CSRF_FIELD = "csrf";
    static final String TWO_FACTOR_PAGE = "/admin/profile/two-factor";

    private final Accounts accounts;
    private final Secrets secrets;
    private final Cookies cookies;
    private final AdminChromes chromes;
    private final String siteOrigin;
    private final Predicate<User> mustHaveSecondFactor;
    private final AdminPages pages;
    /** Once there is an account there always is one: no need to ask the database again. */
    private final AtomicBoolean setUp = new AtomicBoolean();

    Doors(Accounts accounts, Secrets secrets, Cookies cookies, String siteOrigin, AdminChromes chromes,
          Predicate<User> mustHaveSecondFactor, AdminPages pages) {
        this.siteOrigin = siteOrigin;
        this.accounts = accounts;
        this.secrets = secrets;
        this.cookies = cookies;
        this.chromes = chromes;
        this.mustHaveSecondFactor = mustHaveSecondFactor;
        this.pages = pages;
    }

    /** For pages anyone may open: sign-in, forgotten password, invitation and reset links. */
    Handler open(AdminHandler handler) {
        return ctx -> {
            AdminRequest request = enter(ctx);
            if (!isSetUp()) {
                notSetUp(ctx, request);
                return;
            }
            handler.handle(ctx, request);
        };
    }

    /** For the first administrator's setup page, the one page open before anyone has an account. */
    Handler setup(AdminHandler handler) {
        return ctx -> handler.handle(ctx, enter(ctx));
    }

    /** For the code step of a sign-in: a half-way session (password right, code due). */
    Handler halfWay(AdminHandler handler) {
        return ctx -> {
            AdminRequest request = enter(ctx);
            if (request.current().isEmpty() || request.current().get().session().signedIn()) {
                ctx.redirect(request.current().isEmpty() ? "/admin/login" : "/admin/");
                return;
            }
            handler.handle(ctx, request);
        };
    }

    /** For everything else: a signed-in account, with its second factor when the settings require one. */
    Handler signedIn(AdminHandler handler) {
        return ctx -> {
            AdminRequest request = enter(ctx);
            if (!isSetUp()) {
                notSetUp(ctx, request);
                return;
            }
            Optional<Sessions.Current> current = request.current();
            if (current.isEmpty() || !current.get().session().signedIn()) {
                if (ctx.method() == HandlerType.POST) {
                    flash(ctx, "Your session has ended. Please sign in again.");
                }
                ctx.redirect("/admin/login" + (ctx.method() == HandlerType.GET
                        ? "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) : ""));
                return;
            }
            User user = current.get().user();
            if (!user.twoFactor() && mustHaveSecondFactor.test(user) && !ctx.path().startsWith(TWO_FACTOR_PAGE)
                    && !ctx.path().equals("/admin/logout")) {
                flash(ctx, "This newsroom requires two-factor authentication for your role. Set it up to continue.");
                ctx.redirect(TWO_FACTOR_PAGE);
                return;
            }
            handler.handle(ctx, request);
        };
    }

    /** Sets the message the next page shows once. */
    void flash(Context ctx, String message) {
        cookies.set(ctx, Cookies.FLASH, secrets.seal("flash", message), "/admin", Duration.ofMinutes(5));
    }

    /** Signs the browser in: the session cookie, for as long as the session may last. */
    void startSession(Context ctx, Sessions.Opened opened) {
        cookies.set(ctx, Cookies.SESSION, opened.token(), "/",
                Duration.between(opened.session().createdAt(), opened.session().expiresAt()));
    }

    void endSession(Context ctx) {
        cookies.clear(ctx, Cookies.SESSION, "/");
    }

    private boolean isSetUp() {
        if (!setUp.get() && accounts.service().hasUsers()) {
            setUp.set(true);
        }
        return setUp.get();
    }

    private void notSetUp(Context ctx, AdminRequest request) {
        pages.render(ctx, "admin/notice.jte", new AdminViews.NoticePage(request.chrome(), 403,
                "Byline is not set up yet",
                "No one has an account yet. Open the setup link Byline printed when it started (it is valid for "
                        + OneTimeLinks.Purpose.SETUP.valid.toHours() + " hours; restarting prints a new one), or "
                        + "create the first administrator on the server with: ./byline user add --email you@example.org "
                        + "--name \"Your Name\" --role administrator", null, null), 403);
    }

    /** Everything every admin route does first: session, CSRF, flash, chrome. */
    private AdminRequest enter(Context ctx) {
        Optional<Sessions.Current> current = accounts.sessions().find(ctx.cookie(Cookies.SESSION));
        String binding = current.map(c -> c.session().id()).orElseGet(() -> browserId(ctx));
        String csrf = secrets.sign("csrf", binding);
        if (ctx.method() == HandlerType.POST) {
            checkOrigin(ctx);
            String sent = Optional.ofNullable(ctx.formParam(CSRF_FIELD)).orElse(ctx.header("X-CSRF-Token"));
            if (!secrets.verify("csrf", binding, sent)) {
                throw new CsrfRefused();
            }
        }
        String flash = null;
        String sealed = ctx.cookie(Cookies.FLASH);
        if (sealed != null && ctx.method() == HandlerType.GET) {
            flash = secrets.open("flash", sealed).orElse(null);
            cookies.clear(ctx, Cookies.FLASH, "/admin");
        }
        Actor actor = current.filter(c -> c.session().signedIn()).map(c -> Actor.of(c.user(), ctx.ip()))
                .orElseGet(() -> Actor.visitor(ctx.ip()));
        var request = new AdminRequest(current, actor, chromes.chrome(ctx.path(),
                current.filter(c -> c.session().signedIn()).map(Sessions.Current::user).orElse(null), csrf, flash));
        ctx.attribute(REQUEST, request);
        return request;
    }

    /** The browser's id for forms before sign-in, made on its first visit. */
    private String browserId(Context ctx) {
        String id = ctx.cookie(Cookies.BROWSER);
        if (id == null || id.length() != 43) {
            id = OneTimeLinks.randomToken();
            cookies.set(ctx, Cookies.BROWSER, id, "/admin", null);
        }
        return id;
    }

    /**
     * A browser that says where a POST came from must say this site (a second line behind the token): the
     * configured base URL's origin, or the host the request was sent to (a proxy may rewrite one or the other).
     */
    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null") || origin.equalsIgnoreCase(siteOrigin)) {
            return;
        }
        String host = ctx.header("Host");
        if (host == null || !origin.equalsIgnoreCase("http://" + host) && !origin.equalsIgnoreCase("https://" + host)) {
            throw new CsrfRefused();
        }
    }

    /** What the navigation offers {@code user}: only what their role may use. */
    static List<AdminViews.NavItem> nav(String path, User user) {
        var items = new ArrayList<AdminViews.NavItem>();
        items.add(new AdminViews.NavItem("Dashboard", "/admin/", path.equals("/admin/") || path.equals("/admin")));
        var actor = Actor.of(user, "");
        if (actor.can(Capability.WRITE_ARTICLES)) {
            items.add(new AdminViews.NavItem("Articles", "/admin/articles", path.startsWith("/admin/articles")));
        }
        if (actor.can(Capability.EDIT_OTHERS_ARTICLES)) {
            items.add(new AdminViews.NavItem("Pages", "/admin/pages", path.startsWith("/admin/pages")));
            // the site's structure: the front page for those who weigh everyone's stories
            items.add(new AdminViews.NavItem("Front page", "/admin/front-page", path.startsWith("/admin/front-page")));
        }
        if (actor.can(Capability.MANAGE_TAXONOMY)) {
            items.add(new AdminViews.NavItem("Sections", "/admin/sections", path.startsWith("/admin/sections")));
            items.add(new AdminViews.NavItem("Tags", "/admin/tags", path.startsWith("/admin/tags")));
            items.add(new AdminViews.NavItem("Menus", "/admin/menus", path.startsWith("/admin/menus")));
        }
        if (Policy.mayBrowseMedia(actor)) {
            items.add(new AdminViews.NavItem("Media", "/admin/media", path.startsWith("/admin/media")));
        }
        if (actor.can(Capability.MANAGE_PEOPLE)) {
            items.add(new AdminViews.NavItem("People", "/admin/people", path.startsWith("/admin/people")));
        }
        items.add(new AdminViews.NavItem("Activity", "/admin/activity", path.startsWith("/admin/activity")));
        if (actor.can(Capability.MANAGE_SETTINGS)) {
            items.add(new AdminViews.NavItem("Settings", "/admin/settings", path.startsWith("/admin/settings")));
            items.add(new AdminViews.NavItem("Webhooks", "/admin/webhooks", path.startsWith("/admin/webhooks")));
        }
        return items;
    }
}
