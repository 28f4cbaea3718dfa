package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.Role;
import dev.byline.account.Secrets;
import dev.byline.account.User;
import dev.byline.article.ArticleImages;
import dev.byline.article.ArticleService;
import dev.byline.demo.DemoRemoval;
import dev.byline.frontpage.FrontPageService;
import dev.byline.media.MediaLibrary;
import dev.byline.menu.MenuService;
import dev.byline.settings.SettingsService;
import dev.byline.taxonomy.SectionService;
import dev.byline.taxonomy.TagService;
import dev.byline.web.Routes;
import dev.byline.web.Surface;
import dev.byline.web.support.Templates;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's admin under /admin/ as a {@link Surface}: every route in one table, each behind one of
 * {@link Doors}' doors (open, setup, half-way, signed in); errors as admin pages; answers never stored
 * ({@code Cache-Control: no-store}) under a strict Content-Security-Policy (this origin's files only: no inline
 * script or style, no frames, forms only to itself).
 */
public final class AdminSurface implements Surface {

    public static final String PREFIX = "/admin/";
    /** Forms, and the avatar upload; article media come with their own limit later. */
    static final long MAX_REQUEST_BYTES = 12L * 1024 * 1024;
    /**
     * The media library's upload (POST /admin/media): several photos in one form post. Multipart bodies are
     * streamed to temporary files, never held in memory, and each file is read on its own (at most
     * {@link dev.byline.media.MediaLibrary#MAX_FILE_BYTES}).
     */
    static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    /** What the admin's handlers need: there once the database is open. */
    public record Needs(Jdbi jdbi, Accounts accounts, ArticleService articles, Supplier<String> siteTitle,
                        Supplier<ZoneId> zone, BooleanSupplier secondFactorRequired, Clock clock,
                        SettingsService settings, DemoRemoval demoRemoval, SectionService sections,
                        TagService tags, MenuService menus, FrontPageService frontPage, DeskNeeds desk,
                        MediaDesk media) {
    }

    /** What the desk's pages (articles, pages, the editor, revisions) need besides the rest. */
    public record DeskNeeds(dev.byline.article.Desk desk, dev.byline.article.DeskListing listing,
                            dev.byline.taxonomy.TaxonomyService taxonomy, dev.byline.people.AuthorService authors,
                            dev.byline.web.site.SiteViews siteViews) {
    }

    /** What the media library's pages need: the library, image details through the articles, its script. */
    public record MediaDesk(MediaLibrary library, ArticleImages images, String scriptUrl) {
    }

    private record Handlers(Doors doors, SignInHandlers signIn, SetupHandler setup, DashboardHandler dashboard,
                            AdminErrors errors, ForgotHandler forgot, ResetHandler reset,
                            InvitationHandler invitation, TwoFactorHandlers twoFactor, SettingsHandler settings,
                            People people, Structure structure, Articles articles, Media media) {
    }

    /** Sections, tags, menus and the front page. */
    private record Structure(SectionsHandler sections, TagsHandler tags, MenusHandler menus,
                             FrontPageHandler frontPage) {
    }

    /** The desk: the lists, the editor, its script's calls, revisions. */
    private record Articles(ArticlesHandler list, ArticleEditorHandler editor, DeskJsonHandler json,
                            RevisionsHandler revisions) {
    }

    /** The media library: the list and the picker's JSON, uploads, one image's page. */
    private record Media(MediaLibraryHandler library, MediaUploadHandler upload, MediaItemHandler item) {
    }

    /** People, profiles and the activity log. */
    private record People(PeopleHandler people, ProfileHandler profile, AccountSecurityHandler security,
                          ActivityHandler activity, ApiKeysHandler keys) {
    }

    private final CompletableFuture<Handlers> handlers = new CompletableFuture<>();
    /** The moderation queue's handler, once {@link #readyComments} has been called after {@link #ready}. */
    private final CompletableFuture<CommentsHandler> comments = new CompletableFuture<>();
    /** A commenter's data exported or erased (administrators), readied with the queue. */
    private final CompletableFuture<CommentPrivacyHandler> commentPrivacy = new CompletableFuture<>();
    /** Webhooks (administrators), readied by {@link #readyWebhooks} after {@link #ready}. */
    private final CompletableFuture<WebhooksHandler> webhooks = new CompletableFuture<>();
    /** Comments waiting for a moderator, for the navigation; set by {@link #readyComments}. */
    private volatile java.util.function.ToLongFunction<dev.byline.account.Actor> pendingComments = actor -> 0;
    private final Map<String, String> headers;
    private final Templates templates;
    private final boolean https;
    private final String siteOrigin;
    private final String cssUrl;
    private final String faviconUrl;
    private final String scriptUrl;

    /**
     * @param siteOrigin the origin of the configured base URL ({@code https://news.example.org}): a form posted
     *                   from it is the site's own even when a proxy in front rewrote the Host header
     */
    public AdminSurface(Map<String, String> siteHeaders, boolean https, String siteOrigin, Templates templates,
                        String cssUrl, String faviconUrl, String scriptUrl) {
        this.siteOrigin = siteOrigin;
        var all = new LinkedHashMap<>(siteHeaders);
        all.put("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        // links carrying tokens (invitation, reset) must not leak them to other sites through Referer
        all.put("Referrer-Policy", "same-origin");
        all.put("Cache-Control", "no-store");
        all.put("X-Robots-Tag", "noindex, nofollow");
        this.headers = Map.copyOf(all);
        this.templates = templates;
        this.https = https;
        this.cssUrl = cssUrl;
        this.faviconUrl = faviconUrl;
        this.scriptUrl = scriptUrl;
    }

    /** What the moderation queue needs: the comments' services and its keyboard script. */
    public record CommentDesk(dev.byline.comment.CommentQueue queue, dev.byline.comment.CommentModeration moderation,
                              dev.byline.comment.CommentService comments, String scriptUrl,
                              dev.byline.comment.CommentPrivacy privacy) {
    }

    /** Readies /admin/comments and the navigation's count of waiting comments; after {@link #ready}. */
    public void readyComments(CommentDesk desk, Supplier<ZoneId> zone) {
        pendingComments = desk.queue()::pending;
        Handlers ready = handlers.join();
        comments.complete(new CommentsHandler(desk.queue(), desk.moderation(), desk.comments(), ready.doors(),
                new AdminPages(templates), zone, desk.scriptUrl()));
        commentPrivacy.complete(new CommentPrivacyHandler(desk.privacy(), ready.doors(), new AdminPages(templates)));
    }

    /** Readies /admin/webhooks; after {@link #ready}. */
    public void readyWebhooks(dev.byline.webhook.Webhooks hooks, Supplier<ZoneId> zone) {
        Handlers ready = handlers.join();
        webhooks.complete(new WebhooksHandler(hooks, ready.doors(), new AdminPages(templates), zone));
    }

    public void ready(Needs needs) {
        var pages = new AdminPages(templates);
        var chromes = new AdminChromes(needs.siteTitle(), cssUrl, faviconUrl, scriptUrl,
                actor -> pendingComments.applyAsLong(actor));
        var secrets = new Secrets(SiteKey.load(needs.jdbi(), needs.clock().millis()));
        Predicate<User> secondFactorRequired =
                user -> needs.secondFactorRequired().getAsBoolean() && mustHaveSecondFactor(user);
        var doors = new Doors(needs.accounts(), secrets, new Cookies(https), siteOrigin, chromes,
                secondFactorRequired, pages);
        handlers.complete(new Handlers(doors,
                new SignInHandlers(needs.accounts(), doors, pages, needs.clock(), needs.zone()),
                new SetupHandler(needs.accounts(), doors, pages),
                new DashboardHandler(needs.articles(), pages, needs.zone()),
                new AdminErrors(pages, chromes),
                new ForgotHandler(needs.accounts(), pages),
                new ResetHandler(needs.accounts(), doors, pages),
                new InvitationHandler(needs.accounts(), doors, pages, needs.siteTitle()),
                new TwoFactorHandlers(needs.accounts().twoFactor(), doors, pages, secondFactorRequired),
                new SettingsHandler(needs.settings(), needs.demoRemoval(),
                        new SettingsPages(needs.settings(), needs.demoRemoval(), pages), doors),
                people(needs, doors, pages), structure(needs, doors, pages), articles(needs, doors, pages),
                media(needs, doors, pages)));
    }

    private static Structure structure(Needs needs, Doors doors, AdminPages pages) {
        return new Structure(new SectionsHandler(needs.sections(), doors, pages),
                new TagsHandler(needs.tags(), doors, pages),
                new MenusHandler(needs.menus(), needs.sections(), doors, pages),
                new FrontPageHandler(needs.frontPage(), doors, pages, needs.zone()));
    }

    private Articles articles(Needs needs, Doors doors, AdminPages pages) {
        var desk = needs.desk();
        var bulk = new DeskBulk(desk.desk(), desk.taxonomy());
        var editorPages = new EditorPages(desk.desk(), desk.listing(), bulk, desk.taxonomy(), desk.authors(), pages,
                needs.zone());
        var editor = new ArticleEditorHandler(desk.desk(), editorPages, doors);
        return new Articles(new ArticlesHandler(desk.listing(), bulk, desk.taxonomy(), desk.authors(), pages,
                needs.zone()), editor,
                new DeskJsonHandler(desk.desk(), editorPages, desk.taxonomy(), desk.siteViews(), templates),
                new RevisionsHandler(desk.desk(), editor, editorPages, doors, pages, needs.zone()));
    }

    private static Media media(Needs needs, Doors doors, AdminPages pages) {
        var desk = needs.media();
        var library = new MediaLibraryHandler(desk.library(), pages, needs.zone(), desk.scriptUrl());
        return new Media(library, new MediaUploadHandler(desk.library(), doors, library),
                new MediaItemHandler(desk.library(), desk.images(), doors, pages, needs.zone()));
    }

    private static People people(Needs needs, Doors doors, AdminPages pages) {
        var profile = new ProfileHandler(needs.accounts(), doors, pages, needs.zone());
        return new People(new PeopleHandler(needs.accounts(), doors, pages, needs.zone()), profile,
                new AccountSecurityHandler(needs.accounts(), doors, profile),
                new ActivityHandler(needs.accounts(), pages, needs.zone()),
                new ApiKeysHandler(needs.accounts().apiKeys(), doors, pages, needs.zone()));
    }

    public void failed(Throwable cause) {
        handlers.completeExceptionally(cause);
        comments.completeExceptionally(cause);
        commentPrivacy.completeExceptionally(cause);
        webhooks.completeExceptionally(cause);
    }

    /** The roles the setting "two-factor for administrators and editors" covers. */
    static boolean mustHaveSecondFactor(User user) {
        return user.role() == Role.ADMINISTRATOR || user.role() == Role.EDITOR;
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void register(Routes routes) {
        routes.get(PREFIX, ctx -> handlers().doors().signedIn(handlers().dashboard()::show).handle(ctx));
        routes.get("/admin/login", ctx -> handlers().doors().open(handlers().signIn()::form).handle(ctx));
        routes.post("/admin/login", ctx -> handlers().doors().open(handlers().signIn()::signIn).handle(ctx));
        routes.get("/admin/login/code", ctx -> handlers().doors().halfWay(handlers().signIn()::codeForm).handle(ctx));
        routes.post("/admin/login/code", ctx -> handlers().doors().halfWay(handlers().signIn()::code).handle(ctx));
        routes.post("/admin/logout", ctx -> handlers().doors().open(handlers().signIn()::signOut).handle(ctx));
        routes.get("/admin/setup/{token}", ctx -> handlers().doors().setup(handlers().setup()::form).handle(ctx));
        routes.post("/admin/setup/{token}", ctx -> handlers().doors().setup(handlers().setup()::create).handle(ctx));
        routes.get("/admin/forgot", ctx -> handlers().doors().open(handlers().forgot()::form).handle(ctx));
        routes.post("/admin/forgot", ctx -> handlers().doors().open(handlers().forgot()::request).handle(ctx));
        routes.get("/admin/reset/{token}", ctx -> handlers().doors().open(handlers().reset()::form).handle(ctx));
        routes.post("/admin/reset/{token}", ctx -> handlers().doors().open(handlers().reset()::reset).handle(ctx));
        routes.get("/admin/invitation/{token}",
                ctx -> handlers().doors().open(handlers().invitation()::form).handle(ctx));
        routes.post("/admin/invitation/{token}",
                ctx -> handlers().doors().open(handlers().invitation()::accept).handle(ctx));
        routes.get(Doors.TWO_FACTOR_PAGE, ctx -> handlers().doors().signedIn(handlers().twoFactor()::show).handle(ctx));
        routes.post(Doors.TWO_FACTOR_PAGE + "/setup",
                ctx -> handlers().doors().signedIn(handlers().twoFactor()::setUp).handle(ctx));
        routes.post(Doors.TWO_FACTOR_PAGE + "/recovery-codes",
                ctx -> handlers().doors().signedIn(handlers().twoFactor()::renewCodes).handle(ctx));
        routes.post(Doors.TWO_FACTOR_PAGE + "/off",
                ctx -> handlers().doors().signedIn(handlers().twoFactor()::turnOff).handle(ctx));
        routes.get(SettingsHandler.PATH, ctx -> handlers().doors().signedIn(handlers().settings()::form).handle(ctx));
        routes.post(SettingsHandler.PATH, ctx -> handlers().doors().signedIn(handlers().settings()::save).handle(ctx));
        routes.post(SettingsHandler.PATH + "/demo",
                ctx -> handlers().doors().signedIn(handlers().settings()::removeDemo).handle(ctx));
        routes.post(SettingsHandler.PATH + "/test-message",
                ctx -> handlers().doors().signedIn(handlers().settings()::testMessage).handle(ctx));

        // people, profiles, the activity log
        routes.get("/admin/people", people(h -> h.people()::show));
        routes.post("/admin/people/invite", people(h -> h.people()::invite));
        routes.post("/admin/people/{id}/role", people(h -> h.people()::changeRole));
        routes.post("/admin/people/{id}/disable", people(h -> h.people()::disable));
        routes.post("/admin/people/{id}/enable", people(h -> h.people()::enable));
        routes.post("/admin/people/{id}/resend", people(h -> h.people()::resendInvitation));
        routes.post("/admin/people/{id}/two-factor/reset", people(h -> h.people()::resetTwoFactor));
        routes.get("/admin/profile", people(h -> h.profile()::show));
        routes.post("/admin/profile", people(h -> h.profile()::save));
        routes.post("/admin/profile/avatar", people(h -> h.profile()::uploadAvatar));
        routes.post("/admin/profile/avatar/remove", people(h -> h.profile()::removeAvatar));
        routes.post("/admin/profile/password", people(h -> h.security()::changePassword));
        routes.post("/admin/profile/sessions/end", people(h -> h.security()::endSession));
        routes.post("/admin/profile/sessions/others", people(h -> h.security()::signOutOthers));
        routes.get(ApiKeysHandler.PAGE, people(h -> h.keys()::show));
        routes.post(ApiKeysHandler.PAGE, people(h -> h.keys()::make));
        routes.post(ApiKeysHandler.PAGE + "/revoke", people(h -> h.keys()::revoke));
        routes.get("/admin/activity", people(h -> h.activity()::show));

        // sections, tags, menus, the front page
        routes.get(SectionsHandler.PATH, structure(h -> h.sections()::show));
        routes.post(SectionsHandler.PATH, structure(h -> h.sections()::create));
        routes.get(SectionsHandler.PATH + "/{id}", structure(h -> h.sections()::edit));
        routes.post(SectionsHandler.PATH + "/{id}", structure(h -> h.sections()::save));
        routes.post(SectionsHandler.PATH + "/{id}/up", structure(h -> h.sections()::up));
        routes.post(SectionsHandler.PATH + "/{id}/down", structure(h -> h.sections()::down));
        routes.post(SectionsHandler.PATH + "/{id}/delete", structure(h -> h.sections()::delete));
        routes.get(TagsHandler.PATH, structure(h -> h.tags()::show));
        routes.get(TagsHandler.PATH + "/{id}", structure(h -> h.tags()::edit));
        routes.post(TagsHandler.PATH + "/{id}", structure(h -> h.tags()::rename));
        routes.post(TagsHandler.PATH + "/{id}/merge", structure(h -> h.tags()::merge));
        routes.post(TagsHandler.PATH + "/{id}/delete", structure(h -> h.tags()::delete));
        routes.get(MenusHandler.PATH, structure(h -> h.menus()::show));
        routes.post(MenusHandler.PATH + "/{menu}/items", structure(h -> h.menus()::add));
        routes.post(MenusHandler.PATH + "/{menu}/items/{id}/remove", structure(h -> h.menus()::remove));
        routes.post(MenusHandler.PATH + "/{menu}/items/{id}/up", structure(h -> h.menus()::up));
        routes.post(MenusHandler.PATH + "/{menu}/items/{id}/down", structure(h -> h.menus()::down));
        routes.post(MenusHandler.PATH + "/{menu}/items/{id}/nest", structure(h -> h.menus()::nest));
        routes.post(MenusHandler.PATH + "/{menu}/items/{id}/unnest", structure(h -> h.menus()::unnest));
        routes.post(MenusHandler.PATH + "/{menu}/customise", structure(h -> h.menus()::customise));
        routes.post(MenusHandler.PATH + "/{menu}/reset", structure(h -> h.menus()::reset));
        routes.get(FrontPageHandler.PATH, structure(h -> h.frontPage()::show));
        routes.post(FrontPageHandler.PATH + "/lead", structure(h -> h.frontPage()::lead));
        routes.post(FrontPageHandler.PATH + "/lead/clear", structure(h -> h.frontPage()::clearLead));
        routes.post(FrontPageHandler.PATH + "/pin", structure(h -> h.frontPage()::pin));
        routes.post(FrontPageHandler.PATH + "/unpin", structure(h -> h.frontPage()::unpin));
        routes.post(FrontPageHandler.PATH + "/up", structure(h -> h.frontPage()::up));
        routes.post(FrontPageHandler.PATH + "/down", structure(h -> h.frontPage()::down));

        // the desk: articles and pages, the editor, revisions
        routes.get(ArticlesHandler.ARTICLES, articles(h -> h.list()::articles));
        routes.post(ArticlesHandler.ARTICLES + "/bulk", articles(h -> h.list()::bulk));
        routes.get(ArticlesHandler.PAGES, articles(h -> h.list()::pages));
        routes.post(ArticlesHandler.PAGES + "/bulk", articles(h -> h.list()::bulk));
        routes.get(ArticlesHandler.ARTICLES + "/new", articles(h -> h.editor()::newArticle));
        routes.post(ArticlesHandler.ARTICLES + "/new", articles(h -> h.editor()::save));
        routes.get(ArticlesHandler.PAGES + "/new", articles(h -> h.editor()::newArticle));
        routes.post(ArticlesHandler.PAGES + "/new", articles(h -> h.editor()::save));
        routes.post(ArticlesHandler.ARTICLES + "/preview", articles(h -> h.json()::preview));
        routes.post(ArticlesHandler.ARTICLES + "/autosave", articles(h -> h.json()::autosave));
        routes.post(ArticlesHandler.ARTICLES + "/paste", articles(h -> h.json()::paste));
        routes.get(ArticlesHandler.ARTICLES + "/{id}", articles(h -> h.editor()::edit));
        routes.post(ArticlesHandler.ARTICLES + "/{id}", articles(h -> h.editor()::save));
        routes.post(ArticlesHandler.ARTICLES + "/{id}/here", articles(h -> h.json()::here));
        routes.post(ArticlesHandler.ARTICLES + "/{id}/trash", articles(h -> h.editor()::trash));
        routes.post(ArticlesHandler.ARTICLES + "/{id}/restore", articles(h -> h.editor()::restore));
        routes.post(ArticlesHandler.ARTICLES + "/{id}/delete", articles(h -> h.editor()::deleteForever));
        routes.post(ArticlesHandler.ARTICLES + "/{id}/notes", articles(h -> h.revisions()::addNote));
        // a GET of four segments would meet the site's /{year}/{month}/{day}/{slug} first: revisions live at
        // /admin/revisions/{id} (?from=&to= for a diff)
        routes.get(RevisionsHandler.PATH + "/{id}", articles(h -> h.revisions()::show));
        routes.post(ArticlesHandler.ARTICLES + "/{id}/revisions/restore", articles(h -> h.revisions()::restore));

        // the media library
        routes.get(MediaLibraryHandler.PATH, media(h -> h.library()::show));
        routes.post(MediaLibraryHandler.PATH, media(h -> h.upload()::upload));
        routes.get(MediaLibraryHandler.PATH + ".json", media(h -> h.library()::picker));
        routes.get(MediaLibraryHandler.PATH + "/{id}", media(h -> h.item()::show));
        routes.post(MediaLibraryHandler.PATH + "/{id}", media(h -> h.item()::describe));
        routes.post(MediaLibraryHandler.PATH + "/{id}/delete", media(h -> h.item()::delete));

        // the moderation queue
        routes.get(CommentsHandler.PATH, comments(h -> h::show));
        routes.post(CommentsHandler.PATH + "/bulk", comments(h -> h::bulk));
        // before /{id}: the first route that matches answers
        routes.get(CommentPrivacyHandler.PATH, commentPrivacy(h -> h::show));
        routes.post(CommentPrivacyHandler.PATH + "/export", commentPrivacy(h -> h::export));
        routes.post(CommentPrivacyHandler.PATH + "/erase", commentPrivacy(h -> h::erase));
        routes.get(WebhooksHandler.PATH, later(webhooks, h -> h::list));
        routes.post(WebhooksHandler.PATH, later(webhooks, h -> h::add));
        routes.get(WebhooksHandler.PATH + "/{id}", later(webhooks, h -> h::show));
        routes.post(WebhooksHandler.PATH + "/{id}", later(webhooks, h -> h::update));
        routes.post(WebhooksHandler.PATH + "/{id}/test", later(webhooks, h -> h::test));
        routes.post(WebhooksHandler.PATH + "/{id}/delete", later(webhooks, h -> h::delete));
        routes.get(CommentsHandler.PATH + "/{id}", comments(h -> h::edit));
        routes.post(CommentsHandler.PATH + "/{id}", comments(h -> h::save));
        routes.post(CommentsHandler.PATH + "/{id}/moderate", comments(h -> h::moderate));
        routes.post(CommentsHandler.PATH + "/{id}/reply", comments(h -> h::reply));
        routes.post(CommentsHandler.PATH + "/article/{id}/close", comments(h -> h::close));
    }

    /** The signed-in door in front of one of the structure handlers. */
    private Handler structure(Function<Structure, AdminHandler> pick) {
        return ctx -> handlers().doors().signedIn(pick.apply(handlers().structure())).handle(ctx);
    }

    /** The signed-in door in front of one of the desk's handlers. */
    private Handler articles(Function<Articles, AdminHandler> pick) {
        return ctx -> handlers().doors().signedIn(pick.apply(handlers().articles())).handle(ctx);
    }

    /** The signed-in door in front of one of the media library's handlers. */
    private Handler media(Function<Media, AdminHandler> pick) {
        return ctx -> handlers().doors().signedIn(pick.apply(handlers().media())).handle(ctx);
    }

    /** The signed-in door in front of the moderation queue's handler. */
    private Handler comments(Function<CommentsHandler, AdminHandler> pick) {
        return later(comments, pick);
    }

    /** The signed-in door in front of a handler readied after {@link #ready}: a 503 if it never will be. */
    private <H> Handler later(CompletableFuture<H> readied, Function<H, AdminHandler> pick) {
        return ctx -> {
            H handler;
            try {
                handler = readied.join();
            } catch (java.util.concurrent.CompletionException failed) {
                throw new io.javalin.http.ServiceUnavailableResponse("The admin is not available.");
            }
            handlers().doors().signedIn(pick.apply(handler)).handle(ctx);
        };
    }

    /** The signed-in door in front of the commenters' personal data page. */
    private Handler commentPrivacy(Function<CommentPrivacyHandler, AdminHandler> pick) {
        return later(commentPrivacy, pick);
    }

    /** The signed-in door in front of one of the people handlers. */
    private Handler people(Function<People, AdminHandler> pick) {
        return ctx -> handlers().doors().signedIn(pick.apply(handlers().people())).handle(ctx);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public long maxRequestBytes() {
        return MAX_REQUEST_BYTES;
    }

    /** More for the media library's upload, which streams its files to disk. */
    @Override
    public long maxRequestBytes(String path) {
        return path.equals(MediaLibraryHandler.PATH) || path.equals(MediaLibraryHandler.PATH + "/")
                ? MAX_UPLOAD_BYTES : MAX_REQUEST_BYTES;
    }

    @Override
    public void fail(Context ctx, Exception error) {
        if (!handlers.isDone() || handlers.isCompletedExceptionally()) {
            ctx.status(503).contentType("text/html; charset=utf-8").result("<!doctype html><html lang=en><meta "
                    + "charset=utf-8><title>Not available</title><h1>503</h1><p>The admin is not available. Please "
                    + "try again later.</p></html>");
            return;
        }
        handlers().errors().fail(ctx, error);
    }

    private Handlers handlers() {
        try {
            return handlers.join();
        } catch (CompletionException startFailed) {
            throw new ServiceUnavailableResponse("The admin is not available. Please try again later.");
        }
    }
}
