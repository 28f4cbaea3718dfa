package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The QR code as we draw it decodes back to what it holds: the SVG's own path is drawn into an image, pixel by
 * pixel, and ZXing's reader (not our code) reads it, as a phone's camera would.
 */
class QrCodeTest {

    static final String URI = Totp.uri("The Daily Post", "amina@example.org", Totp.base32(Totp.newSecret()));

    @Test
    void decodesBackToTheUri() throws Exception {
        String svg = QrCode.svg(URI, "QR code for amina@example.org");
        BufferedImage image = rasterise(svg, 6);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertEquals(URI, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void attributesOnlyWithAQuietZone() {
        String svg = QrCode.svg(URI, "QR code for <amina> & \"co\"");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertTrue(svg.contains(" role=\"img\" aria-label=\"QR code for &lt;amina&gt; &amp; &quot;co&quot;\""), svg);
        assertFalse(svg.contains("style"), "the admin's CSP forbids inline style");
        assertFalse(svg.contains("<script"), "nothing runs");
        assertEquals(1, svg.split("<path", -1).length - 1, "one path of dark modules");
        int size = viewBoxSize(svg);
        boolean[][] dark = modules(svg, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean border = x < QrCode.QUIET_ZONE || y < QrCode.QUIET_ZONE || x >= size - QrCode.QUIET_ZONE
                        || y >= size - QrCode.QUIET_ZONE;
                if (border) {
                    assertFalse(dark[y][x], "quiet zone at " + x + "," + y);
                }
            }
        }
        // the finder pattern's top-left corner sits just inside the quiet zone
        assertTrue(dark[QrCode.QUIET_ZONE][QrCode.QUIET_ZONE]);
        assertTrue(dark[QrCode.QUIET_ZONE][QrCode.QUIET_ZONE + 6]);
        assertFalse(dark[QrCode.QUIET_ZONE + 1][QrCode.QUIET_ZONE + 1]);
    }

    /** Draws the SVG's white square and its path's rectangles, {@code scale} pixels per module. */
    static BufferedImage rasterise(String svg, int scale) {
        int size = viewBoxSize(svg);
        boolean[][] dark = modules(svg, size);
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

    static int viewBoxSize(String svg) {
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(viewBox.find(), svg);
        assertEquals(viewBox.group(1), viewBox.group(2), "square");
        return Integer.parseInt(viewBox.group(1));
    }

    /**
     * Reads the path's commands as an SVG renderer would (absolute M; relative h and v; z closes): each subpath of
     * horizontal and vertical lines fills the box of its points, whose modules are marked dark.
     */
    static boolean[][] modules(String svg, int size) {
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
                    // z draws back to the subpath's start: the rectangle is the box of the points visited
                    x = startX;
                    y = startY;
                    for (int row = minY; row < maxY; row++) {
                        for (int column = minX; column < maxX; column++) {
                            assertFalse(dark[row][column], "runs do not overlap");
                            dark[row][column] = true;
                        }
                    }
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
