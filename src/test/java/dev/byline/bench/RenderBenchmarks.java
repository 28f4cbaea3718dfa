package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.article.Article;
import dev.byline.article.BodyRenderer;
import dev.byline.config.Config;
import dev.byline.support.TestConfigs;
import dev.byline.db.Database;
import dev.byline.news.PublicNews;
import dev.byline.web.site.Chromes;
import dev.byline.web.site.SiteUrls;
import dev.byline.web.site.SiteViews;
import dev.byline.web.support.Assets;
import dev.byline.web.support.CachedPage;
import dev.byline.web.support.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a cache miss costs: the seed article page rendered from the database (queries, page record, jte, gzip),
 * and the seed article's Markdown rendered and sanitised. Run with bench/jmh; sample mode gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
public class RenderBenchmarks {

    Path dataDir;
    Database database;
    SiteViews views;
    Templates templates;
    Article seed;
    String seedSlug;
    String seedPath;
    BodyRenderer renderer;
    String seedMarkdown;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("byline-jmh");
        Config config = TestConfigs.forTests(dataDir).withDemo(true);
        database = Database.open(config);
        Byline.Services services = Byline.wire(config, database, Clock.systemUTC());
        services.demo().loadIfEmpty();
        ZoneId zone = ZoneId.of("UTC");
        var news = new PublicNews(services.articles(), services.authors(), services.taxonomy(), services.media(),
                services.frontPage());
        var settings = services.settings();
        views = new SiteViews(news, new SiteUrls(zone), new Chromes(settings::current, "http://127.0.0.1:8080",
                new Assets(Clock.systemUTC()), Clock.systemUTC(), services.demoNotice()::shown,
                services.media()::find, services.menus()::site), settings::current);
        templates = new Templates();
        seedSlug = "russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan";
        seed = services.articles().findBySlug(seedSlug).orElseThrow();
        seedPath = new SiteUrls(zone).article(seed.slug(), seed.publishedAt());
        renderer = new BodyRenderer(services.media()::findByPaths);
        seedMarkdown = seed.bodyMarkdown();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    /** Everything a cache miss on the seed article does after routing: read, build, render, gzip, hash. */
    @Benchmark
    public CachedPage articlePageCacheMiss() {
        SiteViews.Rendered<?> rendered = views.article(seedSlug, seedPath);
        return CachedPage.of("text/html; charset=utf-8", templates.render("article.jte", rendered.page()),
                rendered.keys(), java.time.Instant.now());
    }

    /** The seed article's Markdown to sanitised HTML with figures (done when an article is saved). */
    @Benchmark
    public String markdownToSanitisedHtml() {
        return renderer.render(seedMarkdown).html();
    }

    /** Only the template, from a page record already built: how much of a miss is jte. */
    @Benchmark
    public byte[] articleTemplateOnly(PageRecord record) {
        return templates.render("article.jte", record.page);
    }

    @State(Scope.Benchmark)
    public static class PageRecord {
        Object page;

        @Setup(Level.Trial)
        public void setUp(RenderBenchmarks benchmarks) {
            page = benchmarks.views.article(benchmarks.seedSlug, benchmarks.seedPath).page();
        }
    }

}
