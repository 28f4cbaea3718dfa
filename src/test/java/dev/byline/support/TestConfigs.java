package dev.byline.support;

import dev.byline.config.Config;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** Configurations for tests and benchmarks; kept out of the production jar. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** A private data directory, a random port, no demo content, UTC. */
    public static Config forTests(Path dataDir) {
        return new Config("127.0.0.1", 0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, ZoneId.of("UTC"), "Byline Test", Optional.empty());
    }
}
