package dev.byline.support;

import dev.byline.Byline;
import dev.byline.config.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** For tests against the running site: one Byline with the demo content per test class, on a random port. */
public abstract class DemoSiteTest {

    @TempDir
    static Path demoDataDir;
    protected static Byline byline;
    protected static Http http;

    @BeforeAll
    static void startDemoSite() {
        byline = Byline.start(Config.forTests(demoDataDir).withDemo(true));
        http = new Http(byline.baseUrl());
    }

    @AfterAll
    static void stopDemoSite() {
        byline.close();
    }
}
