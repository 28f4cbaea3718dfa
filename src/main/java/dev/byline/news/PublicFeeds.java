package dev.byline.news;

import dev.byline.article.Article;
import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Keys;
import dev.byline.error.NotFound;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import dev.byline.taxonomy.TaxonomyService;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The news as feeds and sitemaps carry it: the public read model's part for distribution, next to
 * {@link PublicNews} (whose lists, visibility rules and keys the feeds reuse) and failing closed the same way:
 * only a published article is in a feed or a sitemap, never a draft, a scheduled, private or trashed one.
 *
 * <p>Every answer comes with its change-feed keys. A feed reads its list as the list's archive page does, plus
 * {@code article:ID} of each article (the body) and {@code tag:ID} of its tags. A month's sitemap reads
 * {@link Keys#sitemap} of its month, which every write to a public article announces; the index and the
 * sections, tags and authors sitemaps (whose {@code lastmod} is the newest change to any of their articles) read
 * every month's, and the home list (a new month, a first article in a section). The news sitemap reads the home
 * list down to 48 hours ago and expires when its oldest article ages out.
 */
public final class PublicFeeds {

    /** Google News takes the articles of the last two days, at most 1,000 in one sitemap. */
    public static final Duration NEWS_WINDOW = Duration.ofHours(48);
    public static final int NEWS_LIMIT = 1000;
    /** A sitemap lists at most 50,000 addresses (sitemaps.org). */
    public static final int SITEMAP_LIMIT = 50_000;

    private final PublicNews news;
    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final DistributionStore store;

    public PublicFeeds(PublicNews news, ArticleService articles, AuthorService authors, TaxonomyService taxonomy,
                       DistributionStore store) {
        this.news = news;
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.store = store;
    }

    /** The site's newest articles. */
    public Shown<FeedNews> site(int size) {
        Shown<Listing> latest = news.latest(1, size);
        return whole(null, null, latest.content(), latest.keys());
    }

    /** @throws NotFound as {@link PublicNews#section} */
    public Shown<FeedNews> section(String slug, int size) {
        Shown<SectionArchive> archive = news.section(slug, 1, size);
        Section section = archive.content().section();
        return whole(section.name(), section.slug(), archive.content().listing(), archive.keys());
    }

    /** @throws NotFound as {@link PublicNews#tag} */
    public Shown<FeedNews> tag(String slug, int size) {
        Shown<TagArchive> archive = news.tag(slug, 1, size);
        Tag tag = archive.content().tag();
        return whole(tag.name(), tag.slug(), archive.content().listing(), archive.keys());
    }

    /** @throws NotFound as {@link PublicNews#author} */
    public Shown<FeedNews> author(String slug, int size) {
        Shown<AuthorArchive> archive = news.author(slug, 1, size);
        Contributor author = archive.content().author();
        return whole(author.name(), author.slug(), archive.content().listing(), archive.keys());
    }

    /** The cards of a list with each article's body and tags: published ones only, read again by id. */
    private Shown<FeedNews> whole(String name, String slug, Listing listing, Set<String> listKeys) {
        var keys = new LinkedHashSet<>(listKeys);
        var items = new ArrayList<FeedItem>();
        var found = new ArrayList<Article>();
        for (ArticleCard card : listing.cards()) {
            keys.add(Keys.article(card.id()));
            articles.find(card.id()).filter(PublicFeeds::isPublishedArticle).ifPresent(found::add);
        }
        Map<Long, Tag> tags = taxonomy.tags(found.stream().flatMap(article -> article.tagIds().stream())
                        .collect(Collectors.toCollection(LinkedHashSet::new))).stream()
                .collect(Collectors.toMap(Tag::id, Function.identity()));
        Map<Long, Article> byId = found.stream().collect(Collectors.toMap(Article::id, Function.identity()));
        for (ArticleCard card : listing.cards()) {
            Article article = byId.get(card.id());
            if (article == null) {
                continue; // unpublished between the list and the read: its key is recorded, the page will go
            }
            article.tagIds().forEach(tag -> keys.add(Keys.tag(tag)));
            items.add(new FeedItem(card, article.bodyHtml(),
                    article.tagIds().stream().map(tags::get).filter(Objects::nonNull).toList()));
        }
        return new Shown<>(new FeedNews(name, slug, items), keys);
    }

    /** The newest approved comments on published articles, site-wide. */
    public Shown<List<DistributionStore.Remark>> comments(int size) {
        List<DistributionStore.Remark> found = store.comments(0, size);
        // a comment on an article published again (it had comments before) comes back: the home list says so
        var keys = new LinkedHashSet<>(List.of(Keys.ALL_COMMENTS, Keys.HOME));
        found.forEach(remark -> keys.add(Keys.card(remark.articleId()))); // its title and address
        return new Shown<>(found, keys);
    }

    /**
     * The published article a slug names now, with its newest approved comments.
     *
     * @throws NotFound when no published article has that slug
     */
    public Shown<ArticleComments> comments(String slug, int size) {
        Article article = articles.findBySlug(slug).filter(PublicFeeds::isPublishedArticle)
                .orElseThrow(() -> new NotFound(PublicNews.NO_ARTICLE));
        return new Shown<>(new ArticleComments(article.id(), article.slug(), article.title(), article.publishedAt(),
                store.comments(article.id(), size)), Set.of(Keys.article(article.id()),
                Keys.comments(article.id())));
    }

    /** An article and its comments, for its comment feed. */
    public record ArticleComments(long id, String slug, String title, Instant publishedAt,
                                  List<DistributionStore.Remark> comments) {
    }

    /** The sitemap index: the months with articles, when the archives and the pages last changed. */
    public Shown<SitemapNews.Index> sitemapIndex() {
        var byMonth = new TreeMap<YearMonth, SitemapNews.Month>();
        Instant newest = null;
        for (DistributionStore.Entry entry : store.publishedTimes()) {
            YearMonth month = Keys.month(entry.publishedAt());
            SitemapNews.Month was = byMonth.get(month);
            byMonth.put(month, new SitemapNews.Month(month, was == null ? 1 : was.count() + 1,
                    was == null || entry.updatedAt().isAfter(was.lastChange()) ? entry.updatedAt()
                            : was.lastChange()));
            newest = newest == null || entry.updatedAt().isAfter(newest) ? entry.updatedAt() : newest;
        }
        var keys = new LinkedHashSet<>(List.of(Keys.HOME, Keys.NAV));
        byMonth.keySet().forEach(month -> keys.add(Keys.sitemap(month)));
        List<DistributionStore.Entry> pages = store.pages();
        pages.forEach(page -> keys.add(Keys.article(page.id())));
        Instant pagesChanged = pages.stream().map(DistributionStore.Entry::updatedAt).max(Comparator.naturalOrder())
                .orElse(null);
        return new Shown<>(new SitemapNews.Index(List.copyOf(byMonth.values()), newest, pagesChanged), keys);
    }

    /**
     * Page {@code page} (from 1) of a month's published articles, oldest first, {@link #SITEMAP_LIMIT} a page.
     *
     * @throws NotFound when the month has no published article or the page is past its end
     */
    public Shown<List<DistributionStore.Entry>> sitemapMonth(YearMonth month, long page) {
        if (page < 1 || page > Integer.MAX_VALUE / SITEMAP_LIMIT) {
            throw new NotFound("There is no such sitemap.");
        }
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<DistributionStore.Entry> found = store.published(from, to, SITEMAP_LIMIT, (page - 1) * SITEMAP_LIMIT);
        if (found.isEmpty()) {
            throw new NotFound("There is no sitemap for " + month + (page > 1 ? " page " + page : "") + ".");
        }
        return new Shown<>(found, Set.of(Keys.sitemap(month)));
    }

    /** The published pages (About, Contact); a page coming or going announces {@link Keys#NAV}. */
    public Shown<List<DistributionStore.Entry>> sitemapPages() {
        List<DistributionStore.Entry> pages = store.pages();
        var keys = new LinkedHashSet<>(List.of(Keys.NAV));
        pages.forEach(page -> keys.add(Keys.article(page.id())));
        return new Shown<>(pages, keys);
    }

    /** The sections with something published in them or under them, each with its newest change. */
    public Shown<List<SitemapNews.Archive>> sitemapSections() {
        List<Section> sections = taxonomy.sections();
        var newest = new HashMap<Long, Instant>();
        for (DistributionStore.Used used : store.sections()) {
            for (Section section : TaxonomyService.ancestorsAndSelf(sections, used.id())) {
                newest.merge(section.id(), used.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        var keys = archiveKeys();
        var found = new ArrayList<SitemapNews.Archive>();
        for (Section section : sections) {
            keys.add(Keys.section(section.id()));
            Instant changed = newest.get(section.id());
            if (changed != null) {
                found.add(new SitemapNews.Archive(section.slug(), changed));
            }
        }
        return new Shown<>(found, keys);
    }

    public Shown<List<SitemapNews.Archive>> sitemapTags() {
        List<DistributionStore.Used> used = store.tags();
        Map<Long, Tag> tags = taxonomy.tags(used.stream().map(DistributionStore.Used::id).toList()).stream()
                .collect(Collectors.toMap(Tag::id, Function.identity()));
        var keys = archiveKeys();
        var found = new ArrayList<SitemapNews.Archive>();
        for (DistributionStore.Used tag : used) {
            keys.add(Keys.tag(tag.id()));
            if (tags.containsKey(tag.id())) {
                found.add(new SitemapNews.Archive(tags.get(tag.id()).slug(), tag.updatedAt()));
            }
        }
        found.sort(Comparator.comparing(SitemapNews.Archive::slug));
        return new Shown<>(found, keys);
    }

    public Shown<List<SitemapNews.Archive>> sitemapAuthors() {
        List<DistributionStore.Used> used = store.authors();
        Map<Long, Author> byId = authors.find(used.stream().map(DistributionStore.Used::id).toList()).stream()
                .collect(Collectors.toMap(Author::id, Function.identity(), (a, b) -> a));
        var keys = archiveKeys();
        var found = new ArrayList<SitemapNews.Archive>();
        for (DistributionStore.Used author : used) {
            keys.add(Keys.byline(author.id())); // its name and address
            if (byId.containsKey(author.id())) {
                found.add(new SitemapNews.Archive(byId.get(author.id()).slug(), author.updatedAt()));
            }
        }
        found.sort(Comparator.comparing(SitemapNews.Archive::slug));
        return new Shown<>(found, keys);
    }

    /**
     * An archive's lastmod is the newest change to any of its articles, and any write to a public article may be
     * one: every month's key, and the home list for an article published into a month not yet listed.
     */
    private LinkedHashSet<String> archiveKeys() {
        var keys = new LinkedHashSet<>(List.of(Keys.HOME));
        store.publishedRange().ifPresent(range -> {
            for (YearMonth month = Keys.month(range[0]); !month.isAfter(Keys.month(range[1]));
                 month = month.plusMonths(1)) {
                keys.add(Keys.sitemap(month));
            }
        });
        return keys;
    }

    /** The articles published in the {@link #NEWS_WINDOW} before {@code now}, newest first. */
    public Shown<SitemapNews.Recent> recent(Instant now) {
        Instant since = now.minus(NEWS_WINDOW);
        List<DistributionStore.Headline> found = store.since(since, NEWS_LIMIT);
        var keys = new LinkedHashSet<String>();
        // a publication, removal or new date above the window's edge changes it; one further down does not
        keys.add(Keys.listDownTo(Keys.HOME, found.size() == NEWS_LIMIT
                ? Keys.Position.of(found.getLast().publishedAt(), found.getLast().id())
                : new Keys.Position(since.toEpochMilli() + 1, 0)));
        found.forEach(article -> keys.add(Keys.card(article.id()))); // title and address
        Instant expires = found.isEmpty() ? null : found.getLast().publishedAt().plus(NEWS_WINDOW);
        return new Shown<>(new SitemapNews.Recent(found, since, expires), keys);
    }

    private static boolean isPublishedArticle(Article article) {
        return article.status() == ArticleStatus.PUBLISHED && !article.isPage();
    }
}
