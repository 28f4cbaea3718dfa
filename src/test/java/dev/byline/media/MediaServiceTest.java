package dev.byline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.Invalid;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaServiceTest extends NewsroomTest {

    static byte[] image(int width, int height, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void storesTheOriginalAndScaledCopies(TestDatabases db) throws IOException {
        openNewsroom(db, new MutableClock(Instant.parse("2026-03-05T10:00:00Z")));
        Media media = newsroom.media.store(new MediaService.Upload(image(1000, 500, "jpg"), "Moscow Talks.JPG",
                " Delegates ", "Caption", ""));
        assertTrue(media.path().matches("2026/03/moscow-talks-[0-9a-f]{8}\\.jpg"), media.path());
        assertEquals(List.of(400, 800), media.variants(), "copies narrower than the original only");
        assertEquals("Delegates", media.alt());
        for (String url : List.of(media.url(), media.url(400), media.url(800))) {
            Path file = newsroom.media.resolve(url.substring(Media.URL_PREFIX.length())).orElseThrow();
            assertTrue(Files.size(file) > 0, url);
        }
        var scaled = ImageIO.read(newsroom.media.resolve(media.url(400).substring(7)).orElseThrow().toFile());
        assertEquals(400, scaled.getWidth());
        assertEquals(200, scaled.getHeight());
        assertEquals(media, newsroom.media.findByPaths(List.of(media.path())).get(media.path()));

        Media png = newsroom.media.store(new MediaService.Upload(image(300, 300, "png"), "logo.png", "", "", ""));
        assertEquals("image/png", png.mimeType());
        assertEquals(List.of(), png.variants());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void refusesWhatIsNotAnImage(TestDatabases db) {
        openNewsroom(db, new MutableClock(Instant.parse("2026-03-05T10:00:00Z")));
        var error = assertThrows(Invalid.class, () -> newsroom.media.store(new MediaService.Upload(
                "<svg onload=alert(1)>".getBytes(), "x.jpg", "", "", "")));
        assertTrue(error.fieldErrors().containsKey("file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../byline.db", "2026/../../byline.db", "/etc/passwd", "..", "", "a\\..\\b", "x\0y"})
    void pathsOutsideTheMediaRootResolveToNothing(String path) {
        openNewsroom(TestDatabases.SQLITE, new MutableClock(Instant.EPOCH));
        assertTrue(newsroom.media.resolve(path).isEmpty(), path);
    }
}
