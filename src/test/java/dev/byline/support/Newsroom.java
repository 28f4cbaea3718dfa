package dev.byline.support;

import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStore;
import dev.byline.article.BodyRenderer;
import dev.byline.change.ChangeFeed;
import dev.byline.config.Config;
import dev.byline.db.Database;
import dev.byline.media.MediaService;
import dev.byline.media.MediaStore;
import dev.byline.people.AuthorService;
import dev.byline.people.AuthorStore;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.taxonomy.TaxonomyStore;
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
    /** every change published, in order */
    public final List<ChangeFeed.Change> published = new ArrayList<>();

    public Newsroom(Config config, Clock clock) {
        database = Database.open(config);
        var jdbi = database.jdbi();
        changes = new ChangeFeed(jdbi, clock);
        changes.subscribe(published::add);
        media = new MediaService(jdbi, new MediaStore(jdbi), config.dataDir().resolve("media"), clock);
        authors = new AuthorService(new AuthorStore(jdbi), changes, clock);
        taxonomy = new TaxonomyService(new TaxonomyStore(jdbi), changes);
        articles = new ArticleService(new ArticleStore(jdbi), taxonomy, authors, media,
                new BodyRenderer(media::findByPaths), changes, clock);
    }

    public ChangeFeed.Change lastChange() {
        return published.getLast();
    }

    @Override
    public void close() {
        database.close();
    }
}
