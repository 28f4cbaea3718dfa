package dev.byline.support;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of the services over a real database: opens a {@link Newsroom} per test and closes it after. */
public abstract class NewsroomTest {

    @TempDir
    protected Path dir;
    protected Newsroom newsroom;

    protected Newsroom openNewsroom(TestDatabases db, Clock clock) {
        newsroom = new Newsroom(db.config(dir), clock);
        return newsroom;
    }

    @AfterEach
    void closeNewsroom() {
        if (newsroom != null) {
            newsroom.close();
        }
    }
}
