package dev.byline.article;

import dev.byline.change.Keys;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.error.Conflict;
import dev.byline.db.Constraints;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.people.AuthorService;
import dev.byline.media.MediaService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.text.ControlCharacters;
import dev.byline.text.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The rules for articles. Saving validates (table in ArticleServiceTest), derives slug and excerpt, renders the
 * body, keeps the old slug of a published article so its URL keeps working, and announces on the change feed
 * exactly the pages that show the article: its own, the home page, and the lists of its sections (with their
 * parents), tags and authors, before and after the change.
 */
public final class ArticleService {

    static final int SLUG_MAX = 80;
    static final int EXCERPT_MAX = 240;
    static final int SEO_TITLE_MAX = 200;
    static final int SEO_DESCRIPTION_MAX = 400;
    /**
     * First path segments the site's routes use (and a few it will): a page at {@code /slug/} may not take one.
     * Names with a dot (robots.txt, sitemap.xml, favicon.ico) cannot be slugs; all-digit slugs are refused too
     * (they read as a year).
     */
    static final Set<String> RESERVED_PAGE_SLUGS = Set.of("section", "tag", "author", "media", "assets", "admin",
            "api", "feed", "feeds", "rss", "atom", "search", "wp-json", "wp-admin", "wp-content", "wp-includes",
            "wp-login", "xmlrpc", "sitemap", "sitemaps", "robots", "favicon", "healthz", "readyz", "page", "comments",
            "login", "logout", "category", "static", "amp", "embed", "trackback", "preview");

    /** A body longer than a book chapter several times over is a paste gone wrong (each save keeps a revision). */
    static final int BODY_MAX = 500_000;
    /** As for a tag named on the tags page. */
    static final int TAG_NAME_MAX = 80;

    private final ArticleStore store;
    private final RevisionStore revisions;
    private final NoteStore notes;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final MediaService media;
    private final BodyRenderer renderer;
    private final ChangeFeed changes;
    private final Clock clock;

    public ArticleService(ArticleStore store, RevisionStore revisions, NoteStore notes, TaxonomyService taxonomy,
                          AuthorService authors, MediaService media, BodyRenderer renderer, ChangeFeed changes,
                          Clock clock) {
        this.store = store;
        this.revisions = revisions;
        this.notes = notes;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.media = media;
        this.renderer = renderer;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Creates ({@code id == 0}) or updates an article. An update must carry the version it was made from: if the
     * article was saved since, nothing is written and {@link Conflict} says so. Editing a published article keeps
     * its publication date unless the draft names another; the modified time is now. New tags are created in the
     * same transaction. Only what readers could see announces page keys: saving a draft or a pending article drops
     * no public page.
     */
    public Article save(ArticleDraft draft) {
        return save(draft, Saving.SYSTEM);
    }

    /**
     * Who saves, for the revision every save keeps, and what they may do: {@link #save(ArticleDraft, Saving)}
     * asks {@code check} under the article's row lock, with the article as it was and as it would be, before
     * anything commits (a refusal rolls the save back).
     *
     * @param userId the account saving, 0 for none (the command line, the demo loader)
     * @param who    their name, kept with the revision
     * @param note   what the save was, when more than an edit ("Restored the revision of …"), else ""
     */
    record Saving(long userId, String who, String note, Check check) {
        static final Saving SYSTEM = new Saving(0, "Byline", "", (before, after) -> { });

        interface Check {
            void allow(Optional<Article> before, Article after);
        }
    }

    /** {@link #save(ArticleDraft)}, checked and recorded as {@code saving} says: the desk's way in. */
    Article save(ArticleDraft draft, Saving saving) {
        Instant now = clock.instant();
        List<Section> sections = taxonomy.sections();
        // an article's kind never changes, so reading it before the transaction is safe
        Kind kind = draft.id() == 0 ? (draft.kind() == null ? Kind.ARTICLE : draft.kind())
                : store.findById(draft.id()).map(Article::kind).orElse(Kind.ARTICLE);
        Prepared prepared = prepare(draft, kind, now, sections);
        long id;
        try {
            id = writeRetryingClashes(draft, saving, prepared, now);
        } catch (UnableToExecuteStatementException e) {
            if (!Constraints.isForeignKeyViolation(e)) {
                throw e;
            }
            // its section, an author or an image was deleted between the checks above and the write (on another
            // node, say): nothing was written; the checks run again to name the field, as a new save would
            prepare(draft, kind, clock.instant(), taxonomy.sections());
            throw new Invalid(Map.of("id", "Something this article refers to (its section, an author or an image) "
                    + "was deleted a moment ago. Nothing was saved: check it and save again."));
        }
        return store.findById(id).orElseThrow();
    }

    /**
     * Two saves on two nodes may both find a slug (or a new tag's name) free and both insert it: the second
     * transaction fails on the unique index and rolls back whole. Written again, it finds the slug taken and takes
     * the next one (or, for a slug typed by hand, says it is taken), and finds the tag made.
     */
    private long writeRetryingClashes(ArticleDraft draft, Saving saving, Prepared prepared, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(draft, saving, prepared, now);
            } catch (UnableToExecuteStatementException e) {
                if (attempt == 3 || !Constraints.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private long write(ArticleDraft draft, Saving saving, Prepared prepared, Instant now) {
        return changes.write(draft.id() == 0 ? "article.created" : "article.updated", handle -> {
            if (draft.id() != 0) {
                store.lock(handle, draft.id()); // an image edit re-rendering this body waits, or is waited for
            }
            // the tree as it stands, held until the commit: a section move under way finishes first
            List<Section> tree = taxonomy.sectionsForArticleWrite(handle);
            Optional<Article> before = draft.id() == 0 ? Optional.empty() : store.findById(handle, draft.id());
            if (draft.id() != 0 && before.isEmpty()) {
                throw new Invalid(Map.of("id", "This article was deleted while you were editing it."));
            }
            if (before.isPresent() && before.get().version() != draft.version()) {
                throw conflict(before.get());
            }
            if (before.isPresent() && before.get().status() == ArticleStatus.TRASH) {
                throw new Invalid(Map.of("status", "This article is in the trash: restore it before editing it."));
            }
            List<TaxonomyService.Found> tags = taxonomy.findOrCreateTags(handle, prepared.tagNames());
            Article article = persist(handle, prepared, tags.stream().map(found -> found.tag().id()).toList(),
                    before, now);
            saving.check().allow(before, article);
            revisions.dropAutosave(handle, article.id(), saving.userId());
            revisions.insert(handle, revisionOf(article, tags.stream().map(found -> found.tag().name()).toList(),
                    saving.who(), saving.note(), false, now), saving.userId());
            var entities = new ArrayList<Change.Entity>();
            entities.add(new Change.Entity(Change.Entity.ARTICLE, article.id(),
                    before.map(Article::isPublic).orElse(false), article.isPublic()));
            tags.stream().filter(TaxonomyService.Found::created)
                    .forEach(found -> entities.add(Change.Entity.shown(Change.Entity.TAG, found.tag().id(), true)));
            return Written.of(article.id(), changedKeys(tree, before, Optional.of(article)), entities);
        });
    }

    /**
     * Deletes an article for good (the desk's trash comes first, later). {@code version} as for {@link #save}.
     */
    public void delete(long id, long version) {
        changes.write("article.deleted", handle -> {
            List<Section> sections = taxonomy.sectionsForArticleWrite(handle);
            Article before = store.findById(handle, id)
                    .orElseThrow(() -> new NotFound("There is no article " + id + "; it may have been deleted already."));
            if (before.version() != version) {
                throw conflict(before);
            }
            if (before.isPublic()) {
                store.rememberGone(handle, id, clock.instant()); // its address answers 410 from now on
            }
            if (!store.delete(handle, id, version)) {
                throw conflict(store.findById(handle, id).orElse(before));
            }
            return Written.of(id, changedKeys(sections, Optional.of(before), Optional.empty()),
                    List.of(new Change.Entity(Change.Entity.ARTICLE, id, before.isPublic(), false)));
        });
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
        List<Prepared> prepared = drafts.stream().map(draft -> prepare(draft,
                draft.kind() == null ? Kind.ARTICLE : draft.kind(), now, sections)).toList();
        return changes.write("articles.imported", handle -> {
            var tagIds = new java.util.HashMap<String, Long>();
            for (Prepared article : prepared) {
                List<Long> tags = article.tagNames().stream().map(name -> tagIds.computeIfAbsent(
                        TaxonomyService.tagSlug(name),
                        slug -> taxonomy.findOrCreateTags(handle, List.of(name)).getFirst().tag().id()))
                        .distinct().toList(); // "AI" and "ai" are one tag
                persist(handle, article, tags, Optional.empty(),
                        article.publishedAt() == null ? now : article.publishedAt());
            }
            return Written.of(prepared.size(), Set.of(Keys.ALL));
        });
    }

    /**
     * The article {@code draft} would make, not stored: for the editor's preview. Lenient where a save is strict
     * (a preview of a half-written article still shows): a missing headline or section stays missing. The body is
     * rendered by the same renderer as a save; tags already known are shown, new ones are not yet tags.
     */
    Article preview(ArticleDraft draft, Optional<Article> current) {
        Instant now = clock.instant();
        Kind kind = current.map(Article::kind).orElse(draft.kind() == null ? Kind.ARTICLE : draft.kind());
        String title = draft.title() == null ? "" : draft.title().strip();
        String slug = draft.slug() != null && !draft.slug().isBlank() ? draft.slug().strip()
                : current.map(Article::slug).orElse(Slugs.latin(title, SLUG_MAX));
        var body = renderer.render(draft.bodyMarkdown() == null ? "" : draft.bodyMarkdown());
        String excerpt = draft.excerpt() == null || draft.excerpt().isBlank()
                ? shorten(body.firstParagraph(), EXCERPT_MAX) : draft.excerpt().strip();
        ArticleStatus status = draft.status() == null ? ArticleStatus.DRAFT : draft.status();
        Instant publishedAt = draft.publishedAt() != null ? draft.publishedAt()
                : current.map(Article::publishedAt).orElse(now);
        List<Long> tagIds = draft.tagNames() == null ? List.of() : draft.tagNames().stream()
                .map(name -> taxonomy.findTagBySlug(TaxonomyService.tagSlug(name)))
                .flatMap(Optional::stream).map(dev.byline.taxonomy.Tag::id).distinct().toList();
        long sectionId = kind == Kind.PAGE || draft.sectionId() == null ? 0 : draft.sectionId();
        return new Article(draft.id(), slug, title, draft.dek() == null ? "" : draft.dek().strip(),
                draft.bodyMarkdown() == null ? "" : draft.bodyMarkdown(), body.html(), excerpt,
                draft.featuredMediaId(), status, sectionId, publishedAt, current.map(Article::createdAt).orElse(now),
                now, draft.authorIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(draft.authorIds())),
                tagIds, current.map(Article::version).orElse(0L), kind,
                draft.seoTitle() == null ? "" : draft.seoTitle().strip(),
                draft.seoDescription() == null ? "" : draft.seoDescription().strip(), null, null);
    }

    /** A draft that passed every rule, with everything derived that does not need the transaction. */
    private record Prepared(ArticleDraft draft, Kind kind, String title, String dek, String slug, boolean slugGiven,
                            String markdown, String excerpt /* null: from the body */, ArticleStatus status,
                            Instant publishedAt, List<Long> authorIds, List<String> tagNames, long sectionId,
                            String seoTitle, String seoDescription) {
    }

    /**
     * A message at each field holding a control character (a NUL from a broken paste, which PostgreSQL would
     * refuse): for saves and autosaves alike.
     */
    static Map<String, String> controlCharacters(ArticleDraft draft) {
        var errors = new LinkedHashMap<String, String>();
        var oneLine = new LinkedHashMap<String, String>();
        oneLine.put("title", draft.title());
        oneLine.put("dek", draft.dek());
        oneLine.put("slug", draft.slug());
        oneLine.put("seoTitle", draft.seoTitle());
        oneLine.put("seoDescription", draft.seoDescription());
        oneLine.put("tags", draft.tagNames() == null ? null : String.join(",", draft.tagNames()));
        oneLine.forEach((field, value) -> {
            if (ControlCharacters.in(value)) {
                errors.put(field, "This has a control character in it (from a paste, perhaps): type it again.");
            }
        });
        if (ControlCharacters.inLines(draft.bodyMarkdown())) {
            errors.put("bodyMarkdown", "The text has a control character in it (from a paste, perhaps): find it "
                    + "and type that part again.");
        }
        if (ControlCharacters.inLines(draft.excerpt())) {
            errors.put("excerpt", "This has a control character in it (from a paste, perhaps): type it again.");
        }
        return errors;
    }

    private Prepared prepare(ArticleDraft draft, Kind kind, Instant now, List<Section> sections) {
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
        // derived from the headline in Latin letters (transliterated); one typed by hand may be in any script
        String slug = slugGiven ? draft.slug().strip() : Slugs.latin(title, SLUG_MAX);
        if (slugGiven && !Slugs.isSlug(slug, SLUG_MAX)) {
            errors.put("slug", "Use lower-case letters, digits and hyphens, at most " + SLUG_MAX + " characters.");
        } else if (slugGiven && kind == Kind.PAGE && reservedForSite(slug)) {
            errors.put("slug", "The site uses /" + slug + "/ for something else: choose another slug for this page.");
        }
        if (slug.isEmpty()) {
            slug = kind == Kind.PAGE ? "page" : "article";
        }
        long sectionId = 0;
        if (kind == Kind.ARTICLE) {
            if (draft.sectionId() == null || sections.stream().noneMatch(s -> s.id() == draft.sectionId())) {
                errors.put("sectionId", "Choose the section this article belongs to.");
            } else {
                sectionId = draft.sectionId();
            }
        }
        String seoTitle = draft.seoTitle() == null ? "" : draft.seoTitle().strip();
        if (seoTitle.length() > SEO_TITLE_MAX) {
            errors.put("seoTitle", "Keep the SEO title under " + SEO_TITLE_MAX + " characters (it has "
                    + seoTitle.length() + ").");
        }
        String seoDescription = draft.seoDescription() == null ? "" : draft.seoDescription().strip();
        if (seoDescription.length() > SEO_DESCRIPTION_MAX) {
            errors.put("seoDescription", "Keep the SEO description under " + SEO_DESCRIPTION_MAX
                    + " characters (it has " + seoDescription.length() + ").");
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
        if (status == ArticleStatus.TRASH) {
            errors.put("status", "Move an article to the trash with the trash button, not by saving it.");
        }
        Instant publishedAt = draft.publishedAt();
        if (status == ArticleStatus.SCHEDULED && (publishedAt == null || !publishedAt.isAfter(now))) {
            errors.put("publishedAt", "Pick a time in the future to schedule for.");
        }
        if (status == ArticleStatus.PUBLISHED && publishedAt != null && publishedAt.isAfter(now)) {
            status = ArticleStatus.SCHEDULED; // publishing with a future date schedules, as in WordPress
        }
        List<String> tagNames = draft.tagNames() == null ? List.of()
                : draft.tagNames().stream().filter(name -> !name.isBlank()).toList();
        for (String name : tagNames) {
            if (Slugs.slugify(name.strip(), 60).isEmpty()) {
                errors.put("tags", "A tag needs letters or digits: '" + name + "'.");
            } else if (name.strip().length() > TAG_NAME_MAX) {
                errors.put("tags", "Keep each tag under " + TAG_NAME_MAX + " characters (one has "
                        + name.strip().length() + ").");
            }
        }
        if (kind == Kind.PAGE && !tagNames.isEmpty()) {
            errors.put("tags", "Pages have no tags: take them off, or make this an article.");
        }
        String markdown = draft.bodyMarkdown() == null ? "" : draft.bodyMarkdown();
        if (status == ArticleStatus.PENDING || status == ArticleStatus.SCHEDULED || status == ArticleStatus.PUBLISHED) {
            // a draft may hold a figure still to be described; what goes to review or to readers may not
            renderer.imageWithoutAlt(markdown).ifPresent(src -> errors.put("bodyMarkdown", "The image " + src
                    + " has no alt text: describe it between the brackets, ![like this](" + src + "), for readers "
                    + "who cannot see it."));
        }
        if (markdown.length() > BODY_MAX) {
            errors.put("bodyMarkdown", "Keep the text under " + BODY_MAX / 1000 + ",000 characters (it has "
                    + markdown.length() + "): split it into several articles.");
        }
        errors.putAll(controlCharacters(draft));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        // null: derived from the body when it is rendered, inside the transaction (persist)
        String excerpt = draft.excerpt() == null || draft.excerpt().isBlank() ? null : draft.excerpt().strip();
        return new Prepared(draft, kind, title, dek, slug, slugGiven, markdown, excerpt, status, publishedAt,
                authorIds, tagNames, sectionId, seoTitle, seoDescription);
    }

    /**
     * The publication date: the one the draft names; else the one it already had, as WordPress keeps it (an edit,
     * or taking an article down and putting it back, does not re-publish it at "now"); else now for an article
     * going public. A draft that was never published has none.
     */
    private static Instant publicationDate(Prepared prepared, Optional<Article> before, Instant now) {
        if (prepared.publishedAt() != null) {
            return prepared.publishedAt();
        }
        boolean goesPublic = prepared.status() == ArticleStatus.PUBLISHED || prepared.status() == ArticleStatus.PRIVATE;
        Instant kept = before.map(Article::publishedAt)
                .filter(date -> !date.isAfter(now)) // a date it was only scheduled for is forgotten
                .orElse(null);
        if (kept != null) {
            return kept;
        }
        return goesPublic ? now : null;
    }

    private Article persist(Handle handle, Prepared prepared, List<Long> tagIds, Optional<Article> before,
                            Instant now) {
        ArticleDraft draft = prepared.draft();
        String slug = uniqueSlug(handle, prepared.slug(), draft.id(), prepared.slugGiven(), prepared.kind());
        // rendered here, with the images as this transaction sees them: a caption changed before is in, and one
        // changing now waits for this article's lock (ArticleImages)
        var body = renderer.render(prepared.markdown(), paths -> media.findByPaths(handle, paths));
        String excerpt = prepared.excerpt() != null ? prepared.excerpt() : shorten(body.firstParagraph(), EXCERPT_MAX);
        Instant publishedAt = publicationDate(prepared, before, now);
        long version = before.map(old -> old.version() + 1).orElse(1L);
        var article = new Article(draft.id(), slug, prepared.title(), prepared.dek(), prepared.markdown(),
                body.html(), excerpt, draft.featuredMediaId(), prepared.status(), prepared.sectionId(), publishedAt,
                before.map(Article::createdAt).orElse(now), now, prepared.authorIds(), tagIds, version,
                prepared.kind(), prepared.seoTitle(), prepared.seoDescription(), null, null);
        if (before.map(Article::isPublic).orElse(false) && !article.isPublic()) {
            // taken down: the addresses readers knew answer 410 from now on, not "never was" (read before the
            // update, so a new slug given in the same save, which readers never saw, is not one of them)
            store.rememberGone(handle, draft.id(), now);
        }
        long id = draft.id();
        if (id == 0) {
            id = store.insert(handle, article);
        } else if (!store.update(handle, article, before.orElseThrow().version())) {
            throw conflict(store.findById(handle, id).orElseThrow());
        }
        store.replaceLinks(handle, id, prepared.authorIds(), tagIds, prepared.status(), publishedAt);
        var used = new LinkedHashSet<>(body.mediaIds());
        if (draft.featuredMediaId() != null) {
            used.add(draft.featuredMediaId());
        }
        store.replaceMediaUse(handle, id, used);
        if (article.isPublic()) {
            // a public article takes the address: it stops redirecting elsewhere and is no longer gone (a draft
            // holding the slug leaves the published story's redirect and the 410 as they are)
            store.forgetOldSlug(handle, slug);
            store.forgetGoneSlug(handle, slug);
        }
        // an address readers may have kept: not one a story only was scheduled under
        before.filter(old -> !old.slug().equals(slug) && old.publishedAt() != null && !old.publishedAt().isAfter(now))
                .ifPresent(old -> store.rememberOldSlug(handle, old.slug(), draft.id()));
        return article.withId(id);
    }

    private static Conflict conflict(Article current) {
        return new Conflict("Someone saved this article after you opened it (it is at version " + current.version()
                + ", last changed " + current.updatedAt() + "). Nothing was overwritten: compare, then save again.");
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
        return changes.write("articles.published", handle -> {
            List<Section> sections = taxonomy.sectionsForArticleWrite(handle);
            var keys = new LinkedHashSet<String>();
            var entities = new ArrayList<Change.Entity>();
            List<Long> due = store.dueScheduled(handle, now);
            for (long id : due) {
                if (!store.publishIfDue(handle, id, now)) {
                    continue; // an editor took it back or moved it meanwhile
                }
                Optional<Article> before = store.findById(handle, id).map(article -> article.withStatus(
                        ArticleStatus.SCHEDULED));
                Optional<Article> after = store.findById(handle, id);
                keys.addAll(changedKeys(sections, before, after));
                entities.add(new Change.Entity(Change.Entity.ARTICLE, id, false, true));
            }
            return Written.of(entities.size(), keys, entities);
        });
    }

    /** Articles in {@code status} as the desk shows them, with how many there are in all. */
    public record InStatus(List<ArticleSummary> articles, long total) {
    }

    /**
     * The articles in {@code status} that {@code viewer} may see on the desk: editors and administrators every
     * one, authors and contributors their own; {@code ownOnly} narrows anyone to their own ("my drafts").
     */
    public InStatus inStatus(dev.byline.account.Actor viewer, ArticleStatus status, boolean ownOnly, int limit) {
        boolean everyone = viewer.can(dev.byline.account.Capability.EDIT_OTHERS_ARTICLES) && !ownOnly;
        long authorId = everyone ? 0 : viewer.authorId();
        if (!everyone && authorId == 0) {
            return new InStatus(List.of(), 0);
        }
        return new InStatus(store.inStatus(status, authorId, limit), store.countInStatus(status, authorId));
    }

    public Optional<Article> find(long id) {
        return store.findById(id);
    }

    public Optional<Article> findBySlug(String slug) {
        return store.findBySlug(slug);
    }

    /** A page by its slug now, whatever its status. */
    public Optional<Article> findPageBySlug(String slug) {
        return store.findPageBySlug(slug);
    }

    /** The corrections and updates of an article, oldest first. */
    public List<Note> notes(long articleId) {
        return notes.list(articleId);
    }

    /** Whether {@code slug} was a public article's or page's address, since moved to the trash or deleted. */
    public boolean isGone(String slug) {
        return store.isGone(slug);
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

    private String uniqueSlug(Handle handle, String slug, long articleId, boolean given, Kind kind) {
        boolean reserved = kind == Kind.PAGE && reservedForSite(slug); // only when derived: a given one was refused
        if (!reserved && !store.slugTaken(handle, slug, articleId)) {
            return slug;
        }
        if (given) {
            throw new Invalid(Map.of("slug", "Another article or page already uses the slug '" + slug + "'."));
        }
        for (int suffix = 2; ; suffix++) {
            String candidate = Slugs.slugify(slug, SLUG_MAX - 4) + "-" + suffix;
            if (!store.slugTaken(handle, candidate, articleId)) {
                return candidate;
            }
        }
    }

    /** Whether a page at {@code /slug/} would stand where the site's own routes are. */
    static boolean reservedForSite(String slug) {
        return RESERVED_PAGE_SLUGS.contains(slug) || slug.chars().allMatch(Character::isDigit)
                || slug.startsWith("wp-");
    }

    /** The revision a save keeps: the article as written, its tags by name. */
    static Revision revisionOf(Article article, List<String> tagNames, String who, String note, boolean autosave,
                               Instant at) {
        return new Revision(0, article.id(), article.version(), who, at, autosave, note, article.kind(),
                article.title(), article.dek(), article.slug(), article.bodyMarkdown(), article.excerpt(),
                article.isPage() ? null : article.sectionId(), article.featuredMediaId(), article.seoTitle(),
                article.seoDescription(), article.status(), article.publishedAt(), tagNames, article.authorIds());
    }

    /**
     * The page keys a write to one article changes, from what readers could see before and after it. A draft on
     * either side counts as nothing: saving a draft or a pending article announces no key. Between two public
     * versions: its own page always; its teaser wherever one is shown ({@code card:}) when what a teaser shows
     * changed; a list only when its membership or order changed (a new date, section, tag or author).
     */
    static Set<String> changedKeys(List<Section> sections, Optional<Article> before, Optional<Article> after) {
        Optional<Article> was = before.filter(Article::isPublic);
        Optional<Article> is = after.filter(Article::isPublic);
        var keys = new LinkedHashSet<String>();
        if (was.isEmpty() && is.isEmpty()) {
            return keys;
        }
        if (was.or(() -> is).orElseThrow().isPage()) {
            return pageKeys(was, is);
        }
        // the sitemap of the month it was and is published in: its address or when it last changed is there
        is.map(Article::publishedAt).ifPresent(at -> keys.add(Keys.sitemap(Keys.month(at))));
        was.map(Article::publishedAt).ifPresent(at -> keys.add(Keys.sitemap(Keys.month(at))));
        if (was.isEmpty() || is.isEmpty()) {
            Article shown = was.or(() -> is).orElseThrow();
            keys.add(Keys.article(shown.id()));
            keys.add(Keys.card(shown.id()));
            keys.addAll(listKeys(sections, shown));
            return keys;
        }
        Article old = was.get();
        Article now = is.get();
        keys.add(Keys.article(now.id()));
        if (!old.sameCardAs(now)) {
            keys.add(Keys.card(now.id()));
        }
        if (!java.util.Objects.equals(old.publishedAt(), now.publishedAt())) {
            keys.addAll(listKeys(sections, old));
            keys.addAll(listKeys(sections, now));
            return keys;
        }
        var oldLists = listKeys(sections, old);
        var newLists = listKeys(sections, now);
        oldLists.stream().filter(key -> !newLists.contains(key)).forEach(keys::add);
        newLists.stream().filter(key -> !oldLists.contains(key)).forEach(keys::add);
        return keys;
    }

    /**
     * A page is on no list and shows no card: its own page ({@code article:ID}) changes, and the menus that may
     * name it ({@code nav}, every page) when it comes or goes or its title or address changes.
     */
    private static Set<String> pageKeys(Optional<Article> was, Optional<Article> is) {
        var keys = new LinkedHashSet<String>();
        keys.add(Keys.article(was.or(() -> is).orElseThrow().id()));
        if (was.isEmpty() || is.isEmpty() || !was.get().title().equals(is.get().title())
                || !was.get().slug().equals(is.get().slug())) {
            keys.add(Keys.NAV);
        }
        return keys;
    }

    /**
     * The lists a public article is on (home, its section and every parent, its tags, its authors), each with the
     * article's place in it ({@link Keys#listAt}).
     */
    static Set<String> listKeys(List<Section> sections, Article article) {
        var lists = new LinkedHashSet<String>();
        lists.add(Keys.HOME);
        TaxonomyService.ancestorsAndSelf(sections, article.sectionId())
                .forEach(section -> lists.add(Keys.sectionList(section.id())));
        article.tagIds().forEach(tag -> lists.add(Keys.tagList(tag)));
        article.authorIds().forEach(author -> lists.add(Keys.authorList(author)));
        var position = Keys.Position.of(article.publishedAt(), article.id());
        var keys = new LinkedHashSet<String>();
        lists.forEach(list -> keys.add(Keys.listAt(list, position)));
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
