package dev.byline.support;

import dev.byline.Byline;
import dev.byline.account.Accounts;
import dev.byline.article.ArticleImages;
import dev.byline.article.ArticleService;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.media.MediaService;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.config.Config;
import dev.byline.db.Database;
import dev.byline.demo.DemoContent;
import dev.byline.demo.DemoNotice;
import dev.byline.demo.DemoRemoval;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Real services over a real database, wired as Byline wires them, without the web server. */
public final class Newsroom implements AutoCloseable {

    public final Database database;
    public final ChangeFeed changes;
    public final MediaService media;
    public final AuthorService authors;
    public final TaxonomyService taxonomy;
    public final ArticleService articles;
    public final dev.byline.article.Desk desk;
    public final ArticleImages images;
    public final DemoContent demo;
    public final DemoRemoval demoRemoval;
    public final DemoNotice demoNotice;
    public final Accounts accounts;
    public final dev.byline.settings.SettingsService settings;
    public final dev.byline.taxonomy.SectionService sections;
    public final dev.byline.taxonomy.TagService tags;
    public final dev.byline.menu.MenuService menus;
    public final dev.byline.frontpage.FrontPageService frontPage;
    public final dev.byline.media.MediaLibrary library;
    public final dev.byline.comment.CommentService comments;
    public final dev.byline.comment.CommentModeration moderation;
    public final dev.byline.comment.CommentPrivacy commentPrivacy;
    public final dev.byline.webhook.Webhooks webhooks;
    /** every change published, in order (writers on several threads add to it) */
    public final List<Change> published = java.util.Collections.synchronizedList(new ArrayList<>());

    public Newsroom(Config config, Clock clock) {
        database = Database.open(config);
        Byline.Services services = Byline.wire(config, database, clock);
        changes = services.changes();
        settings = services.settings();
        changes.subscribe(published::add);
        media = services.media();
        authors = services.authors();
        taxonomy = services.taxonomy();
        articles = services.articles();
        desk = services.desk();
        images = services.images();
        demo = services.demo();
        demoRemoval = services.demoRemoval();
        demoNotice = services.demoNotice();
        accounts = services.accounts();
        sections = services.sections();
        tags = services.tags();
        menus = services.menus();
        frontPage = services.frontPage();
        library = services.library();
        comments = services.comments();
        moderation = services.moderation();
        commentPrivacy = services.commentPrivacy();
        webhooks = services.webhooks();
    }

    public Change lastChange() {
        synchronized (published) {
            return published.getLast();
        }
    }

    /** The last change's keys by name, positions in lists left out: {@code list:home}, not {@code list:home@…}. */
    public java.util.Set<String> lastKeyNames() {
        return lastChange().keys().stream().map(key -> dev.byline.change.Keys.parse(key).name())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void close() {
        webhooks.close();
        database.close();
    }
}
