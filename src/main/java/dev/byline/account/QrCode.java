package dev.byline.account;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code drawn by us as SVG, so the secret it holds never leaves the server for a remote QR service. The dark
 * modules are one {@code <path>} of horizontal runs on a white square with the four-module quiet zone scanners
 * need; everything is in attributes (the admin's CSP allows no inline style) and nothing runs.
 */
final class QrCode {

    /** Empty modules around the code, as the QR specification requires. */
    static final int QUIET_ZONE = 4;
    /** The size drawn by default, in CSS pixels per module; the viewBox lets a page scale it. */
    static final int PIXELS_PER_MODULE = 4;

    private QrCode() {
    }

    /**
     * {@code text} as an SVG image with {@code label} as its accessible name. Error correction level M (15%): a
     * phone reads it from a screen easily and the code stays small.
     */
    static String svg(String text, String label) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        var path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                // one run of dark modules: a rectangle, one module high
                path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        int pixels = size * PIXELS_PER_MODULE;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\""
                + pixels + "\" height=\"" + pixels + "\" role=\"img\" aria-label=\"" + escape(label)
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** Escaped for an XML attribute: the SVG goes into the page as it is. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
