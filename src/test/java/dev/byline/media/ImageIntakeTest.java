package dev.byline.media;

import static dev.byline.media.TestImages.BLUE;
import static dev.byline.media.TestImages.GREEN;
import static dev.byline.media.TestImages.RED;
import static dev.byline.media.TestImages.WHITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.Invalid;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the intake lets in, and how it comes out: pure, no database. */
class ImageIntakeTest {

    private final ImageIntake intake = new ImageIntake(ImageIntake.DEFAULT_MAX_PIXELS);

    /** orientation → the colours seen at top left, top right, bottom left, bottom right once upright */
    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(1, List.of(RED, GREEN, BLUE, WHITE)),
                Arguments.of(2, List.of(GREEN, RED, WHITE, BLUE)),
                Arguments.of(3, List.of(WHITE, BLUE, GREEN, RED)),
                Arguments.of(4, List.of(BLUE, WHITE, RED, GREEN)),
                Arguments.of(5, List.of(RED, BLUE, GREEN, WHITE)),
                Arguments.of(6, List.of(BLUE, RED, WHITE, GREEN)),
                Arguments.of(7, List.of(WHITE, GREEN, BLUE, RED)),
                Arguments.of(8, List.of(GREEN, WHITE, RED, BLUE)));
    }

    @ParameterizedTest
    @MethodSource("orientations")
    void exifOrientationIsAppliedToThePixels(int orientation, List<Color> corners) throws IOException {
        // stored 300×200 with the tag: quarter turns swap the sides
        BufferedImage upright = readBack(TestImages.phoneJpeg(300, 200, orientation));
        boolean sideways = orientation >= 5;
        assertEquals(sideways ? 200 : 300, upright.getWidth());
        assertEquals(sideways ? 300 : 200, upright.getHeight());
        assertEquals(corners, corners(upright), "orientation " + orientation);
    }

    @Test
    void aHugeHeaderIsRefusedBeforeAnyPixelIsDecoded() {
        // 20000×20000 RGBA would take 1.6 GB, more than the test heap: decoding it would end in OutOfMemoryError,
        // and its body is not even a valid image, so a decode would say "damaged". The refusal names the limit.
        byte[] bomb = TestImages.pngHeaderClaiming(20_000, 20_000);
        assertTrue(bomb.length < 100);
        assertRefused(intake, bomb, "This image is 20000×20000 pixels (400 megapixels); the limit is 50 megapixels.");

        assertRefused(intake, TestImages.pngHeaderClaiming(30_000, 10),
                "This image is 30000×10 pixels; the limit is 16384 pixels on a side.");

        // with the limits raised past it, the memory the server has still stops it
        var generous = new ImageIntake(1_000_000_000, 30_000, 10_000_000);
        String message = refusal(generous, TestImages.pngHeaderClaiming(20_000, 20_000));
        assertTrue(message.contains("this server has memory to process about"), message);
    }

    @Test
    void thePixelLimitIsConfigurable() throws IOException {
        var small = new ImageIntake(1_000_000);
        assertRefused(small, TestImages.encode(TestImages.quarters(1200, 1000), "jpg"),
                "This image is 1200×1000 pixels (1.2 megapixels); the limit is 1.0 megapixels.");
        int width = small.read(TestImages.encode(TestImages.quarters(1000, 1000), "jpg"), ImageIntake.Decoded::width);
        assertEquals(1000, width, "a million pixels is within the limit");

        var littleMemory = new ImageIntake(ImageIntake.DEFAULT_MAX_PIXELS, ImageIntake.DEFAULT_MAX_SIDE, 1_000_000);
        String message = refusal(littleMemory, TestImages.encode(TestImages.quarters(1000, 1000), "jpg"));
        assertTrue(message.contains("give Byline more memory"), message);
    }

    /**
     * Larger than the size kept (WordPress's big-image threshold): scaled down to it. Too large to decode whole in
     * the memory given: read subsampled, as long as what comes out is still as wide as what is kept.
     */
    @Test
    void aCameraOriginalIsKeptAtTheBigSideAndReadSubsampledWhenMemoryIsShort() throws IOException {
        byte[] photo = TestImages.encode(TestImages.quarters(3000, 2000), "jpg");
        var plenty = new ImageIntake(ImageIntake.DEFAULT_MAX_PIXELS, ImageIntake.DEFAULT_MAX_SIDE, 100_000_000, 1000);
        assertEquals(List.of(1000, 667), plenty.read(photo, image -> List.of(image.width(), image.height())));

        // 3000×2000 RGB whole needs 36 MB here; read every second pixel it needs 9 MB, and 1500 ≥ 1000
        var short_ = new ImageIntake(ImageIntake.DEFAULT_MAX_PIXELS, ImageIntake.DEFAULT_MAX_SIDE, 20_000_000, 1000);
        List<Object> read = short_.read(photo, image -> List.of(image.width(), image.height(),
                new Color(image.image().getRGB(100, 100)), new Color(image.image().getRGB(900, 600))));
        assertEquals(1000, read.get(0));
        assertEquals(667, read.get(1));
        assertNear(RED, (Color) read.get(2));
        assertNear(WHITE, (Color) read.get(3));

        // so coarse a reading would fall below the size kept: refused, naming memory
        var tiny = new ImageIntake(ImageIntake.DEFAULT_MAX_PIXELS, ImageIntake.DEFAULT_MAX_SIDE, 2_000_000, 1000);
        assertTrue(refusal(tiny, photo).contains("give Byline more memory"));
    }

    private static void assertNear(Color expected, Color actual) {
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) < 24
                && Math.abs(expected.getGreen() - actual.getGreen()) < 24
                && Math.abs(expected.getBlue() - actual.getBlue()) < 24, expected + " vs " + actual);
    }

    @Test
    void emptyUnknownAndTruncatedFilesAreRefusedClearly() {
        assertRefused(intake, new byte[0], "The file is empty.");
        String notAnImage = "This file is not a JPEG, PNG, GIF or WebP image.";
        assertRefused(intake, "<svg onload=alert(1)>".getBytes(), notAnImage);
        assertRefused(intake, "%PDF-1.7 ...".getBytes(), notAnImage);
        assertRefused(intake, new byte[] {(byte) 0xff, (byte) 0xd8}, notAnImage);

        String damaged = "This image is damaged or incomplete and cannot be read.";
        byte[] jpeg = TestImages.encode(TestImages.quarters(400, 300), "jpg");
        assertRefused(intake, Arrays.copyOf(jpeg, jpeg.length / 2), damaged);
        assertRefused(intake, Arrays.copyOf(jpeg, 40), damaged);
        byte[] png = TestImages.encode(TestImages.quarters(400, 300), "png");
        assertRefused(intake, Arrays.copyOf(png, png.length / 2), damaged);
        assertRefused(intake, Arrays.copyOf(png, 20), damaged);
        assertRefused(intake, TestImages.pngHeaderClaiming(10, 10), damaged);
    }

    @Test
    void cmykJpegsDecodeToTheirColours() throws IOException {
        byte[] cmyk = TestImages.cmykJpeg(64, 32);
        assertEquals(4, TestImages.jpegComponents(cmyk), "C, M, Y and K");
        assertTrue(TestImages.jpegMarkers(cmyk).contains(0xEE), "an Adobe segment");
        BufferedImage image = readBack(cmyk);
        Color left = new Color(image.getRGB(8, 16));
        Color right = new Color(image.getRGB(56, 16));
        assertTrue(left.getRed() > 240 && left.getGreen() > 240 && left.getBlue() > 240, "no ink is white: " + left);
        assertTrue(right.getRed() < 80 && right.getGreen() > 120 && right.getBlue() > 200, "cyan ink: " + right);
    }

    @Test
    void gifAndWebpAreReadAndStoredAsPngOrJpeg() throws IOException {
        var gif = TestImages.encode(TestImages.quarters(40, 20), "gif");
        assertEquals(ImageFormat.PNG, intake.read(gif, ImageIntake.Decoded::storedAs));
        assertEquals(GREEN, nearest(new Color(readBack(gif).getRGB(30, 5))));

        // the smallest lossy (opaque) and lossless (transparent) WebP files there are, one pixel each
        byte[] lossy = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        byte[] lossless = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        assertEquals(ImageFormat.JPEG, intake.read(lossy, ImageIntake.Decoded::storedAs));
        assertEquals(ImageFormat.PNG, intake.read(lossless, ImageIntake.Decoded::storedAs));
        assertEquals(1, readBack(lossless).getWidth());
    }

    /** The intake's output, encoded and read back as a browser would get it. */
    private BufferedImage readBack(byte[] upload) throws IOException {
        byte[] stored = intake.read(upload, ImageIntake.Decoded::encode);
        return ImageIO.read(new ByteArrayInputStream(stored));
    }

    static List<Color> corners(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return Stream.of(new int[] {w / 4, h / 4}, new int[] {3 * w / 4, h / 4}, new int[] {w / 4, 3 * h / 4},
                new int[] {3 * w / 4, 3 * h / 4}).map(at -> nearest(new Color(image.getRGB(at[0], at[1])))).toList();
    }

    private static Color nearest(Color colour) {
        return Stream.of(RED, GREEN, BLUE, WHITE)
                .min((a, b) -> Integer.compare(distance(a, colour), distance(b, colour))).orElseThrow();
    }

    private static int distance(Color a, Color b) {
        int red = a.getRed() - b.getRed();
        int green = a.getGreen() - b.getGreen();
        int blue = a.getBlue() - b.getBlue();
        return red * red + green * green + blue * blue;
    }

    private static void assertRefused(ImageIntake intake, byte[] bytes, String message) {
        assertEquals(message, refusal(intake, bytes));
    }

    private static String refusal(ImageIntake intake, byte[] bytes) {
        Invalid error = assertThrows(Invalid.class, () -> intake.read(bytes, ImageIntake.Decoded::width));
        return error.fieldErrors().get("file");
    }
}
