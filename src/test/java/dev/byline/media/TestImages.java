package dev.byline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image files made for the tests, byte by byte where it matters: a phone photo's EXIF block with GPS and an
 * orientation, XMP, IPTC, a comment and a colour profile; an Adobe CMYK JPEG; PNG text chunks; a PNG whose header
 * claims 20000×20000 pixels.
 */
public final class TestImages {

    /** Strings planted in metadata: none may appear in a stored file. */
    static final List<String> SECRETS = List.of("SECRET-CAMERA", "SECRET-SOURCE-LOCATION", "XMP-SECRET",
            "IPTC-SECRET", "COMMENT-SECRET", "PNG-TEXT-SECRET", "Exif", "http://ns.adobe.com/xap", "Photoshop 3.0",
            "ICC_PROFILE", "tEXt", "eXIf");

    static final Color RED = new Color(255, 0, 0);
    static final Color GREEN = new Color(0, 255, 0);
    static final Color BLUE = new Color(0, 0, 255);
    static final Color WHITE = new Color(255, 255, 255);

    private TestImages() {
    }

    /** Quarters of one colour each: red top left, green top right, blue bottom left, white bottom right. */
    public static BufferedImage quarters(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        Color[][] colours = {{RED, GREEN}, {BLUE, WHITE}};
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                graphics.setColor(colours[row][column]);
                graphics.fillRect(column * width / 2, row * height / 2, width / 2, height / 2);
            }
        }
        graphics.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG as a phone writes it: EXIF (camera, orientation, GPS), XMP, IPTC, a comment, an ICC profile. */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        byte[] plain = encode(quarters(width, height), "jpg");
        byte[] xmp = ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>XMP-SECRET</dc:creator></x:xmpmeta>");
        byte[] iptc = ascii("Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\u0010\u001c\u0002\u0050\0\u000bIPTC-SECRET");
        byte[] icc = concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1},
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        return insertAfterSoi(plain, segment(0xE1, concat(ascii("Exif\0\0"), exif(orientation))), segment(0xE1, xmp),
                segment(0xED, iptc), segment(0xE2, icc), segment(0xFE, ascii("COMMENT-SECRET")));
    }

    /**
     * A big-endian TIFF structure: IFD0 with Make, Orientation and a pointer to a GPS IFD holding a latitude
     * (51° 30' 26" N) and a map datum.
     */
    static byte[] exif(int orientation) {
        byte[] make = ascii("SECRET-CAMERA\0");
        byte[] datum = ascii("SECRET-SOURCE-LOCATION\0");
        int ifd0 = 8;
        int makeAt = ifd0 + 2 + 3 * 12 + 4;
        int gpsAt = makeAt + make.length;
        int latitudeAt = gpsAt + 2 + 3 * 12 + 4;
        int datumAt = latitudeAt + 24;
        ByteBuffer tiff = ByteBuffer.allocate(datumAt + datum.length);
        tiff.put(ascii("MM")).putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) 3);
        entry(tiff, 0x010F, 2, make.length, makeAt);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsAt);
        tiff.putInt(0);
        tiff.put(make);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(ascii("N\0\0\0"));
        entry(tiff, 0x0002, 5, 3, latitudeAt);
        entry(tiff, 0x0012, 2, datum.length, datumAt);
        tiff.putInt(0);
        tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(26).putInt(1);
        tiff.put(datum);
        return tiff.array();
    }

    /** An Adobe CMYK JPEG (what print desks send): white on the left, full cyan on the right. */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Adobe stores ink inverted: 255 is none
                raster.setPixel(x, y, new int[] {x < width / 2 ? 255 : 0, 255, 255, 255});
            }
        }
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var out = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(raster, null, null), null);
            }
            writer.dispose();
            // the APP14 "Adobe" segment, transform 0: the four components are C, M, Y, K
            byte[] adobe = concat(ascii("Adobe"), new byte[] {0, 100, 0, 0, 0, 0, 0});
            return insertAfterSoi(out.toByteArray(), segment(0xEE, adobe));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG with tEXt and eXIf chunks after its header. */
    static byte[] pngWithText(int width, int height) {
        byte[] plain = encode(quarters(width, height), "png");
        int afterHeader = 8 + 8 + 13 + 4;
        return concat(slice(plain, 0, afterHeader), chunk("tEXt", ascii("Comment\0PNG-TEXT-SECRET")),
                chunk("eXIf", exif(6)), slice(plain, afterHeader, plain.length));
    }

    /** A PNG whose header says {@code width}×{@code height} RGBA, with a few bytes of body: no real image at all. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put(new byte[] {8, 6, 0, 0, 0}).array();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, chunk("IHDR", header),
                chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 0, 1, 0, 1}), chunk("IEND", new byte[0]));
    }

    /** The smallest lossy WebP there is: one opaque pixel. */
    public static byte[] webp() {
        return java.util.Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    }

    /** The markers of a JPEG up to the start of the scan, e.g. 0xE0 for APP0. */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        var markers = new ArrayList<Integer>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
        }
        return markers;
    }

    /** How many colour components a JPEG's frame header declares: 3 for YCbCr, 4 for CMYK. */
    static int jpegComponents(byte[] jpeg) {
        int at = 2;
        while (at + 10 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xff;
            if (marker >= 0xC0 && marker <= 0xC3) {
                return jpeg[at + 9];
            }
            at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** The chunk types of a PNG, in order. */
    static List<String> pngChunks(byte[] png) {
        var chunks = new ArrayList<String>();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            chunks.add(new String(png, at + 4, 4, StandardCharsets.US_ASCII));
            at += 12 + length;
        }
        return chunks;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }

    private static byte[] segment(int marker, byte[] data) {
        int length = data.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length}, data);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeAndData = concat(ascii(type), data);
        var crc = new CRC32();
        crc.update(typeAndData);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[]... segments) {
        return concat(slice(jpeg, 0, 2), concat(segments), slice(jpeg, 2, jpeg.length));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
