package dev.byline.web.site;

import dev.byline.change.Keys;
import dev.byline.article.Article;
import dev.byline.article.ArticleService;
import dev.byline.article.ArticleSummary;
import dev.byline.article.Page;
import dev.byline.error.NotFound;
import dev.byline.media.Media;
import dev.byline.media.MediaService;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.web.site.Views.ArchivePage;
import dev.byline.web.site.Views.ArticlePage;
import dev.byline.web.site.Views.AuthorBox;
import dev.byline.web.site.Views.Byline;
import dev.byline.web.site.Views.HomePage;
import dev.byline.web.site.Views.Image;
import dev.byline.web.site.Views.Link;
import dev.byline.web.site.Views.Pagination;
import dev.byline.web.site.Views.Teaser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Builds the public pages' records from the services, and the set of change-feed keys each page shows. A page's
 * data comes from a handful of queries whatever its length: lists, then bylines, authors and images for the whole
 * list at once.
 */
public final class SiteViews {

    public static final int PAGE_SIZE = 10;
    private static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final String TEASER_SIZES = "(min-width: 64rem) 20rem, (min-width: 40rem) 40vw, 100vw";
    private static final String LEAD_SIZES = "(min-width: 64rem) 40rem, 100vw";
    private static final String HERO_SIZES = "(min-width: 48rem) 44rem, 100vw";

    /**
     * A page record, the keys of everything it shows, and when it goes out of date by itself (null: only when a
     * key changes).
     */
    public record Rendered<T>(T page, Set<String> keys, Instant expiresAt) {
        public Rendered(T page, Set<String> keys) {
            this(page, keys, null);
        }
    }

    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaService media;
    private final SiteUrls urls;
    private final Chromes chromes;
    private final ZoneId zone;

    public SiteViews(ArticleService articles, AuthorService authors, TaxonomyService taxonomy, MediaService media,
                     SiteUrls urls, Chromes chromes, ZoneId zone) {
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.urls = urls;
        this.chromes = chromes;
        this.zone = zone;
    }

    public Rendered<HomePage> home(long pageNumber) {
        var keys = new ShownKeys(Keys.HOME);
        Page<ArticleSummary> page = articles.latest(pageNumber, PAGE_SIZE);
        List<Section> sections = taxonomy.sections();
        Map<Long, Media> images = loadMedia(Set.of(), page.items(), keys);
        List<Teaser> teasers = teasers(page.items(), sections, images, keys);
        Teaser lead = pageNumber == 1 && !teasers.isEmpty() ? lead(teasers.getFirst(), page.items().getFirst(), images) : null;
        List<Teaser> rest = lead == null ? teasers : teasers.subList(1, teasers.size());
        String title = pageNumber == 1 ? chromes.siteName() : chromes.siteName() + " – page " + pageNumber;
        var chrome = chromes.chrome(sections, null, title, "The latest news from " + chromes.siteName() + ".",
                SiteUrls.page("/", pageNumber), "website", lead == null ? null : lead.image(), null);
        return new Rendered<>(new HomePage(chrome, lead, rest, pagination("/", page, articles::countLatest)),
                keys.all());
    }

    public Rendered<ArticlePage> article(Article article) {
        var keys = new ShownKeys(Keys.article(article.id()));
        List<Section> sections = taxonomy.sections();
        List<Section> trail = TaxonomyService.ancestorsAndSelf(sections, article.sectionId());
        Section section = trail.getLast();
        keys.add(Keys.sectionList(section.id()));
        Map<Long, Author> byId = index(authors.find(article.authorIds()), Author::id);
        List<Author> writers = article.authorIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        writers.forEach(author -> keys.add(Keys.author(author.id())));
        List<Tag> tags = sortedLike(taxonomy.tags(article.tagIds()), article.tagIds(), Tag::id);
        tags.forEach(tag -> keys.add(Keys.tag(tag.id())));

        List<ArticleSummary> related = articles.inSection(section.id(), 1, 4).items().stream()
                .filter(summary -> summary.id() != article.id()).limit(3).toList();
        var mediaIds = new HashSet<Long>();
        if (article.featuredMediaId() != null) {
            mediaIds.add(article.featuredMediaId());
        }
        writers.stream().map(Author::avatarMediaId).filter(java.util.Objects::nonNull).forEach(mediaIds::add);
        Map<Long, Media> images = loadMedia(mediaIds, related, keys);

        Media featured = article.featuredMediaId() == null ? null : images.get(article.featuredMediaId());
        boolean heroInBody = featured != null && article.bodyHtml().contains(featured.url());
        Image hero = featured == null || heroInBody ? null : image(featured, HERO_SIZES, 800);
        List<Byline> bylines = writers.stream().map(author -> byline(author, images)).toList();
        List<AuthorBox> boxes = writers.stream().map(author -> authorBox(author, images)).toList();
        String url = urls.article(article.slug(), article.publishedAt());
        boolean updated = article.updatedAt().isAfter(article.publishedAt().plusSeconds(3600));
        var view = new Views.ArticleView(url, article.title(), article.dek(), article.bodyHtml(),
                iso(article.publishedAt()), text(article.publishedAt()),
                updated ? iso(article.updatedAt()) : null, updated ? text(article.updatedAt()) : null,
                trail.stream().map(s -> new Link(s.name(), s.url(), false)).toList(),
                tags.stream().map(tag -> new Link(tag.name(), tag.url(), false)).toList(),
                bylines, boxes, hero, readingMinutes(article.bodyHtml()));
        Image shareImage = featured == null ? null : image(featured, HERO_SIZES, 1200);
        String jsonLd = StructuredData.newsArticle(chromes.baseUrl(), view, article, writers, shareImage,
                chromes.siteName(), section.name());
        String description = article.dek().isBlank() ? article.excerpt() : article.dek();
        var chrome = chromes.chrome(sections, trail.getFirst(), article.title() + " – " + chromes.siteName(),
                description, url, "article", shareImage, jsonLd);
        List<Teaser> more = teasers(related, sections, images, keys);
        return new Rendered<>(new ArticlePage(chrome, view, new Link("More in " + section.name(), section.url(), false),
                more), keys.all());
    }

    public Rendered<ArchivePage> section(Section section, long pageNumber) {
        var keys = new ShownKeys(Keys.sectionList(section.id()), Keys.section(section.id()));
        List<Section> sections = taxonomy.sections();
        List<Section> trail = TaxonomyService.ancestorsAndSelf(sections, section.id());
        Page<ArticleSummary> page = articles.inSection(section.id(), pageNumber, PAGE_SIZE);
        return archive(sections, trail.getFirst(), "Section", section.name(), section.description(), null,
                trail.subList(0, trail.size() - 1).stream().map(s -> new Link(s.name(), s.url(), false)).toList(),
                section.url(), page, () -> articles.countInSection(section.id()), keys);
    }

    public Rendered<ArchivePage> tag(Tag tag, long pageNumber) {
        var keys = new ShownKeys(Keys.tagList(tag.id()), Keys.tag(tag.id()));
        Page<ArticleSummary> page = articles.withTag(tag.id(), pageNumber, PAGE_SIZE);
        return archive(taxonomy.sections(), null, "Tag", tag.name(), tag.description(), null, List.of(), tag.url(),
                page, () -> articles.countWithTag(tag.id()), keys);
    }

    public Rendered<ArchivePage> author(Author author, long pageNumber) {
        var keys = new ShownKeys(Keys.authorList(author.id()), Keys.author(author.id()));
        Page<ArticleSummary> page = articles.byAuthor(author.id(), pageNumber, PAGE_SIZE);
        Map<Long, Media> avatar = author.avatarMediaId() == null ? Map.of() : media.find(List.of(author.avatarMediaId()));
        avatar.keySet().forEach(id -> keys.add(Keys.media(id)));
        return archive(taxonomy.sections(), null, "Author", author.displayName(), author.bio(),
                authorBox(author, avatar), List.of(), author.url(), page, () -> articles.countByAuthor(author.id()),
                keys);
    }

    public Views.ErrorPage error(int status, String heading, String message) {
        List<Section> sections = taxonomy.sections();
        List<Teaser> latest = status == 404 ? teasers(articles.latest(1, 5).items(), sections, new ShownKeys()) : List.of();
        var chrome = chromes.chrome(sections, null, heading + " – " + chromes.siteName(), message, null, "website",
                null, null);
        return new Views.ErrorPage(chrome, status, heading, message, latest);
    }

    private Rendered<ArchivePage> archive(List<Section> sections, Section currentTop, String kind, String heading,
                                          String description, AuthorBox author, List<Link> trail, String path,
                                          Page<ArticleSummary> page, LongSupplier count, ShownKeys keys) {
        List<Teaser> items = teasers(page.items(), sections, keys);
        String title = heading + (page.number() > 1 ? " – page " + page.number() : "") + " – " + chromes.siteName();
        String summary = description.isBlank() ? kind + " archive: " + heading + ", newest first." : description;
        var chrome = chromes.chrome(sections, currentTop, title, summary, SiteUrls.page(path, page.number()),
                kind.equals("Author") ? "profile" : "website", null, null);
        return new Rendered<>(new ArchivePage(chrome, kind, heading, description, author, trail, items,
                pagination(path, page, count)), keys.all());
    }

    private Pagination pagination(String path, Page<?> page, LongSupplier count) {
        if (page.isPastTheEnd()) {
            long lastPage = Math.max(1, (count.getAsLong() + page.size() - 1) / page.size());
            throw new NotFound("There is no page " + page.number() + " here; the last page is " + lastPage + ".");
        }
        return new Pagination(page.number(),
                page.hasPrevious() ? SiteUrls.page(path, page.number() - 1) : null,
                page.hasNext() ? SiteUrls.page(path, page.number() + 1) : null);
    }

    private List<Teaser> teasers(List<ArticleSummary> summaries, List<Section> sections, ShownKeys keys) {
        return teasers(summaries, sections, loadMedia(Set.of(), summaries, keys), keys);
    }

    private List<Teaser> teasers(List<ArticleSummary> summaries, List<Section> sections, Map<Long, Media> images,
                                 ShownKeys keys) {
        Set<Long> authorIds = summaries.stream().flatMap(s -> s.authorIds().stream()).collect(Collectors.toSet());
        Map<Long, Author> byId = index(authors.find(authorIds), Author::id);
        Map<Long, Section> sectionsById = index(sections, Section::id);
        var teasers = new ArrayList<Teaser>();
        for (ArticleSummary summary : summaries) {
            keys.add(Keys.article(summary.id()));
            summary.authorIds().forEach(id -> keys.add(Keys.author(id)));
            Section section = sectionsById.get(summary.sectionId());
            Media picture = summary.featuredMediaId() == null ? null : images.get(summary.featuredMediaId());
            teasers.add(new Teaser(urls.article(summary.slug(), summary.publishedAt()), summary.title(),
                    summary.dek(), summary.excerpt(),
                    section == null ? null : new Link(section.name(), section.url(), false),
                    iso(summary.publishedAt()), text(summary.publishedAt()),
                    summary.authorIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
                            .map(author -> new Byline(author.displayName(), author.url(), null)).toList(),
                    picture == null ? null : image(picture, TEASER_SIZES, 400)));
        }
        return teasers;
    }

    /** The lead story: the same teaser with its picture laid out large. */
    private Teaser lead(Teaser teaser, ArticleSummary summary, Map<Long, Media> images) {
        Media picture = summary.featuredMediaId() == null ? null : images.get(summary.featuredMediaId());
        return picture == null ? teaser : new Teaser(teaser.url(), teaser.title(), teaser.dek(), teaser.excerpt(),
                teaser.section(), teaser.dateIso(), teaser.dateText(), teaser.authors(),
                image(picture, LEAD_SIZES, 800));
    }

    private Map<Long, Media> loadMedia(Set<Long> extra, List<ArticleSummary> summaries, ShownKeys keys) {
        var ids = new LinkedHashSet<>(extra);
        summaries.stream().map(ArticleSummary::featuredMediaId).filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<Long, Media> found = media.find(ids);
        found.keySet().forEach(id -> keys.add(Keys.media(id)));
        return found;
    }

    private Byline byline(Author author, Map<Long, Media> images) {
        return new Byline(author.displayName(), author.url(), avatar(author, images));
    }

    private AuthorBox authorBox(Author author, Map<Long, Media> images) {
        return new AuthorBox(author.displayName(), author.url(), author.bio(), avatar(author, images));
    }

    private static Image avatar(Author author, Map<Long, Media> images) {
        Media picture = author.avatarMediaId() == null ? null : images.get(author.avatarMediaId());
        return picture == null ? null : new Image(picture.url(), "", "", picture.width(), picture.height(),
                "", "", "");
    }

    static Image image(Media media, String sizes, int preferredWidth) {
        return new Image(media.urlAtLeast(preferredWidth), media.srcset(), sizes, media.width(), media.height(),
                media.alt(), media.caption(), media.credit());
    }

    private String iso(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    private String text(Instant instant) {
        return DATE_TEXT.format(instant.atZone(zone));
    }

    static int readingMinutes(String html) {
        int words = html.replaceAll("<[^>]*>", " ").split("\\s+").length;
        return Math.max(1, Math.round(words / 230f));
    }

    private static <T> Map<Long, T> index(Collection<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    private static <T> List<T> sortedLike(List<T> items, List<Long> order, Function<T, Long> id) {
        Map<Long, T> byId = index(items, id);
        return order.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The keys a page shows; every page shows the section menu and the demo notice (shown or not). */
    private static final class ShownKeys {
        private final Set<String> keys = new LinkedHashSet<>();

        ShownKeys(String... initial) {
            keys.add(Keys.NAV);
            keys.add(Keys.DEMO); // demo: the notice in the chrome (Chromes), on or off with demo articles
            keys.addAll(List.of(initial));
        }

        void add(String key) {
            keys.add(key);
        }

        Set<String> all() {
            return keys;
        }
    }
}
