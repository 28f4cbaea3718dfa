package dev.byline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.Invalid;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
        assertEquals(List.of(200, 400, 800), media.variants(), "copies narrower than the original only");
        assertEquals("Delegates", media.alt());
        assertEquals(media.url(200), media.thumbnailUrl(), "the 200 px copy is the library's thumbnail");
        for (String url : List.of(media.url(), media.url(200), media.url(400), media.url(800))) {
            Path file = newsroom.media.resolve(url.substring(Media.URL_PREFIX.length())).orElseThrow();
            assertTrue(Files.size(file) > 0, url);
        }
        var scaled = ImageIO.read(newsroom.media.resolve(media.url(400).substring(7)).orElseThrow().toFile());
        assertEquals(400, scaled.getWidth());
        assertEquals(200, scaled.getHeight());
        assertEquals(media, newsroom.media.findByPaths(List.of(media.path())).get(media.path()));

        Media png = newsroom.media.store(new MediaService.Upload(image(300, 300, "png"), "logo.png", "", "", ""));
        assertEquals("image/png", png.mimeType());
        assertEquals(List.of(200), png.variants());
        Media icon = newsroom.media.store(new MediaService.Upload(image(150, 150, "png"), "icon.png", "", "", ""));
        assertEquals(List.of(), icon.variants());
        assertEquals(icon.url(), icon.thumbnailUrl(), "a small image is its own thumbnail");
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
    @EnumSource(TestDatabases.class)
    void noFileServedKeepsTheUploadsMetadata(TestDatabases db) throws IOException {
        openNewsroom(db, new MutableClock(Instant.parse("2026-03-05T10:00:00Z")));
        byte[] upload = TestImages.phoneJpeg(1800, 1000, 6);
        for (String secret : List.of("SECRET-CAMERA", "SECRET-SOURCE-LOCATION", "XMP-SECRET", "IPTC-SECRET",
                "COMMENT-SECRET", "ICC_PROFILE")) {
            assertTrue(TestImages.contains(upload, secret), "the upload carries " + secret);
        }
        Media photo = newsroom.media.store(new MediaService.Upload(upload, "source.jpg", "", "", ""));
        assertEquals("image/jpeg", photo.mimeType());
        assertEquals(1000, photo.width(), "turned upright: the sides swap");
        assertEquals(1800, photo.height());
        assertEquals(List.of(200, 400, 800), photo.variants());
        for (byte[] file : storedFiles(photo)) {
            for (String secret : TestImages.SECRETS) {
                assertFalse(TestImages.contains(file, secret), secret + " in a stored file");
            }
            List<Integer> markers = TestImages.jpegMarkers(file);
            assertTrue(markers.stream().noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE),
                    "no APP1-APP15 or comment segment: " + markers);
        }
        var original = ImageIO.read(new ByteArrayInputStream(storedFiles(photo).getFirst()));
        assertEquals(List.of(TestImages.BLUE, TestImages.RED, TestImages.WHITE, TestImages.GREEN),
                ImageIntakeTest.corners(original), "the original is upright too");

        Media graphic = newsroom.media.store(new MediaService.Upload(TestImages.pngWithText(900, 300), "chart.png",
                "", "", ""));
        assertEquals("image/png", graphic.mimeType());
        assertEquals(900, graphic.width(), "a PNG's EXIF orientation is not applied");
        for (byte[] file : storedFiles(graphic)) {
            for (String secret : TestImages.SECRETS) {
                assertFalse(TestImages.contains(file, secret), secret + " in a stored file");
            }
            assertTrue(Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND").containsAll(TestImages.pngChunks(file)),
                    "only image chunks: " + TestImages.pngChunks(file));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void hugeAndCmykImages(TestDatabases db) throws IOException {
        openNewsroom(db, new MutableClock(Instant.parse("2026-03-05T10:00:00Z")));
        var error = assertThrows(Invalid.class, () -> newsroom.media.store(new MediaService.Upload(
                TestImages.pngHeaderClaiming(20_000, 20_000), "bomb.png", "", "", "")));
        assertEquals("This image is 20000×20000 pixels (400 megapixels); the limit is 50 megapixels.",
                error.fieldErrors().get("file"));
        assertFalse(Files.exists(newsroom.media.resolve("2026").orElseThrow()), "nothing written");

        Media cmyk = newsroom.media.store(new MediaService.Upload(TestImages.cmykJpeg(640, 320), "print.jpg",
                "", "", ""));
        assertEquals("image/jpeg", cmyk.mimeType());
        byte[] stored = storedFiles(cmyk).getFirst();
        assertEquals(3, TestImages.jpegComponents(stored), "stored as an ordinary RGB JPEG");
        var image = ImageIO.read(new ByteArrayInputStream(stored));
        var left = new java.awt.Color(image.getRGB(100, 160));
        var right = new java.awt.Color(image.getRGB(540, 160));
        assertTrue(left.getRed() > 240 && left.getGreen() > 240 && left.getBlue() > 240, "no ink is white: " + left);
        assertTrue(right.getRed() < 80 && right.getBlue() > 200, "cyan ink: " + right);

        var strict = new MediaService(newsroom.database.jdbi(), new MediaStore(newsroom.database.jdbi()),
                dir.resolve("strict-media"), new MutableClock(Instant.EPOCH), 100_000);
        var refused = assertThrows(Invalid.class, () -> strict.store(new MediaService.Upload(image(400, 300, "jpg"),
                "x.jpg", "", "", "")));
        assertEquals("This image is 400×300 pixels (0.1 megapixels); the limit is 0.1 megapixels.",
                refused.fieldErrors().get("file"));
    }

    /** The original first, then each scaled copy. */
    private List<byte[]> storedFiles(Media media) throws IOException {
        var files = new java.util.ArrayList<byte[]>();
        files.add(Files.readAllBytes(newsroom.media.resolve(media.path()).orElseThrow()));
        for (int width : media.variants()) {
            files.add(Files.readAllBytes(newsroom.media.resolve(media.url(width).substring(Media.URL_PREFIX.length()))
                    .orElseThrow()));
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../byline.db", "2026/../../byline.db", "/etc/passwd", "..", "", "a\\..\\b", "x\0y"})
    void pathsOutsideTheMediaRootResolveToNothing(String path) {
        openNewsroom(TestDatabases.SQLITE, new MutableClock(Instant.EPOCH));
        assertTrue(newsroom.media.resolve(path).isEmpty(), path);
    }
}
