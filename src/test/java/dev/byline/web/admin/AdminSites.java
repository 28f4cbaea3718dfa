package dev.byline.web.admin;

import dev.byline.Byline;
import dev.byline.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One running Byline per database kind for a test class, started when first asked for, closed (and its files
 * deleted) at the class's end.
 */
final class AdminSites implements AutoCloseable {

    private final Map<TestDatabases, Byline> sites = new EnumMap<>(TestDatabases.class);
    private final List<Path> dirs = new ArrayList<>();
    private final Clock clock;

    AdminSites(Clock clock) {
        this.clock = clock;
    }

    AdminSites() {
        this(Clock.systemUTC());
    }

    synchronized Byline site(TestDatabases database) {
        return sites.computeIfAbsent(database, kind -> Byline.start(kind.config(dir(kind.name())), clock));
    }

    synchronized Path dir(String name) {
        try {
            Path dir = Files.createTempDirectory("byline-admin-" + name);
            dirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        sites.values().forEach(Byline::close);
        sites.clear();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is not a test failure
            }
        }
    }
}
