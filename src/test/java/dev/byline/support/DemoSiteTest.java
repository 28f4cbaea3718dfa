package dev.byline.support;

import dev.byline.Byline;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests against the running site: one Byline with the demo content per test class, on a random port, on a
 * clock the tests move by hand.
 */
public abstract class DemoSiteTest {

    /** After the demo's newest article; a fixed instant, so every run renders the same pages. */
    protected static final Instant START = Instant.parse("2026-01-15T12:00:00Z");

    @TempDir
    static Path demoDataDir;
    protected static MutableClock clock;
    protected static Byline byline;
    protected static Http http;

    @BeforeAll
    static void startDemoSite() {
        clock = new MutableClock(START);
        byline = Byline.start(TestConfigs.forTests(demoDataDir).withDemo(true), clock);
        http = new Http(byline.baseUrl());
    }

    @AfterAll
    static void stopDemoSite() {
        byline.close();
    }
}
