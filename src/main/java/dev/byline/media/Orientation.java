package dev.byline.media;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ImagingOpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * EXIF orientation: a camera held upright writes its pixels sideways and a tag saying how to turn them. The
 * tag goes when the metadata is stripped, so the pixels are turned first, and a phone photo stays upright.
 */
final class Orientation {

    private static final int UPRIGHT = 1;

    private Orientation() {
    }

    /** The orientation tag (1-8) of a JPEG's EXIF block; upright when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            byte[] data = exif.getFirst().data().readAllBytes();
            // after the "Exif\0" identifier comes one byte of padding, then the TIFF structure
            int start = data.length > 0 && data[0] == 0 ? 1 : 0;
            try (ImageInputStream tiff = ImageIO.createImageInputStream(
                    new ByteArrayInputStream(data, start, data.length - start))) {
                Entry entry = new TIFFReader().read(tiff).getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry != null && entry.getValue() instanceof Number number ? number.intValue() : UPRIGHT;
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        } catch (IOException | RuntimeException unreadable) {
            // a damaged EXIF block is no reason to refuse the picture: it is shown as stored
            return UPRIGHT;
        }
    }

    /** The image turned and mirrored as the tag says; the same image when it is upright already. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == UPRIGHT) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // where each source pixel lands: x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // a quarter turn anticlockwise
            default -> throw new IllegalArgumentException("orientation " + orientation);
        };
        try {
            return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
        } catch (ImagingOpException unusualLayout) {
            boolean sideways = orientation >= 5;
            var upright = new BufferedImage(sideways ? h : w, sideways ? w : h,
                    image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = upright.createGraphics();
            graphics.drawImage(image, turn, null);
            graphics.dispose();
            return upright;
        }
    }
}
