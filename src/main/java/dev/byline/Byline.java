package dev.byline;

import dev.byline.account.AccountMail;
import dev.byline.account.AccountService;
import dev.byline.account.Accounts;
import dev.byline.account.ActivityLog;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.Passwords;
import dev.byline.account.ProfileService;
import dev.byline.account.Sessions;
import dev.byline.account.SignIn;
import dev.byline.account.SignInThrottle;
import dev.byline.account.TwoFactorService;
import dev.byline.account.TwoFactorStore;
import dev.byline.account.UserStore;
import dev.byline.article.ArticleImages;
import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStore;
import dev.byline.article.BodyRenderer;
import dev.byline.article.SchedulePublisher;
import dev.byline.change.ChangeFeed;
import dev.byline.cli.Commands;
import dev.byline.change.ChangeFollower;
import dev.byline.config.Config;
import dev.byline.config.ConfigParser;
import dev.byline.db.Database;
import dev.byline.mail.AccountMailer;
import dev.byline.mail.Delivery;
import dev.byline.mail.Outbox;
import dev.byline.demo.DemoContent;
import dev.byline.demo.DemoNotice;
import dev.byline.demo.DemoRemoval;
import dev.byline.demo.DemoStore;
import dev.byline.media.MediaLibrary;
import dev.byline.media.MediaService;
import dev.byline.media.MediaStore;
import dev.byline.news.PublicNews;
import dev.byline.people.AuthorService;
import dev.byline.people.AuthorStore;
import dev.byline.settings.LiveSettings;
import dev.byline.settings.Settings;
import dev.byline.settings.SettingsService;
import dev.byline.settings.SettingsStore;
import dev.byline.frontpage.FrontPageService;
import dev.byline.frontpage.FrontPageStore;
import dev.byline.menu.MenuKeys;
import dev.byline.menu.MenuService;
import dev.byline.menu.MenuStore;
import dev.byline.taxonomy.SectionService;
import dev.byline.taxonomy.TagService;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.taxonomy.TaxonomyStore;
import dev.byline.web.WebServer;
import dev.byline.web.admin.AdminSurface;
import dev.byline.web.api.ApiSurface;
import dev.byline.web.ops.OpsRoutes;
import dev.byline.web.ops.Readiness;
import dev.byline.web.site.Chromes;
import dev.byline.web.site.PageResponder;
import dev.byline.web.site.SiteRoutes;
import dev.byline.web.site.SiteUrls;
import dev.byline.web.site.SiteViews;
import dev.byline.web.support.Assets;
import dev.byline.web.support.Bypass;
import dev.byline.web.support.ClientAddress;
import dev.byline.web.support.PageCache;
import dev.byline.web.support.SecurityHeaders;
import dev.byline.web.support.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the configuration, opens the database, builds every store, service and handler
 * by hand, top to bottom, and starts the web server. Start-up can be read here in order.
 */
public final class Byline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Byline.class);
    private static final long PAGE_CACHE_BYTES = 64L * 1024 * 1024;
    /** How long /readyz waits for the database's SELECT 1 before answering 503. */
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(1);

    private final Database database;
    private final WebServer web;
    private final SchedulePublisher schedule;
    private final dev.byline.account.Housekeeping housekeeping;
    private final Optional<ChangeFollower> follower;
    private final String baseUrl;
    private final Services services;
    private final dev.byline.search.SearchIndex searchIndex;
    private final dev.byline.search.SearchService search;

    /** The services, for tests and tools that drive Byline without HTTP. */
    public record Services(ArticleService articles, AuthorService authors, TaxonomyService taxonomy,
                           MediaService media, ArticleImages images, ChangeFeed changes, PageCache pageCache,
                           DemoContent demo, DemoRemoval demoRemoval, DemoNotice demoNotice, Accounts accounts,
                           Outbox mail, SettingsService settings, dev.byline.article.Desk desk,
                           SectionService sections, TagService tags, MenuService menus, FrontPageService frontPage,
                           MediaLibrary library, dev.byline.comment.CommentService comments,
                           dev.byline.comment.CommentModeration moderation,
                           dev.byline.comment.CommentPrivacy commentPrivacy,
                           dev.byline.webhook.Webhooks webhooks) {
    }

    private Byline(Database database, WebServer web, SchedulePublisher schedule,
                   dev.byline.account.Housekeeping housekeeping, Optional<ChangeFollower> follower,
                   String baseUrl, Services services, dev.byline.search.SearchIndex searchIndex,
                   dev.byline.search.SearchService search) {
        this.searchIndex = searchIndex;
        this.search = search;
        this.housekeeping = housekeeping;
        this.database = database;
        this.web = web;
        this.schedule = schedule;
        this.follower = follower;
        this.baseUrl = baseUrl;
        this.services = services;
    }

    public static void main(String[] args) {
        if (Commands.isCommand(args)) { // ./byline demo remove …: a command next to the site, not the site
            System.exit(Commands.run(args, System.getenv(), System.in, System.out, System.err));
        }
        Config config;
        try {
            Optional<Config> parsed = ConfigParser.parse(args, System.getenv());
            if (parsed.isEmpty()) {
                return;
            }
            config = parsed.get();
        } catch (ConfigParser.InvalidConfig e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Byline byline;
        try {
            byline = start(config);
        } catch (StartFailed e) {
            LOG.debug("start-up failed", e.getCause());
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(byline::close, "shutdown"));
    }

    /** The services over an open database, wired as the running site wires them. */
    public static Services wire(Config config, Database database, Clock clock) {
        return wire(config, database, clock, new PageCache(PAGE_CACHE_BYTES, clock), config.publicBase(config.port()));
    }

    /** The origin of a base URL ("https://news.example.org:8443"), as a browser writes it in an Origin header. */
    static String origin(String baseUrl) {
        var uri = java.net.URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** @param baseUrl the public base URL, for links in mail */
    private static Services wire(Config config, Database database, Clock clock, PageCache pageCache,
                                 String baseUrl) {
        var jdbi = database.jdbi();
        var changes = new ChangeFeed(jdbi, clock, database.dialect() == Database.Dialect.POSTGRES);
        var media = new MediaService(jdbi, new MediaStore(jdbi), mediaRoot(config), clock);
        var authors = new AuthorService(new AuthorStore(jdbi), changes, clock);
        // the menus know which section changes they show; the front page takes unpublished stories off it
        var menuStore = new MenuStore(jdbi);
        var menuKeys = new MenuKeys(menuStore);
        var taxonomyStore = new TaxonomyStore(jdbi, database.dialect() == Database.Dialect.POSTGRES);
        var taxonomy = new TaxonomyService(taxonomyStore, changes, menuKeys);
        var menus = new MenuService(menuStore, taxonomy, changes);
        var frontPage = new FrontPageService(new FrontPageStore(jdbi), changes);
        changes.participate(frontPage);
        var articleStore = new ArticleStore(jdbi);
        var renderer = new BodyRenderer(media::findByPaths);
        var revisions = new dev.byline.article.RevisionStore(jdbi);
        var notes = new dev.byline.article.NoteStore(jdbi);
        var articles = new ArticleService(articleStore, revisions, notes, taxonomy, authors, media, renderer, changes,
                clock);
        // the newsroom's desk: the workflow with who acts, over the same rules (ArticleService)
        var desk = new dev.byline.article.Desk(articles, articleStore, revisions, notes,
                new dev.byline.article.PresenceStore(jdbi), taxonomy, changes, jdbi, clock);
        var images = new ArticleImages(articleStore, media, renderer, changes);
        var library = new MediaLibrary(media, jdbi, changes, database.dialect() == Database.Dialect.POSTGRES);
        var demoStore = new DemoStore(jdbi);
        var demoNotice = new DemoNotice(demoStore);
        changes.participate(demoNotice);
        var demo = new DemoContent(articles, authors, taxonomy, media, demoStore, clock);
        // the settings in force, read now and again after every settings change: subscribed before the page cache,
        // so the pages rendered after it drops its copies show the new settings
        var settingsStore = new SettingsStore(jdbi);
        var live = new LiveSettings(settingsStore, Settings.defaults(config.siteName(), config.zone()));
        changes.subscribe(live::onChange);
        changes.subscribe(pageCache::onChange);
        var activity = new ActivityLog(jdbi, clock, () -> live.get().activityRetention());
        // sends nothing until started: tools that wire the services queue mail for the site to send
        var mail = new Outbox(jdbi, Delivery.of(config.smtp(), clock), clock);
        var settings = new SettingsService(settingsStore, live, changes, activity, media, mail, clock);
        var demoRemoval = new DemoRemoval(demoStore, media, changes, activity, clock);
        var users = new UserStore(jdbi);
        var accountMail = new AccountMailer(mail, users, () -> baseUrl, () -> live.get().siteTitle(),
                () -> live.get().zone(), clock);
        var accounts = accounts(jdbi, users, authors, media, library, accountMail, activity, live, clock);
        // reader comments: the form's token is signed with the site's key, the same on every node
        var commentStore = new dev.byline.comment.CommentStore(jdbi);
        var commentTokens = new dev.byline.comment.FormTokens(dev.byline.web.admin.SiteKey.load(jdbi, clock.millis()),
                clock);
        // readers are mailed only through a real mail server: the log (no server) must never hold their addresses
        var commentMail = new dev.byline.comment.CommentMail(mail, () -> baseUrl, () -> live.get().siteTitle(),
                new dev.byline.web.site.SiteUrls(() -> live.get().zone())::article, commentTokens,
                config.smtp().isPresent());
        var comments = new dev.byline.comment.CommentService(commentStore, changes, live::get, commentTokens,
                dev.byline.comment.CommentLimits.DEFAULTS, clock, commentMail);
        var moderation = new dev.byline.comment.CommentModeration(commentStore, changes, clock, commentMail);
        // a commenter's data exported or erased at their request, by an administrator
        var siteUrls = new dev.byline.web.site.SiteUrls(() -> live.get().zone());
        var commentPrivacy = new dev.byline.comment.CommentPrivacy(commentStore, changes, activity,
                (slug, publishedAt) -> baseUrl + siteUrls.article(slug, publishedAt), clock);
        // webhooks: deliveries queued in the transaction of the change they tell of; sent once started
        var webhooks = new dev.byline.webhook.Webhooks(jdbi, changes, new dev.byline.webhook.WebhookEvents.Links() {
            @Override
            public String article(String slug, java.time.Instant publishedAt) {
                return baseUrl + dev.byline.web.site.SiteUrls.wire(siteUrls.article(slug, publishedAt));
            }

            @Override
            public String page(String slug) {
                return baseUrl + dev.byline.web.site.SiteUrls.wire(dev.byline.web.site.SiteUrls.sitePage(slug));
            }
        }, activity, clock);
        return new Services(articles, authors, taxonomy, media, images, changes, pageCache, demo, demoRemoval,
                demoNotice, accounts, mail, settings, desk, new SectionService(taxonomyStore, changes, menuKeys),
                new TagService(taxonomyStore, changes), menus, frontPage, library, comments, moderation,
                commentPrivacy, webhooks);
    }

    private static Accounts accounts(org.jdbi.v3.core.Jdbi jdbi, UserStore users, AuthorService authors,
                                     MediaService media, MediaLibrary library, AccountMail mail, ActivityLog activity, LiveSettings settings, Clock clock) {
        var passwords = new Passwords();
        var sessions = new Sessions(jdbi, users, clock, () -> new Sessions.Limits(settings.get().sessionIdle(),
                settings.get().sessionLifetime()));
        var throttle = new SignInThrottle(jdbi, clock);
        var service = new AccountService(jdbi, users, authors, passwords, new OneTimeLinks(clock), sessions, activity,
                mail, throttle, clock);
        var twoFactor = new TwoFactorService(jdbi, new TwoFactorStore(), users, passwords, throttle, activity,
                () -> settings.get().siteTitle(), clock);
        var signIn = new SignIn(jdbi, users, passwords, sessions, throttle, activity, twoFactor);
        return new Accounts(service, signIn, sessions, activity, throttle, twoFactor,
                new ProfileService(users, authors, media, library, activity, clock),
                new dev.byline.account.ApiKeys(jdbi, users, activity, clock));
    }

    /** Starts Byline on the system clock (UTC), as {@link #main} does. */
    public static Byline start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts Byline with {@code clock} as the one source of "now": publication times, scheduled publishing,
     * Last-Modified, the footer's year. Tests pass a clock they move.
     *
     * @throws StartFailed saying why in one line, with nothing left running: the port is free again, requests
     *                     that came in while starting were answered 503
     */
    public static Byline start(Config config, Clock clock) {
        long started = System.nanoTime();
        // Opening the database (connections, migrations) and starting Jetty take about as long as each other
        // and need nothing from each other: do both at once. Requests arriving first wait for the site;
        // /healthz and /readyz answer at once.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(config));
        var readiness = new Readiness(READINESS_TIMEOUT);
        readiness.starting("opening the database");
        var templates = new Templates();
        SiteRoutes site = null;
        AdminSurface admin = null;
        WebServer web = null;
        Database database = null;
        SchedulePublisher schedule = null;
        dev.byline.account.Housekeeping housekeeping = null;
        Outbox mail = null;
        dev.byline.webhook.Webhooks webhooks = null;
        Optional<ChangeFollower> follower = Optional.empty();
        dev.byline.search.SearchIndex searchIndex = null;
        try {
            int port = config.port() == 0 ? freePort(config.host()) : config.port();
            String baseUrl = config.publicBase(port);
            boolean https = baseUrl.startsWith("https:");
            var securityHeaders = SecurityHeaders.forSite(https);
            var assets = new Assets(clock);
            var pageCache = new PageCache(PAGE_CACHE_BYTES, clock);
            var bypass = Bypass.site();
            // the site alone gets the shared page cache: API answers cannot enter it
            site = new SiteRoutes(templates, assets.url("favicon.svg"), securityHeaders, pageCache, bypass,
                    mediaRoot(config));
            // the title the settings give, once they are read; the start-up name until then
            var settingsRead = new CompletableFuture<SettingsService>();
            var api = new ApiSurface(() -> settingsRead.isDone() ? settingsRead.join().current().siteTitle()
                    : config.siteName(), https);
            admin = new AdminSurface(securityHeaders, https, origin(baseUrl), templates, assets.url("admin.css"),
                    assets.url("favicon.svg"), assets.url("admin.js"));
            web = WebServer.start(config.host(), port, new OpsRoutes(readiness), List.of(site, api, admin),
                    new ClientAddress(config.trustedProxies()));
            LOG.info("Listening on {}; opening the database ({})", baseUrl, config.databaseDescription());
            database = opened(opening);
            readiness.starting("wiring the site");

            Services services = wire(config, database, clock, pageCache, baseUrl);
            settingsRead.complete(services.settings());
            services.changes().subscribe(site::onChange);
            // search: this node's own index, following the change feed from before the demo loads; missing or
            // damaged, it is rebuilt in the background while search says so
            searchIndex = dev.byline.search.SearchIndex.open(config.dataDir().resolve("search"),
                    new dev.byline.search.SearchStore(database.jdbi()), () -> services.settings().current().language(),
                    clock);
            services.changes().subscribe(searchIndex::onChange);
            if (!config.usesPostgres()) {
                // other processes on this SQLite file (./byline reindex, demo remove) are heard by polling
                searchIndex.followOtherProcesses(services.changes());
            }
            var search = new dev.byline.search.SearchService(searchIndex, clock);
            if (config.demo()) {
                readiness.starting("loading the demo content");
                database.exclusively("byline.demo-content", () -> services.demo().loadIfEmpty());
            }
            schedule = new SchedulePublisher(services.articles(), services.desk(), database, clock);
            schedule.start(15);
            housekeeping = new dev.byline.account.Housekeeping(database.jdbi(), services.accounts().sessions(),
                    services.accounts().activity(), clock);
            housekeeping.start(java.time.Duration.ofHours(1));
            mail = services.mail();
            mail.start();
            webhooks = services.webhooks();
            webhooks.start();
            // commenters' IP addresses forgotten after the retention setting; stale flood and bucket rows
            services.comments().startHousekeeping(java.time.Duration.ofHours(1));
            LOG.info("Mail goes to {}", mail.describe());
            if (config.usesPostgres()) {
                // hands other nodes' changes to the same subscribers as this node's own
                var following = new ChangeFollower(services.changes(), database.jdbi(), 5000);
                following.start();
                follower = Optional.of(following);
            }
            // what the settings say, as they say it now: every page reads them as it renders
            var settings = services.settings();
            var urls = new SiteUrls(() -> settings.current().zone());
            var chromes = new Chromes(settings::current, baseUrl, assets, clock, services.demoNotice()::shown,
                    services.media()::find, services.menus()::site);
            var news = new PublicNews(services.articles(), services.authors(), services.taxonomy(), services.media(),
                    services.frontPage());
            var views = new SiteViews(news, urls, chromes, settings::current);
            var responder = new PageResponder(pageCache, templates, securityHeaders, clock, chromes::validUntil,
                    bypass);
            var discussions = new dev.byline.web.site.Discussions(services.comments(), settings::current,
                    assets.url("comments.js"), clock);
            var accounts = services.accounts();
            // Gravatar's host is among the image sources only while the setting shows avatars from it
            site.showsGravatar(() -> settings.current().comments().gravatar());
            site.ready(new SiteRoutes.Needs(news, views, urls, responder, assets, templates,
                    new SiteRoutes.CommentNeeds(services.comments(), discussions,
                            token -> accounts.sessions().find(token).filter(current -> current.session().signedIn())
                                    .map(dev.byline.account.Sessions.Current::user), clock)));
            api.ready(services.accounts().apiKeys());
            // the feeds, sitemaps and robots.txt, from the same read model and page cache as the pages
            site.readyFeeds(new SiteRoutes.FeedNeeds(new dev.byline.news.PublicFeeds(news, services.articles(),
                    services.authors(), services.taxonomy(), new dev.byline.news.DistributionStore(database.jdbi())),
                    news, urls, baseUrl, responder, settings::current, clock));
            admin.ready(new AdminSurface.Needs(database.jdbi(), services.accounts(), services.articles(),
                    () -> settings.current().siteTitle(), () -> settings.current().zone(),
                    () -> settings.current().twoFactorRequired(), clock, settings, services.demoRemoval(),
                    services.sections(), services.tags(), services.menus(), services.frontPage(),
                    new AdminSurface.DeskNeeds(services.desk(),
                            new dev.byline.article.DeskListing(new dev.byline.article.DeskListingStore(database.jdbi()),
                                    search::deskMatches),
                            services.taxonomy(), services.authors(), views),
                    new AdminSurface.MediaDesk(services.library(), services.images(), assets.url("media.js"))));
            admin.readyComments(new AdminSurface.CommentDesk(new dev.byline.comment.CommentQueue(database.jdbi()),
                    services.moderation(), services.comments(), assets.url("moderation.js"),
                    services.commentPrivacy()),
                    () -> settings.current().zone());
            admin.readyWebhooks(services.webhooks(), () -> settings.current().zone());
            String setupLink = services.accounts().service().setupLinkIfNoUsers()
                    .map(token -> baseUrl + AdminSurface.PREFIX + "setup/" + token).orElse(null);
            readiness.ready(database);
            LOG.info("Byline is serving {} (started in {} ms); database: {}; data directory: {}", baseUrl,
                    (System.nanoTime() - started) / 1_000_000, config.databaseDescription(), config.dataDir());
            if (setupLink != null) {
                LOG.info("No one has an account yet. Create the first administrator at {} (valid for 24 hours; "
                        + "a restart prints a new link), or run: ./byline user add --email you@example.org "
                        + "--name \"Your Name\" --role administrator", setupLink);
            }
            site.readySearch(new dev.byline.web.site.SearchHandler(search, chromes, urls, settings::current,
                    services.taxonomy()::sections, responder));
            api.readySearch(search, urls, settings::current);
            return new Byline(database, web, schedule, housekeeping, follower, baseUrl, services, searchIndex,
                    search);
        } catch (RuntimeException | Error e) {
            String reason = rootMessage(e);
            // nobody waits for a site that will not come: waiting requests get a 503, then everything stops
            readiness.failed(reason);
            if (site != null) {
                site.failed(e);
            }
            if (admin != null) {
                admin.failed(e);
            }
            follower.ifPresent(ChangeFollower::close);
            closeQuietly(searchIndex);
            closeQuietly(schedule);
            closeQuietly(housekeeping);
            closeQuietly(mail);
            closeQuietly(webhooks);
            closeQuietly(web);
            if (database != null) {
                database.close();
            } else {
                opening.thenAccept(Database::close); // still opening: close it when it is done
            }
            throw new StartFailed(reason, e);
        }
    }

    private static Path mediaRoot(Config config) {
        return config.dataDir().resolve("media");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return web.port();
    }

    public Services services() {
        return services;
    }

    /** This node's search index: for tests that wait for it ({@code awaitIndexed}) and tools. */
    public dev.byline.search.SearchIndex searchIndex() {
        return searchIndex;
    }

    /** Search as the site, the API and the desk use it. */
    public dev.byline.search.SearchService search() {
        return search;
    }

    /** The scheduled-publishing tick, for tests that move the clock and tick by hand. */
    public SchedulePublisher schedule() {
        return schedule;
    }

    /** The accounts' clean-up, for tests that move the clock and sweep by hand. */
    public dev.byline.account.Housekeeping housekeeping() {
        return housekeeping;
    }

    /** Reads what other nodes committed now, instead of at the next notification: for tests and tools. */
    public void catchUp() {
        follower.ifPresent(ChangeFollower::poll);
    }

    @Override
    public void close() {
        schedule.close();
        housekeeping.close();
        services.comments().close();
        services.mail().close();
        services.webhooks().close();
        follower.ifPresent(ChangeFollower::close);
        web.close();
        searchIndex.close();
        database.close();
    }

    /** Start-up failed; the message is the one line to show the operator. Nothing was left running. */
    public static final class StartFailed extends RuntimeException {
        StartFailed(String reason, Throwable cause) {
            super("Byline could not start: " + reason, cause);
        }
    }

    /** The database {@code opening} gave, or what stopped it, unwrapped. */
    private static Database opened(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.debug("closing {} after a failed start", part, e);
        }
    }

    /** The innermost cause's message: "Connection refused", "Address already in use", not a wrapper's. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        var messages = new java.util.ArrayList<String>();
        while (root != null) {
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                messages.add(root.getMessage());
            }
            root = root.getCause() == root ? null : root.getCause();
        }
        return messages.isEmpty() ? error.toString()
                : messages.size() == 1 ? messages.getFirst() : messages.getFirst() + " (" + messages.getLast() + ")";
    }

    private static int freePort(String host) {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
