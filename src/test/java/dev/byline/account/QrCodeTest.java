package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.byline.support.QrSvg;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The QR code as we draw it decodes back to what it holds: {@link QrSvg} draws the SVG's own path into an image,
 * pixel by pixel, and ZXing's reader (not our code) reads it; and its modules are those ZXing's writer draws.
 */
class QrCodeTest {

    static final String URI = Totp.uri("The Daily Post", "amina@example.org", Totp.base32(Totp.newSecret()));

    @Test
    void decodesBackToTheUri() {
        assertEquals(URI, QrSvg.decode(QrCode.svg(URI, "QR code for amina@example.org")));
        String longer = Totp.uri("A newsroom with a rather long name indeed", "a.very.long.address@newsroom.example.org",
                Totp.base32(Totp.newSecret()));
        assertEquals(longer, QrSvg.decode(QrCode.svg(longer, "QR code")));
    }

    /** Module for module what ZXing's own writer draws, quiet zone included: no run lost or shifted. */
    @Test
    void theSameModulesAsZxingsWriter() throws Exception {
        for (int i = 0; i < 20; i++) {
            String uri = Totp.uri("Byline", "desk" + i + "@example.org", Totp.base32(Totp.newSecret()));
            boolean[][] ours = QrSvg.modules(QrCode.svg(uri, "QR code"));
            BitMatrix theirs = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QrCode.QUIET_ZONE));
            assertEquals(theirs.getWidth(), ours.length);
            for (int y = 0; y < ours.length; y++) {
                for (int x = 0; x < ours.length; x++) {
                    assertEquals(theirs.get(x, y), ours[y][x], uri + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void attributesOnlyWithAQuietZone() {
        String svg = QrCode.svg(URI, "QR code for <amina> & \"co\"");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertTrue(svg.contains(" role=\"img\" aria-label=\"QR code for &lt;amina&gt; &amp; &quot;co&quot;\""), svg);
        assertFalse(svg.contains("style"), "the admin's CSP forbids inline style");
        assertFalse(svg.contains("<script"), "nothing runs");
        assertEquals(1, svg.split("<path", -1).length - 1, "one path of dark modules");
        int size = QrSvg.size(svg);
        var width = java.util.regex.Pattern.compile("<svg[^>]* width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertTrue(width.find(), svg);
        assertEquals(size * QrCode.PIXELS_PER_MODULE, Integer.parseInt(width.group(1)), "drawn 4 px a module");
        boolean[][] dark = QrSvg.modules(svg);
        int quiet = QrCode.QUIET_ZONE;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (x < quiet || y < quiet || x >= size - quiet || y >= size - quiet) {
                    assertFalse(dark[y][x], "quiet zone at " + x + "," + y);
                }
            }
        }
        // the top-left finder pattern starts just inside the quiet zone: a 7-module dark ring, then light
        assertTrue(dark[quiet][quiet]);
        assertTrue(dark[quiet][quiet + 6]);
        assertFalse(dark[quiet + 1][quiet + 1]);
    }
}
