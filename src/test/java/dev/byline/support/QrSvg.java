package dev.byline.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back a QR code Byline drew as SVG: the SVG's own path is drawn into an image, and ZXing's reader (not
 * Byline's code) decodes the pixels. The reader runs in its pure-barcode mode, made for an image that is nothing
 * but the code, upright: its camera mode looks for finder patterns and, on a perfectly axis-aligned synthetic
 * image, sometimes settles on a wrong centre (about 1 code in 400 here; zxing/zxing issues 410 and 914), which a
 * photo taken by a hand never is.
 */
public final class QrSvg {

    private QrSvg() {
    }

    /** The text the QR code in {@code svg} holds. */
    public static String decode(String svg) {
        BufferedImage image = rasterise(svg, 6);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no QR code could be read from the SVG", e);
        }
    }

    /** Draws the SVG's white square and its path's dark modules, {@code scale} pixels per module. */
    public static BufferedImage rasterise(String svg, int scale) {
        int size = size(svg);
        boolean[][] dark = modules(svg);
        var image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (dark[y][x]) {
                    g.fillRect(x * scale, y * scale, scale, scale);
                }
            }
        }
        g.dispose();
        return image;
    }

    /** The side of the square viewBox, in modules. */
    public static int size(String svg) {
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(viewBox.find(), svg);
        assertEquals(viewBox.group(1), viewBox.group(2), "square");
        return Integer.parseInt(viewBox.group(1));
    }

    /**
     * Reads the path's commands as an SVG renderer would (absolute M; relative h and v; z closes back to the
     * start): each subpath of horizontal and vertical lines fills the box of its points, whose modules are dark.
     */
    public static boolean[][] modules(String svg) {
        int size = size(svg);
        Matcher d = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"").matcher(svg);
        assertTrue(d.find(), svg);
        boolean[][] dark = new boolean[size][size];
        Matcher command = Pattern.compile("([MhvzZ])\\s*(-?\\d+)?(?:[ ,](-?\\d+))?").matcher(d.group(1));
        int x = 0;
        int y = 0;
        int startX = 0;
        int startY = 0;
        int minX = 0;
        int maxX = 0;
        int minY = 0;
        int maxY = 0;
        int end = 0;
        while (command.find()) {
            assertEquals(end, command.start(), "nothing unread in the path at " + end);
            end = command.end();
            switch (command.group(1)) {
                case "M" -> {
                    x = startX = minX = maxX = Integer.parseInt(command.group(2));
                    y = startY = minY = maxY = Integer.parseInt(command.group(3));
                }
                case "h" -> x += Integer.parseInt(command.group(2));
                case "v" -> y += Integer.parseInt(command.group(2));
                default -> {
                    for (int row = minY; row < maxY; row++) {
                        for (int column = minX; column < maxX; column++) {
                            assertFalse(dark[row][column], "runs do not overlap");
                            dark[row][column] = true;
                        }
                    }
                    x = startX;
                    y = startY;
                }
            }
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        assertEquals(d.group(1).length(), end, "the whole path was read");
        return dark;
    }
}
