package dev.byline.news;

import dev.byline.article.Article;
import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStatus;
import dev.byline.article.ArticleSummary;
import dev.byline.article.Page;
import dev.byline.change.Keys;
import dev.byline.error.NotFound;
import dev.byline.frontpage.FrontPage;
import dev.byline.frontpage.FrontPageService;
import dev.byline.media.Media;
import dev.byline.media.MediaService;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import dev.byline.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The news as the public may read it: the one read model behind the site, and next the feeds, sitemaps, search
 * results and the API. Every answer comes with the change-feed keys of everything in it. A page of cards costs a
 * handful of queries whatever its length: the list, then the authors and the images of the whole page at once.
 *
 * <p>Visibility fails closed: only a {@link ArticleStatus#PUBLISHED} article is ever returned, and only as what it
 * is (an article by the article methods, a page by {@link #page}). A draft, pending,
 * scheduled or private article, and any status added later, is not found by id, slug or old slug and is in no
 * list, "related" box or count. A section, tag or author with nothing published has no archive: {@link NotFound},
 * worded as for one that does not exist, so a 404 does not tell that a tag made for an unpublished story exists.
 *
 * <p>This is the public audience's method set; the newsroom's (drafts included, for the admin) will be a class of
 * its own, so the type a caller holds says which audience it serves.
 */
public final class PublicNews {

    static final String NO_ARTICLE = "This article does not exist, or is no longer published.";
    static final String NO_SECTION = "There is no section by that name.";
    static final String NO_TAG = "There is no tag by that name.";
    static final String NO_AUTHOR = "There is no author by that name here.";

    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaService media;
    private final FrontPageService frontPage;

    /** @param frontPage the editors' picks for the front page (lead and pinned stories) */
    public PublicNews(ArticleService articles, AuthorService authors, TaxonomyService taxonomy, MediaService media,
                      FrontPageService frontPage) {
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.frontPage = frontPage;
    }

    /** Every section, parents before children, in menu order. Sections have no status: all are public. */
    public Shown<List<Section>> sections() {
        return new Shown<>(taxonomy.sections(), Set.of(Keys.NAV));
    }

    /** The latest articles, newest first. An empty first page is an empty paper; a page past the end is NotFound. */
    public Shown<Listing> latest(long page, int size) {
        Page<ArticleSummary> found = articles.latest(page, size);
        requireItems(found, null, articles::countLatest);
        var keys = new ShownKeys(readDownTo(Keys.HOME, found));
        return keys.of(listing(found, taxonomy.sections(), keys));
    }

    /**
     * The home page's first page: the editors' lead (else the newest story), their pinned stories, then the latest
     * without those. Picks that are not published are left out (fail closed: the list of picks is only ids). Its
     * keys add {@link Keys#FRONT} (the picks) to the latest list's: a new pick drops this page and no other.
     */
    public Shown<FrontPageNews> front(int size) {
        FrontPage picks = frontPage.current();
        Page<ArticleSummary> found = articles.latest(1, size);
        var pickedIds = new ArrayList<Long>();
        picks.lead().ifPresent(pickedIds::add);
        pickedIds.addAll(picks.pinned());
        Map<Long, ArticleSummary> picked = frontPage.stories(pickedIds).stream()
                .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        ArticleSummary lead = picks.lead().map(picked::get)
                .orElse(found.items().isEmpty() ? null : found.items().getFirst());
        List<ArticleSummary> pinned = picks.pinned().stream().map(picked::get).filter(Objects::nonNull)
                .filter(story -> lead == null || story.id() != lead.id()).toList();
        var above = new java.util.HashSet<Long>();
        pinned.forEach(story -> above.add(story.id()));
        if (lead != null) {
            above.add(lead.id());
        }
        List<ArticleSummary> rest = found.items().stream().filter(story -> !above.contains(story.id())).toList();
        var shown = new ArrayList<ArticleSummary>();
        if (lead != null) {
            shown.add(lead);
        }
        shown.addAll(pinned);
        shown.addAll(rest);
        var keys = new ShownKeys(Keys.FRONT, readDownTo(Keys.HOME, found));
        List<Section> sections = taxonomy.sections();
        Map<Long, ArticleCard> cards = cards(shown, sections, load(shown, List.of(), List.of()), keys).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        return keys.of(new FrontPageNews(lead == null ? null : cards.get(lead.id()),
                pinned.stream().map(story -> cards.get(story.id())).toList(),
                new Listing(rest.stream().map(story -> cards.get(story.id())).toList(), 1, size, found.hasNext())));
    }

    /**
     * Finds the published article a slug names: by its slug now, else by a slug it had before ({@code renamed}).
     * Empty when no published article answers to it.
     */
    public Optional<Located> locate(String slug) {
        Optional<Located> current = articles.findBySlug(slug).filter(PublicNews::isPublishedArticle)
                .map(article -> new Located(article.id(), article.slug(), article.publishedAt(), false));
        return current.or(() -> articles.findByOldSlug(slug).filter(PublicNews::isPublishedArticle)
                .map(article -> new Located(article.id(), article.slug(), article.publishedAt(), true)));
    }

    /**
     * Whether {@code slug} was the address of something readers could read, moved to the trash or deleted since:
     * the site answers 410 Gone rather than 404. Asked only once nothing public answers to the slug.
     */
    public boolean gone(String slug) {
        return articles.isGone(slug);
    }

    /** The published page at {@code /slug/}, whole; empty when none answers to it now. */
    public Optional<Shown<PageDetail>> page(String slug) {
        return articles.findPageBySlug(slug).filter(PublicNews::isPublished).map(this::pageDetail);
    }

    /**
     * An article as the editor holds it, unsaved and whatever its status, whole as {@link #article} would show it
     * once published: for the editor's preview (behind sign-in, never cached). Not for readers.
     */
    public Shown<ArticleDetail> preview(Article unsaved, int related) {
        return detail(unsaved, related);
    }

    /** A page as the editor holds it, unsaved: see {@link #preview}. */
    public Shown<PageDetail> previewPage(Article unsaved) {
        return pageDetail(unsaved);
    }

    private Shown<PageDetail> pageDetail(Article page) {
        var keys = new ShownKeys(Keys.article(page.id()));
        Loaded loaded = load(List.of(), List.of(), nullable(page.featuredMediaId()));
        if (page.featuredMediaId() != null) {
            keys.add(Keys.caption(page.featuredMediaId()));
        }
        return keys.of(new PageDetail(page.id(), page.slug(), page.title(), page.dek(), page.excerpt(),
                page.bodyHtml(), page.seoTitle(), page.seoDescription(), page.updatedAt(),
                image(page.featuredMediaId(), loaded, keys), articles.notes(page.id())));
    }

    /** The current slug of the published page that answered to {@code slug} before it was renamed. */
    public Optional<String> locatePage(String slug) {
        return articles.findByOldSlug(slug).filter(PublicNews::isPublished).filter(Article::isPage)
                .map(Article::slug);
    }

    /**
     * A published article, whole, with up to {@code related} other articles of its section.
     *
     * @throws NotFound when there is no such article or it is not published
     */
    public Shown<ArticleDetail> article(long id, int related) {
        return detail(articles.find(id).filter(PublicNews::isPublishedArticle)
                .orElseThrow(() -> new NotFound(NO_ARTICLE)), related);
    }

    /**
     * The published article whose slug is {@code slug} now, whole, with up to {@code related} other articles of its
     * section; empty when there is none (a slug it had before is {@link #locate}'s).
     */
    public Optional<Shown<ArticleDetail>> article(String slug, int related) {
        return articles.findBySlug(slug).filter(PublicNews::isPublishedArticle).map(article -> detail(article, related));
    }

    private Shown<ArticleDetail> detail(Article article, int related) {
        long id = article.id();
        var keys = new ShownKeys(Keys.article(id));
        List<Section> sections = taxonomy.sections();
        List<Section> trail = TaxonomyService.ancestorsAndSelf(sections, article.sectionId());
        trail.forEach(section -> keys.add(Keys.section(section.id())));
        trail.forEach(section -> keys.add(Keys.trail(section.id()))); // the breadcrumb: where its section sits
        Section section = trail.getLast();
        article.tagIds().forEach(tag -> keys.add(Keys.tag(tag)));
        List<Tag> tags = inOrder(taxonomy.tags(article.tagIds()), article.tagIds(), Tag::id);
        List<ArticleSummary> others = related <= 0 ? List.of()
                : articles.inSection(section.id(), 1, related + 1).items().stream()
                        .filter(summary -> summary.id() != id).limit(related).toList();
        // a full box reads its section down to its last article: an article published or removed further down
        // leaves it as it is; a box with room left takes the next one published
        if (related > 0) {
            keys.add(Keys.listDownTo(Keys.sectionList(section.id()),
                    others.size() == related ? position(others.getLast()) : null));
        }
        Loaded loaded = load(others, article.authorIds(), nullable(article.featuredMediaId()));
        if (article.featuredMediaId() != null) {
            keys.add(Keys.caption(article.featuredMediaId())); // the lead image is shown with its caption
        }
        return keys.of(new ArticleDetail(article.id(), article.slug(), article.title(), article.dek(),
                article.excerpt(), article.bodyHtml(), trail, tags, article.publishedAt(), article.updatedAt(),
                contributors(article.authorIds(), loaded, keys), image(article.featuredMediaId(), loaded, keys),
                cards(others, sections, loaded, keys), article.seoTitle(), article.seoDescription(),
                articles.notes(id))); // notes change with article:ID
    }

    /**
     * A section's published articles, those of its subsections included.
     *
     * @throws NotFound when there is no such section, nothing in it is published, or the page is past the end
     */
    public Shown<SectionArchive> section(String slug, long page, int size) {
        List<Section> sections = taxonomy.sections();
        Section section = sections.stream().filter(candidate -> candidate.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFound(NO_SECTION));
        Page<ArticleSummary> found = articles.inSection(section.id(), page, size);
        requireItems(found, NO_SECTION, () -> articles.countInSection(section.id()));
        var keys = new ShownKeys(readDownTo(Keys.sectionList(section.id()), found));
        List<Section> trail = TaxonomyService.ancestorsAndSelf(sections, section.id());
        trail.forEach(shown -> keys.add(Keys.section(shown.id())));
        trail.forEach(shown -> keys.add(Keys.trail(shown.id())));
        return keys.of(new SectionArchive(trail, listing(found, sections, keys)));
    }

    /** A tag's published articles. @throws NotFound as for {@link #section} */
    public Shown<TagArchive> tag(String slug, long page, int size) {
        Tag tag = taxonomy.findTagBySlug(slug).orElseThrow(() -> new NotFound(NO_TAG));
        Page<ArticleSummary> found = articles.withTag(tag.id(), page, size);
        requireItems(found, NO_TAG, () -> articles.countWithTag(tag.id()));
        var keys = new ShownKeys(readDownTo(Keys.tagList(tag.id()), found), Keys.tag(tag.id()));
        return keys.of(new TagArchive(tag, listing(found, taxonomy.sections(), keys)));
    }

    /** The published articles an author's name stands on. @throws NotFound as for {@link #section} */
    public Shown<AuthorArchive> author(String slug, long page, int size) {
        Author author = authors.findBySlug(slug).orElseThrow(() -> new NotFound(NO_AUTHOR));
        Page<ArticleSummary> found = articles.byAuthor(author.id(), page, size);
        requireItems(found, NO_AUTHOR, () -> articles.countByAuthor(author.id()));
        var keys = new ShownKeys(readDownTo(Keys.authorList(author.id()), found));
        Loaded loaded = load(found.items(), List.of(author.id()), List.of());
        Contributor who = contributor(author, loaded, keys);
        var listing = new Listing(cards(found.items(), taxonomy.sections(), loaded, keys), found.number(),
                found.size(), found.hasNext());
        return keys.of(new AuthorArchive(who, listing));
    }

    /**
     * The section a slug of the past stands for now (it was renamed), when it has something published: its
     * archive's old address redirects there. Empty otherwise, as for any address that does not exist.
     */
    public Optional<Section> sectionRenamedFrom(String slug) {
        return taxonomy.findSectionByOldSlug(slug)
                .filter(section -> !articles.inSection(section.id(), 1, 1).items().isEmpty());
    }

    /** The tag a slug of the past stands for now (renamed, or merged into it), when it has something published. */
    public Optional<Tag> tagRenamedFrom(String slug) {
        return taxonomy.findTagByOldSlug(slug).filter(tag -> !articles.withTag(tag.id(), 1, 1).items().isEmpty());
    }

    /**
     * A list key saying how far down a page reads: to the row one past it, which decided whether a next page
     * exists, or, on the last page, to the end (the plain list key: any write to the list may change it).
     */
    private static String readDownTo(String list, Page<ArticleSummary> page) {
        return Keys.listDownTo(list, page.next() == null ? null : position(page.next()));
    }

    private static Keys.Position position(ArticleSummary summary) {
        return Keys.Position.of(summary.publishedAt(), summary.id());
    }

    /** The one status the public sees. A list of one, not a list of exclusions: a status added later stays hidden. */
    private static boolean isPublished(Article article) {
        return article.status() == ArticleStatus.PUBLISHED;
    }

    /** A published article, not a page: pages have their own addresses and are on no list. */
    private static boolean isPublishedArticle(Article article) {
        return isPublished(article) && !article.isPage();
    }

    /**
     * A page with nothing on it is NotFound, with one exception: the first page of the latest news
     * ({@code nothingPublished == null}), which is just an empty paper. Past the end, the message names the last
     * page; an archive with nothing published gets {@code nothingPublished}, as if it did not exist.
     */
    private static void requireItems(Page<?> page, String nothingPublished, LongSupplier count) {
        if (!page.items().isEmpty() || (page.number() == 1 && nothingPublished == null)) {
            return;
        }
        long total = page.number() == 1 ? 0 : count.getAsLong();
        if (total == 0 && nothingPublished != null) {
            throw new NotFound(nothingPublished);
        }
        long lastPage = Math.max(1, (total + page.size() - 1) / page.size());
        throw new NotFound("There is no page " + page.number() + " here; the last page is " + lastPage + ".");
    }

    private Listing listing(Page<ArticleSummary> page, List<Section> sections, ShownKeys keys) {
        Loaded loaded = load(page.items(), List.of(), List.of());
        return new Listing(cards(page.items(), sections, loaded, keys), page.number(), page.size(), page.hasNext());
    }

    /**
     * The authors and images a list shows, and the authors shown whole ({@code contributors}: name, bio, avatar)
     * with their avatars: one query for the authors, one for the images.
     */
    private record Loaded(Map<Long, Author> authors, Map<Long, Media> media) {
    }

    private Loaded load(List<ArticleSummary> summaries, Collection<Long> contributors, Collection<Long> moreMedia) {
        var authorIds = new LinkedHashSet<>(contributors);
        summaries.forEach(summary -> authorIds.addAll(summary.authorIds()));
        Map<Long, Author> byId = authors.find(authorIds).stream()
                .collect(Collectors.toMap(Author::id, Function.identity(), (a, b) -> a));
        var mediaIds = new LinkedHashSet<>(moreMedia);
        summaries.stream().map(ArticleSummary::featuredMediaId).filter(Objects::nonNull).forEach(mediaIds::add);
        contributors.stream().map(byId::get).filter(Objects::nonNull).map(Author::avatarMediaId)
                .filter(Objects::nonNull).forEach(mediaIds::add);
        return new Loaded(byId, media.find(mediaIds));
    }

    private List<ArticleCard> cards(List<ArticleSummary> summaries, List<Section> sections, Loaded loaded,
                                    ShownKeys keys) {
        Map<Long, Section> sectionsById = sections.stream()
                .collect(Collectors.toMap(Section::id, Function.identity()));
        var cards = new ArrayList<ArticleCard>(summaries.size());
        for (ArticleSummary summary : summaries) {
            keys.add(Keys.card(summary.id())); // not article:ID: an edit to the body leaves the lists alone
            keys.add(Keys.section(summary.sectionId()));
            cards.add(new ArticleCard(summary.id(), summary.slug(), summary.title(), summary.dek(), summary.excerpt(),
                    sectionsById.get(summary.sectionId()), summary.publishedAt(), summary.updatedAt(),
                    names(summary.authorIds(), loaded, keys), image(summary.featuredMediaId(), loaded, keys)));
        }
        return cards;
    }

    private static List<AuthorName> names(List<Long> authorIds, Loaded loaded, ShownKeys keys) {
        var names = new ArrayList<AuthorName>(authorIds.size());
        for (long id : authorIds) {
            keys.add(Keys.byline(id)); // not author:ID: a new bio or avatar leaves the lists alone
            Author author = loaded.authors().get(id);
            if (author != null) {
                names.add(new AuthorName(author.id(), author.slug(), author.displayName()));
            }
        }
        return names;
    }

    private List<Contributor> contributors(List<Long> authorIds, Loaded loaded, ShownKeys keys) {
        var contributors = new ArrayList<Contributor>(authorIds.size());
        for (long id : authorIds) {
            keys.add(Keys.author(id));
            Author author = loaded.authors().get(id);
            if (author != null) {
                contributors.add(contributor(author, loaded, keys));
            }
        }
        return contributors;
    }

    private Contributor contributor(Author author, Loaded loaded, ShownKeys keys) {
        keys.add(Keys.author(author.id()));
        return new Contributor(author.id(), author.slug(), author.displayName(), author.bio(),
                image(author.avatarMediaId(), loaded, keys), author.links());
    }

    private static Media image(Long id, Loaded loaded, ShownKeys keys) {
        if (id == null) {
            return null;
        }
        keys.add(Keys.media(id));
        return loaded.media().get(id);
    }

    private static List<Long> nullable(Long id) {
        return id == null ? List.of() : List.of(id);
    }

    private static <T> List<T> inOrder(List<T> items, List<Long> order, Function<T, Long> id) {
        Map<Long, T> byId = items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
        return order.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The keys of everything an answer holds, gathered while it is built. */
    private static final class ShownKeys {
        private final LinkedHashSet<String> keys = new LinkedHashSet<>();

        ShownKeys(String... initial) {
            keys.addAll(List.of(initial));
        }

        void add(String key) {
            keys.add(key);
        }

        <T> Shown<T> of(T content) {
            return new Shown<>(content, keys);
        }
    }
}
