package dev.byline.wordpress;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Kind;
import dev.byline.comment.CommentService;
import dev.byline.comment.CommentStatus;
import dev.byline.error.Invalid;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.text.Slugs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ./byline import wordpress FILE}: a WordPress export (WXR) into Byline, through the same services as the
 * newsroom's own writes (so every page and index hears of it through the change feed).
 *
 * <ul>
 *   <li>Two passes over the file, each a stream: the first reads it to the end and stops at the first malformed
 *       place with its line and column, before anything is written; the second imports.</li>
 *   <li>Categories become sections, with their hierarchy; tags stay tags; authors become author profiles (no
 *       accounts, no passwords); posts become articles and pages pages, with their status, date, slug, excerpt,
 *       author and terms (the first category is the section, the others become tags: reported); comments keep their
 *       threading, moderation state and dates.</li>
 *   <li>What each item became is recorded ({@code wordpress_imports}), so a second run updates it.</li>
 *   <li>What was not brought over, or changed on the way, is said in the report: attachments and menus, shortcodes,
 *       tables kept as HTML, slugs taken.</li>
 * </ul>
 */
public final class WordPressImport {

    /** What an import did. */
    public record Report(int articles, int pages, int updated, int sections, int tags, int authors, int comments,
                         int skipped, List<String> notes) {
    }

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String UNCATEGORISED = "Uncategorized";

    private final Jdbi jdbi;
    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final CommentService comments;
    private final WxrReader reader = new WxrReader();
    private final WordPressBodies bodies = new WordPressBodies();

    public WordPressImport(Jdbi jdbi, ArticleService articles, AuthorService authors, TaxonomyService taxonomy,
                           CommentService comments) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.comments = comments;
    }

    /**
     * Imports {@code file}; {@code progress} hears a line now and then.
     *
     * @throws WxrReader.Malformed before anything is written, when the file is not a well-formed export
     */
    public Report run(Path file, Consumer<String> progress) {
        int[] items = {0};
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(new java.io.BufferedInputStream(in), record -> {
                if (record instanceof WxrReader.Item) {
                    items[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept("The file is well formed: " + items[0] + " items. Importing…");
        var run = new Run(items[0], progress);
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(new java.io.BufferedInputStream(in), run::accept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run.report();
    }

    /** One import's state: the terms and people read so far, and the counts. */
    private final class Run {
        private final int total;
        private final Consumer<String> progress;
        private String source = "";
        private final Map<String, WxrReader.Term> categories = new LinkedHashMap<>();
        private final Map<String, Long> sectionIds = new HashMap<>();
        private final Map<String, Long> authorIds = new HashMap<>();
        private final Map<String, WxrReader.Person> people = new HashMap<>();
        private final List<String> notes = new ArrayList<>();
        private int seen;
        private int articleCount;
        private int pageCount;
        private int updated;
        private int sectionCount;
        private int tagCount;
        private int authorCount;
        private int commentCount;
        private int skipped;
        private boolean termsDone;

        Run(int total, Consumer<String> progress) {
            this.total = total;
            this.progress = progress;
        }

        void accept(WxrReader.Record record) {
            switch (record) {
                case WxrReader.Person person -> people.put(person.login(), person);
                case WxrReader.Term term when term.category() -> categories.put(term.slug(), term);
                case WxrReader.Term term -> tagCount++;
                case WxrReader.Site site -> source = site.baseBlogUrl().isBlank() ? site.link() : site.baseBlogUrl();
                case WxrReader.Item item -> {
                    if (!termsDone) {
                        sections();
                        termsDone = true;
                    }
                    item(item);
                    if (++seen % 100 == 0) {
                        progress.accept("… " + seen + " of " + total + " items");
                    }
                }
            }
        }

        /** The categories as sections, parents first; those already imported are found again. */
        private void sections() {
            var pending = new ArrayList<>(categories.values());
            while (!pending.isEmpty()) {
                boolean progressed = false;
                for (var it = pending.iterator(); it.hasNext(); ) {
                    WxrReader.Term term = it.next();
                    if (!term.parent().isEmpty() && categories.containsKey(term.parent())
                            && !sectionIds.containsKey(term.parent())) {
                        continue; // its parent first
                    }
                    sectionIds.put(term.slug(), section(term));
                    it.remove();
                    progressed = true;
                }
                if (!progressed) {
                    notes.add("Categories whose parents form a loop were made top-level sections: "
                            + pending.stream().map(WxrReader.Term::slug).toList());
                    for (WxrReader.Term term : pending) {
                        sectionIds.put(term.slug(), section(new WxrReader.Term(true, term.id(), term.slug(),
                                term.name(), "", term.description())));
                    }
                    pending.clear();
                }
            }
        }

        private long section(WxrReader.Term term) {
            Optional<Long> known = mapped("category", term.slug());
            if (known.isPresent() && taxonomy.findSection(known.get()).isPresent()) {
                return known.get();
            }
            String slug = Slugs.latin(term.slug().isBlank() ? term.name() : term.slug(), 80);
            Optional<Section> existing = taxonomy.findSectionBySlug(slug);
            long id = existing.map(Section::id).orElseGet(() -> {
                sectionCount++;
                Long parent = term.parent().isEmpty() ? null : sectionIds.get(term.parent());
                return taxonomy.saveSection(new Section(0, slug, term.name().isBlank() ? slug : term.name(),
                        term.description(), parent, 0)).id();
            });
            remember("category", term.slug(), term.id(), id);
            return id;
        }

        private long uncategorised() {
            return sectionIds.computeIfAbsent("", ignored -> taxonomy.findSectionBySlug("uncategorized")
                    .map(Section::id).orElseGet(() -> {
                        sectionCount++;
                        return taxonomy.saveSection(new Section(0, "uncategorized", UNCATEGORISED, "", null, 0)).id();
                    }));
        }

        private long author(String login) {
            return authorIds.computeIfAbsent(login, key -> {
                Optional<Long> known = mapped("author", key);
                if (known.isPresent() && authors.find(known.get()).isPresent()) {
                    return known.get();
                }
                WxrReader.Person person = people.getOrDefault(key, new WxrReader.Person(key, "", key));
                String name = person.displayName().isBlank() ? key : person.displayName();
                String slug = Slugs.latin(key.isBlank() ? name : key, 80);
                long id = authors.findBySlug(slug).map(Author::id).orElseGet(() -> {
                    authorCount++;
                    return authors.save(new Author(0, slug, name, "", null, List.of())).id();
                });
                remember("author", key, 0, id);
                return id;
            });
        }

        private void item(WxrReader.Item item) {
            String type = item.field("wp:post_type");
            if (!type.equals("post") && !type.equals("page")) {
                skipped++;
                if (type.equals("attachment")) {
                    note("Attachments (media files) were not brought over; bodies keep their links to the old "
                            + "site's files");
                } else {
                    note("Items of type \"" + type + "\" (menus, custom types) were not brought over");
                }
                return;
            }
            ArticleStatus status = switch (item.field("wp:status")) {
                case "publish" -> ArticleStatus.PUBLISHED;
                case "future" -> ArticleStatus.SCHEDULED;
                case "pending" -> ArticleStatus.PENDING;
                case "private" -> ArticleStatus.PRIVATE;
                case "draft", "auto-draft" -> ArticleStatus.DRAFT;
                default -> null;
            };
            if (status == null) {
                skipped++;
                note("Items in the trash or of an unknown status were not brought over");
                return;
            }
            boolean page = type.equals("page");
            long wpId = item.number("wp:post_id");
            String title = item.field("title").strip();
            WordPressBodies.Converted body = bodies.convert(item.field("content:encoded"));
            body.notes().forEach(said -> note("\"" + (title.isEmpty() ? "#" + wpId : title) + "\": " + said));
            List<WxrReader.Filed> sections = item.filed().stream().filter(WxrReader.Filed::category).toList();
            var tags = new ArrayList<String>(item.filed().stream().filter(f -> !f.category()).map(WxrReader.Filed::name)
                    .toList());
            Long sectionId = null;
            if (!page) {
                sectionId = sections.isEmpty() ? uncategorised()
                        : sectionIds.getOrDefault(sections.getFirst().slug(), uncategorised());
                if (sections.size() > 1) {
                    sections.subList(1, sections.size()).forEach(extra -> tags.add(extra.name()));
                    note("Posts in several categories keep the first as their section; the others became tags");
                }
            } else if (!tags.isEmpty()) {
                tags.clear();
            }
            Instant published = date(item.field("wp:post_date_gmt")).or(() -> date(item.field("wp:post_date")))
                    .orElse(null);
            String creator = item.field("dc:creator").strip();
            List<Long> bylines = List.of(author(creator));
            String slug = Slugs.latin(item.field("wp:post_name").isBlank() ? title : item.field("wp:post_name"), 200);
            Optional<Article> before = mapped(page ? "page" : "post", String.valueOf(wpId)).flatMap(articles::find);
            var draft = new ArticleDraft(before.map(Article::id).orElse(0L), title.isEmpty() ? "(no title)" : title,
                    "", slug, body.markdown(), excerpt(item), null, status, sectionId, bylines,
                    tags.stream().distinct().toList(), status == ArticleStatus.DRAFT ? null : published,
                    before.map(Article::version).orElse(0L), "", "", page ? Kind.PAGE : Kind.ARTICLE);
            Article saved;
            try {
                saved = save(draft);
            } catch (Invalid invalid) {
                skipped++;
                notes.add("\"" + draft.title() + "\" (WordPress #" + wpId + ") was not imported: "
                        + String.join(" ", invalid.fieldErrors().values()));
                return;
            }
            if (before.isPresent()) {
                updated++;
            } else if (page) {
                pageCount++;
            } else {
                articleCount++;
            }
            remember(page ? "page" : "post", String.valueOf(wpId), wpId, saved.id());
            if ("1".equals(item.field("wp:is_sticky"))) {
                note("Sticky posts were imported as ordinary articles: pin them on the front page");
            }
            thread(item, saved);
        }

        /** A save; a slug another article holds is given up for one made from the headline. */
        private Article save(ArticleDraft draft) {
            try {
                return articles.save(draft);
            } catch (Invalid invalid) {
                if (!invalid.fieldErrors().containsKey("slug") || draft.id() != 0) {
                    throw invalid;
                }
                notes.add("\"" + draft.title() + "\": its address (" + draft.slug() + ") was taken, so it got "
                        + "another");
                return articles.save(new ArticleDraft(0, draft.title(), draft.dek(), "", draft.bodyMarkdown(),
                        draft.excerpt(), null, draft.status(), draft.sectionId(), draft.authorIds(), draft.tagNames(),
                        draft.publishedAt(), 0, "", "", draft.kind()));
            }
        }

        private void thread(WxrReader.Item item, Article article) {
            var fresh = new ArrayList<CommentService.Imported>();
            var wpIds = new ArrayList<Long>();
            var place = new HashMap<Long, Integer>();
            for (WxrReader.WpComment c : item.comments()) {
                if (mapped("comment", String.valueOf(c.id())).isPresent()) {
                    continue; // brought over by an earlier run
                }
                if (c.type().equals("pingback") || c.type().equals("trackback")) {
                    note("Pingbacks and trackbacks were not brought over");
                    continue;
                }
                CommentStatus status = switch (c.approved()) {
                    case "1", "approve" -> CommentStatus.APPROVED;
                    case "spam" -> CommentStatus.SPAM;
                    case "trash", "post-trashed" -> CommentStatus.TRASH;
                    default -> CommentStatus.PENDING;
                };
                Integer parent = c.parent() == 0 ? null : place.get(c.parent());
                if (c.parent() != 0 && parent == null) {
                    note("Replies to comments not in the file, or brought over earlier, were put at the top level");
                }
                place.put(c.id(), fresh.size());
                wpIds.add(c.id());
                fresh.add(new CommentService.Imported(c.author(), c.email(), c.url(), c.ip(), c.content(), status,
                        date(c.dateGmt()).orElse(article.publishedAt() == null ? Instant.EPOCH : article.publishedAt()),
                        parent == null ? -1 : parent));
            }
            List<Long> ids = comments.importThread(article.id(), fresh);
            for (int i = 0; i < ids.size(); i++) {
                remember("comment", String.valueOf(wpIds.get(i)), wpIds.get(i), ids.get(i));
            }
            commentCount += ids.size();
        }

        private String excerpt(WxrReader.Item item) {
            String excerpt = item.field("excerpt:encoded").strip();
            return excerpt.length() > 500 ? excerpt.substring(0, 500) : excerpt;
        }

        private void note(String line) {
            if (!notes.contains(line)) {
                notes.add(line);
            }
        }

        private Optional<Long> mapped(String kind, String key) {
            return jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT byline_id FROM wordpress_imports WHERE source = :source AND kind = :kind AND wp_key = :key
                            """)
                    .bind("source", source).bind("kind", kind).bind("key", key).mapTo(Long.class).findOne());
        }

        private void remember(String kind, String key, long wpId, long bylineId) {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO wordpress_imports (source, kind, wp_key, wp_id, byline_id)
                            VALUES (:source, :kind, :key, :wpId, :id)
                            ON CONFLICT (source, kind, wp_key) DO UPDATE SET byline_id = excluded.byline_id,
                                wp_id = excluded.wp_id
                            """)
                    .bind("source", source).bind("kind", kind).bind("key", key).bind("wpId", wpId)
                    .bind("id", bylineId).execute());
        }

        Report report() {
            return new Report(articleCount, pageCount, updated, sectionCount, tagCount, authorCount, commentCount,
                    skipped, List.copyOf(notes));
        }
    }

    /** WordPress's "2015-01-27 14:56:57" in UTC; empty for its "0000-00-00 00:00:00" and anything unreadable. */
    static Optional<Instant> date(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), WP_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
