package dev.byline.article;

import dev.byline.change.Keys;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.error.Invalid;
import dev.byline.people.AuthorService;
import dev.byline.media.MediaService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.text.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The rules for articles. Saving validates (table in ArticleServiceTest), derives slug and excerpt, renders the
 * body, keeps the old slug of a published article so its URL keeps working, and announces on the change feed
 * exactly the pages that show the article: its own, the home page, and the lists of its sections (with their
 * parents), tags and authors, before and after the change.
 */
public final class ArticleService {

    static final int SLUG_MAX = 80;
    static final int EXCERPT_MAX = 240;

    private final ArticleStore store;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final MediaService media;
    private final BodyRenderer renderer;
    private final ChangeFeed changes;
    private final Clock clock;

    public ArticleService(ArticleStore store, TaxonomyService taxonomy, AuthorService authors, MediaService media,
                          BodyRenderer renderer, ChangeFeed changes, Clock clock) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.media = media;
        this.renderer = renderer;
        this.changes = changes;
        this.clock = clock;
    }

    public Article save(ArticleDraft draft) {
        Instant now = clock.instant();
        List<Section> sections = taxonomy.sections();
        Prepared prepared = prepare(draft, now, sections, name -> taxonomy.tag(name).id());
        long id = changes.write(draft.id() == 0 ? "article.created" : "article.updated", handle -> {
            Optional<Article> before = draft.id() == 0 ? Optional.empty() : store.findById(handle, draft.id());
            if (draft.id() != 0 && before.isEmpty()) {
                throw new Invalid(Map.of("id", "This article was deleted while you were editing it."));
            }
            Article article = persist(handle, prepared, before, now);
            var keys = new HashSet<String>(affectedKeys(sections, article));
            before.ifPresent(old -> keys.addAll(affectedKeys(sections, old)));
            return Written.of(article.id(), keys);
        });
        return store.findById(id).orElseThrow();
    }

    /**
     * Creates many new articles in one transaction, under the same rules as {@link #save}: for imports and
     * generated data sets. One change announces them all ({@code all}: every cached page may show one). An
     * imported article was written and last changed when it was published, not when the import ran.
     *
     * @return how many were created
     */
    public int importAll(List<ArticleDraft> drafts) {
        Instant now = clock.instant();
        List<Section> sections = taxonomy.sections();
        var tagIds = new java.util.HashMap<String, Long>();
        List<Prepared> prepared = drafts.stream()
                .map(draft -> prepare(draft, now, sections,
                        name -> tagIds.computeIfAbsent(Slugs.slugify(name, 60), slug -> taxonomy.tag(name).id())))
                .toList();
        return changes.write("articles.imported", handle -> {
            prepared.forEach(article -> persist(handle, article, Optional.empty(),
                    article.publishedAt() == null ? now : article.publishedAt()));
            return Written.of(prepared.size(), Set.of(Keys.ALL));
        });
    }

    /** A draft that passed every rule, with everything derived that does not need the transaction. */
    private record Prepared(ArticleDraft draft, String title, String dek, String slug, boolean slugGiven,
                            String markdown, String html, String excerpt, ArticleStatus status, Instant publishedAt,
                            List<Long> authorIds, List<Long> tagIds) {
    }

    private Prepared prepare(ArticleDraft draft, Instant now, List<Section> sections,
                             java.util.function.Function<String, Long> tagId) {
        var errors = new LinkedHashMap<String, String>();
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            errors.put("title", "An article needs a headline.");
        } else if (title.length() > 300) {
            errors.put("title", "Keep the headline under 300 characters (it has " + title.length() + ").");
        }
        String dek = draft.dek() == null ? "" : draft.dek().strip();
        if (dek.length() > 600) {
            errors.put("dek", "Keep the dek under 600 characters.");
        }
        boolean slugGiven = draft.slug() != null && !draft.slug().isBlank();
        String slug = slugGiven ? draft.slug().strip() : Slugs.slugify(title, SLUG_MAX);
        if (slugGiven && !Slugs.isSlug(slug, SLUG_MAX)) {
            errors.put("slug", "Use lower-case letters, digits and hyphens, at most " + SLUG_MAX + " characters.");
        }
        if (slug.isEmpty()) {
            slug = "article";
        }
        if (draft.sectionId() == null || sections.stream().noneMatch(s -> s.id() == draft.sectionId())) {
            errors.put("sectionId", "Choose the section this article belongs to.");
        }
        List<Long> authorIds = draft.authorIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(draft.authorIds()));
        if (authorIds.isEmpty()) {
            errors.put("authorIds", "Name at least one author.");
        } else if (authors.find(authorIds).size() != authorIds.size()) {
            errors.put("authorIds", "One of the authors no longer exists.");
        }
        if (draft.featuredMediaId() != null && media.find(draft.featuredMediaId()).isEmpty()) {
            errors.put("featuredMediaId", "The featured image no longer exists.");
        }
        ArticleStatus status = draft.status() == null ? ArticleStatus.DRAFT : draft.status();
        Instant publishedAt = draft.publishedAt();
        if (status == ArticleStatus.SCHEDULED && (publishedAt == null || !publishedAt.isAfter(now))) {
            errors.put("publishedAt", "Pick a time in the future to schedule for.");
        }
        if (status == ArticleStatus.PUBLISHED && publishedAt != null && publishedAt.isAfter(now)) {
            status = ArticleStatus.SCHEDULED; // publishing with a future date schedules, as in WordPress
        }
        if ((status == ArticleStatus.PUBLISHED || status == ArticleStatus.PRIVATE) && publishedAt == null) {
            publishedAt = now;
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String markdown = draft.bodyMarkdown() == null ? "" : draft.bodyMarkdown();
        var body = renderer.render(markdown);
        String excerpt = draft.excerpt() == null || draft.excerpt().isBlank()
                ? shorten(body.firstParagraph(), EXCERPT_MAX) : draft.excerpt().strip();
        List<Long> tagIds = draft.tagNames() == null ? List.of() : draft.tagNames().stream()
                .filter(name -> !name.isBlank()).map(tagId).distinct().toList();
        return new Prepared(draft, title, dek, slug, slugGiven, markdown, body.html(), excerpt, status, publishedAt,
                authorIds, tagIds);
    }

    private Article persist(Handle handle, Prepared prepared, Optional<Article> before, Instant now) {
        ArticleDraft draft = prepared.draft();
        String slug = uniqueSlug(handle, prepared.slug(), draft.id(), prepared.slugGiven());
        var article = new Article(draft.id(), slug, prepared.title(), prepared.dek(), prepared.markdown(),
                prepared.html(), prepared.excerpt(), draft.featuredMediaId(), prepared.status(), draft.sectionId(),
                prepared.publishedAt(), before.map(Article::createdAt).orElse(now), now, prepared.authorIds(),
                prepared.tagIds());
        long id = draft.id();
        if (id == 0) {
            id = store.insert(handle, article);
        } else {
            store.update(handle, article);
        }
        store.replaceLinks(handle, id, prepared.authorIds(), prepared.tagIds(), prepared.status(),
                prepared.publishedAt());
        store.forgetOldSlug(handle, slug);
        before.filter(old -> !old.slug().equals(slug) && old.publishedAt() != null)
                .ifPresent(old -> store.rememberOldSlug(handle, old.slug(), draft.id()));
        return article.withId(id);
    }

    /**
     * Publishes every scheduled article whose time has come, as of {@code now}, in one transaction: each keeps the
     * time it was scheduled for as its publication time, and its pages are announced as for any other save.
     *
     * @return how many were published
     */
    public int publishDue(Instant now) {
        if (!store.anyDue(now)) {
            return 0; // the usual case: a read, no write and no change row every tick
        }
        List<Section> sections = taxonomy.sections();
        return changes.write("articles.published", handle -> {
            var keys = new HashSet<String>();
            List<Long> due = store.dueScheduled(handle, now);
            for (long id : due) {
                store.setStatus(handle, id, ArticleStatus.PUBLISHED, now);
                store.findById(handle, id).ifPresent(article -> keys.addAll(affectedKeys(sections, article)));
            }
            return Written.of(due.size(), keys);
        });
    }

    public Optional<Article> find(long id) {
        return store.findById(id);
    }

    public Optional<Article> findBySlug(String slug) {
        return store.findBySlug(slug);
    }

    /** The article that used to answer to {@code slug}, for a 301 to its current URL. */
    public Optional<Article> findByOldSlug(String slug) {
        return store.findIdByOldSlug(slug).flatMap(store::findById);
    }

    public Page<ArticleSummary> latest(long page, int size) {
        return Page.of(store.latest(size + 1, offset(page, size)), page, size);
    }

    /** The section's articles, including those of sections nested under it, as in WordPress. */
    public Page<ArticleSummary> inSection(long sectionId, long page, int size) {
        return Page.of(store.inSections(sectionFamily(sectionId), size + 1, offset(page, size)), page, size);
    }

    public Page<ArticleSummary> withTag(long tagId, long page, int size) {
        return Page.of(store.withTag(tagId, size + 1, offset(page, size)), page, size);
    }

    public Page<ArticleSummary> byAuthor(long authorId, long page, int size) {
        return Page.of(store.byAuthor(authorId, size + 1, offset(page, size)), page, size);
    }

    /** Counting reads every entry of the list: for the rare page that needs it (past the end), not for every page. */
    public long countLatest() {
        return store.countLatest();
    }

    public long countInSection(long sectionId) {
        return store.countInSections(sectionFamily(sectionId));
    }

    public long countWithTag(long tagId) {
        return store.countWithTag(tagId);
    }

    public long countByAuthor(long authorId) {
        return store.countByAuthor(authorId);
    }

    private List<Long> sectionFamily(long sectionId) {
        return TaxonomyService.selfAndDescendants(taxonomy.sections(), sectionId);
    }

    private static long offset(long page, int size) {
        return Math.multiplyExact(page - 1, (long) size);
    }

    private String uniqueSlug(Handle handle, String slug, long articleId, boolean given) {
        if (!store.slugTaken(handle, slug, articleId)) {
            return slug;
        }
        if (given) {
            throw new Invalid(Map.of("slug", "Another article already uses the slug '" + slug + "'."));
        }
        for (int suffix = 2; ; suffix++) {
            String candidate = Slugs.slugify(slug, SLUG_MAX - 4) + "-" + suffix;
            if (!store.slugTaken(handle, candidate, articleId)) {
                return candidate;
            }
        }
    }

    /** The cache keys of every page that shows this article. */
    static Set<String> affectedKeys(List<Section> sections, Article article) {
        var keys = new LinkedHashSet<String>();
        keys.add(Keys.article(article.id()));
        keys.add(Keys.HOME);
        TaxonomyService.ancestorsAndSelf(sections, article.sectionId())
                .forEach(section -> keys.add(Keys.sectionList(section.id())));
        article.tagIds().forEach(tag -> keys.add(Keys.tagList(tag)));
        article.authorIds().forEach(author -> keys.add(Keys.authorList(author)));
        return keys;
    }

    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[,;:.\\s]+$", "") + "…";
    }
}
