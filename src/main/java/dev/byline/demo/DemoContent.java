package dev.byline.demo;

import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Change.Entity;
import dev.byline.media.Media;
import dev.byline.media.MediaService;
import dev.byline.media.MediaService.Upload;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.text.Slugs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with a small newspaper: the seed article (resources/demo/seed-article.md, as published
 * on the WordPress site it came from, its three photographs drawn locally), four authors, sections with
 * subsections, and enough other articles (resources/demo/articles.tsv) that every archive has a second page.
 * It goes through the same services as the newsroom would, as an import: the articles keep their publication
 * dates as their last change, as they would coming from another system.
 *
 * <p>Every row it makes is marked as demo ({@code demo_items}) in the same transaction as the row, so that
 * {@link DemoRemoval} can take all of it away again; the {@code demo} setting records that it was loaded, and
 * once it was removed it never loads again.
 */
public final class DemoContent {

    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);
    public static final String SEED_TITLE =
            "Russia Hosts Taliban Delegation, Warns Against Foreign Military in Afghanistan";
    static final Instant SEED_PUBLISHED = Instant.parse("2025-10-08T09:30:00Z");

    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaService media;
    private final DemoStore store;
    private final Clock clock;

    public DemoContent(ArticleService articles, AuthorService authors, TaxonomyService taxonomy, MediaService media,
                       DemoStore store, Clock clock) {
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Loads the demo newspaper when the database has no content at all and the demo was never loaded (or removed)
     * before; returns whether it did.
     */
    public boolean loadIfEmpty() {
        if (store.state().isPresent() || !taxonomy.sections().isEmpty() || !authors.all().isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        Map<String, Author> people = createAuthors();
        Map<String, Section> sections = createSections();
        createOtherArticles(people, sections);
        createSeedArticle(people.get("muhammad-gulriaz"), sections.get("world"));
        LOG.info("Loaded demo content in {} ms", (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private Map<String, Author> createAuthors() {
        var byline = new HashMap<String, Author>();
        String[][] people = {
                {"Muhammad Gulriaz", "muhammad-gulriaz", "Muhammad Gulriaz covers Afghanistan, Pakistan and Central "
                        + "Asia, with a focus on regional diplomacy and security."},
                {"Amina Rahimi", "amina-rahimi", "Amina Rahimi reports on Afghanistan's economy and society."},
                {"Daniel Okafor", "daniel-okafor", "Daniel Okafor writes about politics, trade and technology."},
                {"Sofia Lindqvist", "sofia-lindqvist", "Sofia Lindqvist covers Europe, energy and science."},
        };
        for (int i = 0; i < people.length; i++) {
            String[] person = people[i];
            Upload picture = new Upload(PlaceholderImages.avatar(100 + i, 192), person[1] + "-avatar.jpg", "", "", "");
            byline.put(person[1], store.inTransaction(handle -> {
                Media avatar = marked(handle, Entity.MEDIA, () -> media.store(picture), Media::id);
                return marked(handle, Entity.AUTHOR,
                        () -> authors.save(new Author(0, person[1], person[0], person[2], avatar.id())), Author::id);
            }));
        }
        return byline;
    }

    private Map<String, Section> createSections() {
        var sections = new HashMap<String, Section>();
        String[][] top = {{"World", "world", "News from around the world."},
                {"Politics", "politics", "Government, parliament and elections."},
                {"Business", "business", "Markets, trade and companies."},
                {"Technology", "technology", "How technology changes work and life."},
                {"Science", "science", "Research, health and the environment."}};
        for (int i = 0; i < top.length; i++) {
            sections.put(top[i][1], section(new Section(0, top[i][1], top[i][0], top[i][2], null, i)));
        }
        long world = sections.get("world").id();
        sections.put("asia", section(new Section(0, "asia", "Asia", "News from Asia.", world, 0)));
        sections.put("europe", section(new Section(0, "europe", "Europe", "News from Europe.", world, 1)));
        return sections;
    }

    private Section section(Section section) {
        return store.inTransaction(handle -> marked(handle, Entity.SECTION, () -> taxonomy.saveSection(section),
                Section::id));
    }

    /** A picture stored and marked, in one transaction; drawing it (the slow part) happens before. */
    private Media picture(Upload upload) {
        return store.inTransaction(handle -> marked(handle, Entity.MEDIA, () -> media.store(upload), Media::id));
    }

    /** Runs one service call inside the caller's transaction and marks what it made. */
    private <T> T marked(Handle handle, String kind, Supplier<T> create, ToLongFunction<T> id) {
        T made = create.get();
        store.mark(handle, kind, List.of(id.applyAsLong(made)));
        return made;
    }

    /**
     * Imports articles and marks them and the tags the import created, in one transaction. Each draft names its
     * slug, so the articles can be found again (a slug already taken fails the import instead of marking another).
     */
    private void importMarked(List<ArticleDraft> drafts, boolean last) {
        var newTags = new LinkedHashSet<String>();
        drafts.stream().flatMap(draft -> draft.tagNames().stream()).map(TaxonomyService::tagSlug)
                .filter(slug -> taxonomy.findTagBySlug(slug).isEmpty()).forEach(newTags::add);
        store.inTransaction(handle -> {
            articles.importAll(drafts);
            store.mark(handle, Entity.ARTICLE, drafts.stream()
                    .map(draft -> articles.findBySlug(draft.slug()).orElseThrow().id()).toList());
            store.mark(handle, Entity.TAG, newTags.stream()
                    .map(slug -> taxonomy.findTagBySlug(slug).orElseThrow().id()).toList());
            if (last) {
                store.setState(handle, DemoStore.LOADED, clock.millis());
            }
            return null;
        });
    }

    private static String slug(String title) {
        return Slugs.slugify(title, 80);
    }

    private void createSeedArticle(Author author, Section world) {
        String markdown = resource("seed-article.md");
        var pictures = Map.of("representatives", 11L, "foreign-minister", 12L, "handshake", 13L);
        var alts = Map.of("representatives", "Delegates before the Moscow talks (placeholder picture)",
                "foreign-minister", "Afghanistan's foreign minister (placeholder picture)",
                "handshake", "The two foreign ministers shake hands (placeholder picture)");
        Media lead = null;
        for (var picture : List.of("representatives", "foreign-minister", "handshake")) {
            Media stored = picture(new Upload(PlaceholderImages.landscape(pictures.get(picture), 1600, 900),
                    picture + ".jpg", alts.get(picture), "", "Byline demo"));
            markdown = markdown.replace("(media:" + picture + " ", "(" + stored.url() + " ");
            lead = lead == null ? stored : lead;
        }
        importMarked(List.of(new ArticleDraft(0, SEED_TITLE, "", slug(SEED_TITLE), markdown, "", lead.id(),
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of("Russia", "Afghanistan", "Taliban"),
                SEED_PUBLISHED)), true);
    }

    private void createOtherArticles(Map<String, Author> people, Map<String, Section> sections) {
        List<String[]> rows = resource("articles.tsv").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t")).toList();
        // drawing and scaling the pictures is most of the work: both cores at once
        List<Media> pictures = java.util.stream.IntStream.range(0, rows.size()).parallel()
                .mapToObj(i -> picture(new Upload(PlaceholderImages.landscape(1000 + i, 1200, 675),
                        rows.get(i)[3] + ".jpg", "Generated placeholder picture: hills and a city skyline", "",
                        "Byline demo")))
                .toList();
        Instant published = SEED_PUBLISHED.minus(Duration.ofHours(7));
        var drafts = new ArrayList<ArticleDraft>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            Section section = sections.get(row[0]);
            Author author = people.get(row[1]);
            Media picture = pictures.get(i);
            drafts.add(new ArticleDraft(0, row[3], row[4], slug(row[3]), body(row[4], section, author), "", picture.id(),
                    ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), Arrays.asList(row[2].split(",")),
                    published));
            published = published.minus(Duration.ofHours(17 + (i * 7L) % 13));
        }
        importMarked(drafts, false);
    }

    private static String body(String dek, Section section, Author author) {
        return """
                %s Officials said further details would follow in the coming weeks.

                ## Background

                The %s desk has followed the story since it began. People close to the discussions said the \
                decision had been months in the making and reflected pressure from several directions at once.

                Reaction was mixed. Supporters called the step overdue, while critics said it left important \
                questions unanswered.

                ## What comes next

                A first review is expected before the end of the quarter. %s will keep reporting as the story \
                develops.

                *This is demo content, generated by Byline to show how a newspaper looks.*
                """.formatted(dek, section.name().toLowerCase(), author.displayName());
    }

    private static String resource(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
