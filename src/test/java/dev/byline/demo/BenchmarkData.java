package dev.byline.demo;

import dev.byline.Byline;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.config.Config;
import dev.byline.config.ConfigParser;
import dev.byline.db.Database;
import dev.byline.media.Media;
import dev.byline.media.MediaService.Upload;
import dev.byline.people.Author;
import dev.byline.taxonomy.Section;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generates a newspaper of a chosen size for the benchmarks: the demo content (with the seed article), then
 * generated articles up to the total asked for, each with a lead image, one or two figures, two sections under
 * H2 headings, two or three tags, one or two authors, spread over sections with subsections. Written through
 * the same services as everything else, in batches. A tool for bench/, kept in the test tree (beside the demo
 * content it builds on) so the production jar does not carry it:
 *
 * <pre>java -cp target/test-classes:target/byline.jar dev.byline.demo.BenchmarkData --articles 100000 [Byline flags]</pre>
 */
public final class BenchmarkData {

    private static final String[] SUBJECTS = {"Regional leaders", "Central bank", "City council", "Farmers",
            "Researchers", "Health officials", "Port workers", "Energy ministers", "Teachers' unions", "Investors",
            "Aid agencies", "Election monitors", "Carmakers", "Wheat traders", "Climate scientists", "Rail operators",
            "Software firms", "Border guards", "Fishermen", "Airlines", "Hospitals", "Mayors", "Shipping lines",
            "Miners", "Students", "Pension funds", "Courts", "Water authorities", "Museums", "Football clubs"};
    private static final String[] VERBS = {"agree on", "warn about", "push for", "reject", "debate", "announce",
            "delay", "unveil", "sign", "question", "welcome", "study", "prepare", "review", "back", "plan",
            "criticise", "defend", "expand", "cut"};
    private static final String[] OBJECTS = {"new border rules", "a budget deal", "higher tariffs", "a water plan",
            "cheaper loans", "a rail link", "emergency funding", "a trade corridor", "stricter emissions limits",
            "a vaccination drive", "a wage agreement", "a data law", "new reactors", "a grain deal", "school reforms",
            "a peace plan", "a housing scheme", "drought relief", "a shipping deal", "digital IDs"};
    private static final String[] PLACES = {"Kabul", "Moscow", "Tashkent", "Islamabad", "Berlin", "Nairobi",
            "Lagos", "Jakarta", "Lima", "Ankara", "Hanoi", "Almaty", "Cairo", "Warsaw", "Dhaka", "Manila",
            "Bogotá", "Tbilisi", "Baku", "Riyadh"};
    private static final String[] PARAGRAPHS = {
            "Officials said the talks had been difficult but productive, and that both sides had agreed to meet "
                    + "again before the end of the month to settle the remaining questions.",
            "Critics said the plan did not go far enough. Opposition members called for an independent review "
                    + "and said the public deserved to see the full figures before any vote.",
            "Analysts expect the decision to affect prices across the region, though most said the change would "
                    + "be gradual and that households would notice little before the spring.",
            "The announcement followed months of pressure from local groups, who had warned that delays were "
                    + "costing jobs and driving young people to look for work abroad.",
            "A spokesperson declined to give a timetable but said the government remained committed to the "
                    + "goals it had set out last year, including the targets for rural areas.",
            "Residents interviewed on Tuesday were cautious. Several said they had heard similar promises "
                    + "before, while others welcomed what they called a first practical step."};

    private BenchmarkData() {
    }

    public static void main(String[] args) {
        int total = 1000;
        var rest = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--articles") && i + 1 < args.length) {
                total = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        Config config = ConfigParser.parse(rest.toArray(String[]::new), System.getenv()).orElseThrow();
        long started = System.nanoTime();
        try (Database database = Database.open(config)) {
            Byline.Services services = Byline.wire(config, database, Clock.systemUTC());
            int made = generate(services, total);
            System.out.printf("generated %d articles (%d in all) in %d s%n", made, services.articles().countLatest(),
                    (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    /** Fills the database up to {@code total} published articles; returns how many were generated. */
    static int generate(Byline.Services services, int total) {
        services.demo().loadIfEmpty();
        long existing = services.articles().countLatest();
        if (existing >= total) {
            return 0;
        }
        var random = new Random(42);
        List<Section> sections = new ArrayList<>(services.taxonomy().sections());
        for (String name : List.of("Africa", "Americas", "Middle East")) {
            sections.add(services.taxonomy().saveSection(new Section(0, "", name, "", sections.getFirst().id(), 5)));
        }
        for (String name : List.of("Health", "Climate", "Culture", "Sport")) {
            sections.add(services.taxonomy().saveSection(new Section(0, "", name, "", null, 10)));
        }
        List<Author> authors = new ArrayList<>(services.authors().all());
        for (int i = 0; i < 36; i++) {
            authors.add(services.authors().save(new Author(0, "", "Reporter " + (char) ('A' + i % 26) + " " + (i + 1),
                    "Covers the news for the paper.", null)));
        }
        List<Media> pictures = IntStream.range(0, 24).parallel()
                .mapToObj(i -> services.media().store(new Upload(PlaceholderImages.landscape(5000 + i, 1200, 675),
                        "bench-" + i + ".jpg", "Generated placeholder picture", "", "Byline benchmark")))
                .toList();
        List<String> tags = IntStream.range(0, 200).mapToObj(i -> i < PLACES.length ? PLACES[i] : "Topic " + i)
                .toList();

        int toMake = (int) (total - existing);
        Instant published = DemoContent.SEED_PUBLISHED.minus(Duration.ofDays(1));
        var batch = new ArrayList<ArticleDraft>();
        for (int n = 0; n < toMake; n++) {
            String title = SUBJECTS[n % SUBJECTS.length] + " " + VERBS[(n / 7) % VERBS.length] + " "
                    + OBJECTS[(n / 3) % OBJECTS.length] + " in " + PLACES[(n / 11) % PLACES.length]
                    + (n >= 12_000 ? " (" + (n / 12_000) + ")" : "");
            Media lead = pictures.get(random.nextInt(pictures.size()));
            Media figure = pictures.get(random.nextInt(pictures.size()));
            Section section = sections.get(random.nextInt(sections.size()));
            List<Long> byline = random.nextInt(5) == 0
                    ? List.of(authors.get(random.nextInt(authors.size())).id(),
                    authors.get(random.nextInt(authors.size())).id())
                    : List.of(authors.get(random.nextInt(authors.size())).id());
            List<String> articleTags = List.of(tags.get(random.nextInt(tags.size())),
                    tags.get(random.nextInt(20)), tags.get(random.nextInt(tags.size())));
            batch.add(new ArticleDraft(0, title, PARAGRAPHS[n % PARAGRAPHS.length], "", body(random, figure), "",
                    lead.id(), ArticleStatus.PUBLISHED, section.id(), byline, articleTags, published));
            published = published.minus(Duration.ofMinutes(20 + random.nextInt(40)));
            if (batch.size() == 1000 || n == toMake - 1) {
                services.articles().importAll(batch);
                batch.clear();
                if ((n + 1) % 10_000 == 0) {
                    System.out.printf("  %d / %d%n", n + 1, toMake);
                }
            }
        }
        return toMake;
    }

    private static String body(Random random, Media figure) {
        var body = new StringBuilder();
        for (int section = 0; section < 3; section++) {
            if (section > 0) {
                body.append("## ").append(section == 1 ? "What happened" : "What comes next").append("\n\n");
            }
            for (int p = 0; p < 3; p++) {
                body.append(PARAGRAPHS[random.nextInt(PARAGRAPHS.length)]).append(' ')
                        .append(PARAGRAPHS[random.nextInt(PARAGRAPHS.length)]).append("\n\n");
            }
            if (section == 1) {
                body.append("![Generated placeholder picture](").append(figure.url())
                        .append(" \"A scene from the story (placeholder picture)\")\n\n");
            }
        }
        return body.toString();
    }
}
