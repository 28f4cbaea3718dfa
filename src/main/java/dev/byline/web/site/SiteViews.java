package dev.byline.web.site;

import dev.byline.article.Note;
import dev.byline.article.Placement;
import dev.byline.change.Keys;
import dev.byline.error.Gone;
import dev.byline.error.NotFound;
import dev.byline.media.Media;
import dev.byline.news.ArticleCard;
import dev.byline.news.ArticleDetail;
import dev.byline.news.AuthorArchive;
import dev.byline.news.Contributor;
import dev.byline.news.FrontPageNews;
import dev.byline.news.Listing;
import dev.byline.news.PageDetail;
import dev.byline.news.PublicNews;
import dev.byline.news.SectionArchive;
import dev.byline.news.Shown;
import dev.byline.news.TagArchive;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import dev.byline.web.site.Views.ArchivePage;
import dev.byline.web.site.Views.ArticlePage;
import dev.byline.web.site.Views.AuthorBox;
import dev.byline.web.site.Views.Byline;
import dev.byline.web.site.Views.HomePage;
import dev.byline.web.site.Views.PagePage;
import dev.byline.web.site.Views.Image;
import dev.byline.web.site.Views.Link;
import dev.byline.web.site.Views.Pagination;
import dev.byline.web.site.Views.Teaser;
import dev.byline.settings.Settings;
import dev.byline.web.support.Initials;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the public read model ({@link PublicNews}) into the site's page records: URLs from {@link SiteUrls}, dates
 * as text in the newsroom's zone and date format, as many articles to a page as the settings say, image sizes for
 * the layout, the chrome around every page. A page reads the settings once, as it begins. The keys of a page are
 * those of the news it shows plus the section menu's (and the logo's image).
 */
public final class SiteViews {

    /** How many other articles of its section an article page offers ("More in …"). */
    static final int RELATED = 3;
    private static final String TEASER_SIZES = "(min-width: 64rem) 20rem, (min-width: 40rem) 40vw, 100vw";
    private static final String LEAD_SIZES = "(min-width: 64rem) 40rem, 100vw";
    private static final String HERO_SIZES = "(min-width: 48rem) 44rem, 100vw";
    /** Link previews want an image at least this wide (Facebook's recommendation, Google's for large cards). */
    static final int SHARE_WIDTH = 1200;

    /**
     * A page record, the keys of everything it shows, and when it goes out of date by itself (null: only when a
     * key changes).
     */
    public record Rendered<T>(T page, Set<String> keys, Instant expiresAt) {
        public Rendered(T page, Set<String> keys) {
            this(page, keys, null);
        }
    }

    private final PublicNews news;
    private final SiteUrls urls;
    private final Chromes chromes;
    private final Supplier<Settings> settings;

    /** @param settings the settings in force (they change while the site runs) */
    public SiteViews(PublicNews news, SiteUrls urls, Chromes chromes, Supplier<Settings> settings) {
        this.news = news;
        this.urls = urls;
        this.chromes = chromes;
        this.settings = settings;
    }

    /**
     * The home page. The first page leads with the editors' pick (else the newest story), then the stories they
     * pinned, then the latest without those; later pages are the latest list as it runs.
     */
    public Rendered<HomePage> home(long pageNumber) {
        Settings site = settings.get();
        Shown<List<Section>> menu = news.sections();
        Shown<?> shown;
        Teaser lead = null;
        List<Teaser> pinned = List.of();
        Listing listing;
        if (pageNumber == 1) {
            Shown<FrontPageNews> front = news.front(site.perPage());
            FrontPageNews content = front.content();
            lead = content.lead() == null ? null : lead(teaser(site, content.lead()), content.lead());
            pinned = teasers(site, content.pinned());
            listing = content.latest();
            shown = front;
        } else {
            Shown<Listing> latest = news.latest(pageNumber, site.perPage());
            listing = latest.content();
            shown = latest;
        }
        List<Teaser> rest = teasers(site, listing.cards());
        String title = pageNumber == 1 ? site.siteTitle() : site.pageTitle("Page " + pageNumber);
        String description = site.tagline().isBlank() ? "The latest news from " + site.siteTitle() + "."
                : site.tagline();
        Media leadImage = pageNumber == 1 && front(shown) != null ? front(shown) : null;
        var chrome = chromes.chrome(site, menu.content(), null, title, description, SiteUrls.page("/", pageNumber),
                "website", leadImage == null ? null : shareImage(leadImage),
                pageNumber == 1 ? StructuredData.webSite(chromes.baseUrl(), site, chromes.publisherLogo(site)) : null);
        return rendered(site, new HomePage(chrome, lead, pinned, rest, pagination("/", listing)), menu, shown);
    }

    /**
     * The article page at {@code path}, the address a request spelled for the article whose slug is {@code slug}.
     * Everything is read here, inside the render.
     *
     * @throws Moved when the article lives at another address: another date, or the slug is one it had before
     * @throws NotFound when no published article answers to the slug
     */
    public Rendered<ArticlePage> article(String slug, String path) {
        Settings site = settings.get();
        Shown<List<Section>> menu = news.sections();
        Shown<ArticleDetail> shown = news.article(slug, RELATED).orElseThrow(() -> news.locate(slug)
                .<RuntimeException>map(found -> new Moved(urls.article(found.slug(), found.publishedAt())))
                .orElseGet(() -> missing(slug)));
        ArticleDetail article = shown.content();
        String url = urls.article(article.slug(), article.publishedAt());
        if (!url.equals(path)) {
            throw new Moved(url);
        }
        return articlePage(site, menu, shown, url);
    }

    /**
     * An unsaved article (the editor's preview) as its public page will look: the same page record, built by the
     * same code as {@link #article}, from {@link PublicNews#preview}. Never cached.
     */
    public ArticlePage previewArticle(dev.byline.article.Article unsaved) {
        Settings site = settings.get();
        Shown<ArticleDetail> shown = news.preview(unsaved, RELATED);
        return articlePage(site, news.sections(), shown, urls.article(unsaved.slug(), unsaved.publishedAt())).page();
    }

    /** A page (About) not yet saved, as its public page will look: see {@link #previewArticle}. */
    public PagePage previewPage(dev.byline.article.Article unsaved) {
        return pagePage(settings.get(), news.sections(), news.previewPage(unsaved)).page();
    }

    private Rendered<ArticlePage> articlePage(Settings site, Shown<List<Section>> menu, Shown<ArticleDetail> shown,
                                              String url) {
        ArticleDetail article = shown.content();
        Section section = article.section();
        Media featured = article.image();
        boolean heroInBody = featured != null && article.bodyHtml().contains(featured.url());
        Image hero = featured == null || heroInBody ? null : image(featured, HERO_SIZES, 800);
        // a correction or update always shows the modified date; other edits once an hour has passed
        boolean updated = article.updatedAt().isAfter(article.publishedAt().plusSeconds(3600))
                || !article.notes().isEmpty();
        var view = new Views.ArticleView(url, article.title(), article.dek(), article.bodyHtml(),
                iso(site, article.publishedAt()), site.formatDate(article.publishedAt()),
                updated ? iso(site, article.updatedAt()) : null, updated ? site.formatDate(article.updatedAt()) : null,
                sectionLinks(article.sectionTrail()),
                article.tags().stream().map(tag -> new Link(tag.name(), SiteUrls.tag(tag.slug()), false)).toList(),
                article.bylines().stream().map(SiteViews::byline).toList(),
                article.bylines().stream().map(SiteViews::authorBox).toList(), hero,
                readingMinutes(article.bodyHtml()), notes(site, article.notes(), Placement.TOP),
                notes(site, article.notes(), Placement.FOOT));
        Image shareImage = featured == null ? null : shareImage(featured);
        String modified = iso(site, article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt()
                : article.publishedAt());
        String jsonLd = StructuredData.newsArticle(chromes.baseUrl(), view, article, site, modified,
                chromes.publisherLogo(site), at -> iso(site, at));
        String description = !article.seoDescription().isBlank() ? article.seoDescription()
                : article.dek().isBlank() ? article.excerpt() : article.dek();
        String title = article.seoTitle().isBlank() ? article.title() : article.seoTitle();
        var chrome = chromes.chrome(site, menu.content(), article.sectionTrail().getFirst(),
                site.pageTitle(title), description, url, "article", shareImage, jsonLd)
                .withArticleMeta(articleMeta(view, article, modified));
        var more = new Link("More in " + section.name(), SiteUrls.section(section.slug()), false);
        Rendered<ArticlePage> page = rendered(site, new ArticlePage(chrome, view, more,
                teasers(site, article.related()), article.id(), null), menu, shown);
        if (heroInBody) {
            // the lead image stands in the body with the caption the body gives it, not as a captioned hero
            page.keys().remove(Keys.caption(featured.id()));
        }
        return page;
    }

    /**
     * The page (About, Contact) at {@code /slug/}: its own template, no date or byline.
     *
     * @throws Moved when the slug is one the page had before
     * @throws Gone when a page or article there was public and has been trashed or deleted
     * @throws NotFound when nothing answers to the slug
     */
    public Rendered<PagePage> page(String slug, String path) {
        Settings site = settings.get();
        Shown<List<Section>> menu = news.sections();
        Shown<PageDetail> shown = news.page(slug).orElseThrow(() -> news.locatePage(slug)
                .<RuntimeException>map(found -> new Moved(SiteUrls.sitePage(found)))
                .orElseGet(() -> missing(slug)));
        PageDetail page = shown.content();
        String url = SiteUrls.sitePage(page.slug());
        if (!url.equals(path)) {
            throw new Moved(url);
        }
        return pagePage(site, menu, shown);
    }

    private Rendered<PagePage> pagePage(Settings site, Shown<List<Section>> menu, Shown<PageDetail> shown) {
        PageDetail page = shown.content();
        String url = SiteUrls.sitePage(page.slug());
        Image hero = page.image() == null || page.bodyHtml().contains(page.image().url()) ? null
                : image(page.image(), HERO_SIZES, 800);
        var view = new Views.PageView(url, page.title(), page.dek(), page.bodyHtml(), hero,
                notes(site, page.notes(), Placement.TOP), notes(site, page.notes(), Placement.FOOT));
        String description = !page.seoDescription().isBlank() ? page.seoDescription()
                : page.dek().isBlank() ? page.excerpt() : page.dek();
        String title = page.seoTitle().isBlank() ? page.title() : page.seoTitle();
        var chrome = chromes.chrome(site, menu.content(), null, site.pageTitle(title), description, url,
                "website", page.image() == null ? null : shareImage(page.image()), null);
        return rendered(site, new Views.PagePage(chrome, view), menu, shown);
    }

    /**
     * OpenGraph's article properties: when it was published and last changed, its section, each tag and each
     * author's page (absolute).
     */
    private List<Views.MetaProperty> articleMeta(Views.ArticleView view, ArticleDetail article, String modified) {
        var meta = new java.util.ArrayList<Views.MetaProperty>();
        meta.add(new Views.MetaProperty("article:published_time", view.dateIso()));
        meta.add(new Views.MetaProperty("article:modified_time", modified));
        meta.add(new Views.MetaProperty("article:section", article.section().name()));
        article.tags().forEach(tag -> meta.add(new Views.MetaProperty("article:tag", tag.name())));
        article.bylines().forEach(author -> meta.add(new Views.MetaProperty("article:author",
                chromes.baseUrl() + SiteUrls.wire(SiteUrls.author(author.slug())))));
        return meta;
    }

    /** The front page's lead image, if it shows one. */
    private static Media front(Shown<?> shown) {
        return shown.content() instanceof FrontPageNews front && front.lead() != null ? front.lead().image() : null;
    }

    /** Nothing public answers to {@code slug}: 410 when something did and was taken away, else 404. */
    private RuntimeException missing(String slug) {
        if (news.gone(slug)) {
            return new Gone("This article has been removed and will not come back.");
        }
        return new NotFound("This article does not exist, or is no longer published.");
    }

    private static List<Views.NoteView> notes(Settings site, List<Note> notes, Placement placement) {
        return notes.stream().filter(note -> note.placement() == placement)
                .map(note -> new Views.NoteView(note.kind().label(), "note-" + note.kind().dbValue(), note.body(),
                        iso(site, note.at()), site.formatDate(note.at())))
                .toList();
    }

    public Rendered<ArchivePage> section(String slug, long pageNumber) {
        Settings site = settings.get();
        Shown<List<Section>> menu = news.sections();
        Shown<SectionArchive> shown;
        try {
            shown = news.section(slug, pageNumber, site.perPage());
        } catch (NotFound notFound) {
            // a renamed section's old address: 301 to where it is now
            throw news.sectionRenamedFrom(slug)
                    .<RuntimeException>map(moved -> new Moved(SiteUrls.section(moved.slug())))
                    .orElse(notFound);
        }
        List<Section> trail = shown.content().trail();
        Section section = shown.content().section();
        return archive(site, menu, shown, trail.getFirst(), "Section", section.name(), section.description(), null,
                sectionLinks(trail.subList(0, trail.size() - 1)), SiteUrls.section(section.slug()),
                shown.content().listing());
    }

    public Rendered<ArchivePage> tag(String slug, long pageNumber) {
        Settings site = settings.get();
        Shown<List<Section>> menu = news.sections();
        Shown<TagArchive> shown;
        try {
            shown = news.tag(slug, pageNumber, site.perPage());
        } catch (NotFound notFound) {
            // a renamed tag's old address, or a tag merged into another: 301 to where it is now
            throw news.tagRenamedFrom(slug)
                    .<RuntimeException>map(moved -> new Moved(SiteUrls.tag(moved.slug())))
                    .orElse(notFound);
        }
        Tag tag = shown.content().tag();
        return archive(site, menu, shown, null, "Tag", tag.name(), tag.description(), null, List.of(),
                SiteUrls.tag(tag.slug()), shown.content().listing());
    }

    public Rendered<ArchivePage> author(String slug, long pageNumber) {
        Settings site = settings.get();
        Shown<List<Section>> menu = news.sections();
        Shown<AuthorArchive> shown = news.author(slug, pageNumber, site.perPage());
        Contributor author = shown.content().author();
        return archive(site, menu, shown, null, "Author", author.name(), author.bio(), authorBox(author), List.of(),
                SiteUrls.author(author.slug()), shown.content().listing());
    }

    public Views.ErrorPage error(int status, String heading, String message) {
        Settings site = settings.get();
        List<Section> sections = news.sections().content();
        List<Teaser> latest = status == 404 ? teasers(site, news.latest(1, 5).content().cards()) : List.of();
        var chrome = chromes.chrome(site, sections, null, site.pageTitle(heading), message, null,
                "website", null, null);
        return new Views.ErrorPage(chrome, status, heading, message, latest);
    }

    private Rendered<ArchivePage> archive(Settings site, Shown<List<Section>> menu, Shown<?> shown,
                                          Section currentTop, String kind, String heading, String description,
                                          AuthorBox author, List<Link> trail, String path, Listing listing) {
        String title = site.pageTitle(heading + (listing.page() > 1 ? " – page " + listing.page() : ""));
        String summary = description.isBlank() ? kind + " archive: " + heading + ", newest first." : description;
        var chrome = chromes.chrome(site, menu.content(), currentTop, title, summary,
                SiteUrls.page(path, listing.page()), kind.equals("Author") ? "profile" : "website", null, null);
        return rendered(site, new ArchivePage(chrome, kind, heading, description, author, trail,
                teasers(site, listing.cards()), pagination(path, listing)), menu, shown);
    }

    private static Pagination pagination(String path, Listing listing) {
        return new Pagination(listing.page(),
                listing.hasPrevious() ? SiteUrls.page(path, listing.page() - 1) : null,
                listing.hasNext() ? SiteUrls.page(path, listing.page() + 1) : null);
    }

    private List<Teaser> teasers(Settings site, List<ArticleCard> cards) {
        return cards.stream().map(card -> teaser(site, card)).toList();
    }

    private Teaser teaser(Settings site, ArticleCard card) {
        Section section = card.section();
        return new Teaser(urls.article(card.slug(), card.publishedAt()), card.title(), card.dek(), card.excerpt(),
                section == null ? null : new Link(section.name(), SiteUrls.section(section.slug()), false),
                iso(site, card.publishedAt()), site.formatDate(card.publishedAt()),
                card.bylines().stream().map(author -> new Byline(author.name(), SiteUrls.author(author.slug()), null,
                        Initials.of(author.id(), author.name()))).toList(),
                card.image() == null ? null : image(card.image(), TEASER_SIZES, 400));
    }

    /** The lead story: the same teaser with its picture laid out large. */
    private static Teaser lead(Teaser teaser, ArticleCard card) {
        return card.image() == null ? teaser : new Teaser(teaser.url(), teaser.title(), teaser.dek(), teaser.excerpt(),
                teaser.section(), teaser.dateIso(), teaser.dateText(), teaser.authors(),
                image(card.image(), LEAD_SIZES, 800));
    }

    private static List<Link> sectionLinks(List<Section> sections) {
        return sections.stream().map(s -> new Link(s.name(), SiteUrls.section(s.slug()), false)).toList();
    }

    private static Byline byline(Contributor author) {
        return new Byline(author.name(), SiteUrls.author(author.slug()), avatar(author),
                Initials.of(author.id(), author.name()));
    }

    private static AuthorBox authorBox(Contributor author) {
        return new AuthorBox(author.name(), SiteUrls.author(author.slug()), author.bio(), avatar(author),
                Initials.of(author.id(), author.name()),
                author.links().stream().map(link -> new Link(linkLabel(link), link, false)).toList());
    }

    /** An avatar is shown at most 96 CSS pixels wide: the smallest copy sharp at twice that. */
    private static Image avatar(Contributor author) {
        Media picture = author.avatar();
        return picture == null ? null : new Image(picture.urlAtLeast(192), "", "", picture.width(),
                picture.height(), "", "", "");
    }

    /** "https://www.example.org/me/" → "example.org/me": what a reader recognises of an address. */
    static String linkLabel(String url) {
        String label = url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        label = label.endsWith("/") ? label.substring(0, label.length() - 1) : label;
        return label.length() <= 60 ? label : label.substring(0, 59) + "…";
    }

    static Image image(Media media, String sizes, int preferredWidth) {
        return new Image(media.urlAtLeast(preferredWidth), media.srcset(), sizes, media.width(), media.height(),
                media.alt(), media.caption(), media.credit());
    }

    /**
     * An image for link previews: the smallest copy at least {@value #SHARE_WIDTH} wide (else the original), with
     * the width and height of that file, which og:image:width and :height describe.
     */
    static Image shareImage(Media media) {
        int width = media.variants().stream().filter(w -> w >= SHARE_WIDTH).findFirst().orElse(media.width());
        int height = width == media.width() ? media.height() : media.heightAt(width);
        return new Image(media.urlAtLeast(SHARE_WIDTH), media.srcset(), HERO_SIZES, width, height, media.alt(),
                media.caption(), media.credit());
    }

    private static String iso(Settings site, Instant instant) {
        return instant.atZone(site.zone()).toOffsetDateTime().toString();
    }

    static int readingMinutes(String html) {
        int words = html.replaceAll("<[^>]*>", " ").split("\\s+").length;
        return Math.max(1, Math.round(words / 230f));
    }

    /**
     * The page and its keys: the menu's first, the demo notice's (shown or not, every page has its place), the
     * logo's image (a new file or alt text changes every page), then those of the news on it, list depths included
     * ({@code list:home>…}: the page cache drops the page only for a write at or above it). The settings themselves
     * need no key: saving one that pages show drops every page ({@link Keys#ALL}).
     */
    private static <T> Rendered<T> rendered(Settings site, T page, Shown<?> menu, Shown<?> news) {
        var keys = new LinkedHashSet<String>(menu.keys());
        keys.add(Keys.DEMO);
        site.logo().ifPresent(logo -> keys.add(Keys.media(logo)));
        keys.addAll(news.keys());
        return new Rendered<>(page, keys);
    }
}
