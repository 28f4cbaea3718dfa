package dev.byline.media;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.byline.error.Invalid;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns uploaded bytes into pixels that are safe to keep and to serve.
 *
 * <p>The header is read first: the type from the content, the size without decoding a pixel, so a decompression
 * bomb or a 20000×20000 PNG is refused before its pixels could fill the heap. What is decoded comes out upright
 * (EXIF orientation applied) and in sRGB, and nothing of the uploaded file travels on: the pixels are encoded
 * afresh, so EXIF (GPS first), XMP, IPTC, comments and colour profiles never reach a reader.
 *
 * <p>As WordPress does (its "big image" threshold), what is kept of a camera original is at most
 * {@link #DEFAULT_BIG_SIDE} pixels on its longest side: no page shows more, and the stored file is a fraction of
 * the upload. An image too large to decode whole in the memory this server has is decoded subsampled (every
 * second or third pixel of every second or third row, as the readers do it, without holding the full image), as
 * long as what comes out is still at least that wide: a 24-megapixel DSLR photo is taken at the default heap.
 */
final class ImageIntake {

    /** 50 megapixels: more than any camera a newsroom uses writes, far less than a bomb claims. */
    static final long DEFAULT_MAX_PIXELS = 50_000_000;
    /** A side longer than this is a strip no page shows (WebP itself stops at 16383). */
    static final int DEFAULT_MAX_SIDE = 16_384;
    /** The longest side kept of a larger upload (WordPress's big_image_size_threshold is the same). */
    static final int DEFAULT_BIG_SIDE = 2560;
    static final float JPEG_QUALITY = 0.9f;
    /** One image's pixels, and a turned or converted copy of them, may take at most this share of the heap. */
    private static final double HEAP_SHARE = 0.5;

    private final long maxPixels;
    private final int maxSide;
    private final long memoryBudget;
    private final int bigSide;
    /** One upload is decoded at a time, so the budget above holds however many arrive together. */
    private final ReentrantLock oneAtATime = new ReentrantLock();

    ImageIntake(long maxPixels) {
        this(maxPixels, DEFAULT_MAX_SIDE, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    ImageIntake(long maxPixels, int maxSide, long memoryBudget) {
        this(maxPixels, maxSide, memoryBudget, DEFAULT_BIG_SIDE);
    }

    ImageIntake(long maxPixels, int maxSide, long memoryBudget, int bigSide) {
        if (maxPixels < 1 || maxSide < 1 || memoryBudget < 1 || bigSide < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.memoryBudget = memoryBudget;
        this.bigSide = bigSide;
    }

    /** Upright sRGB pixels, and the format to store them in: PNG where there is transparency or a palette. */
    record Decoded(BufferedImage image, ImageFormat storedAs) {

        int width() {
            return image.getWidth();
        }

        int height() {
            return image.getHeight();
        }

        /** The pixels in a new file holding nothing else: no EXIF, XMP, IPTC, comment or profile. */
        byte[] encode() throws IOException {
            return ImageIntake.encode(image, storedAs, JPEG_QUALITY);
        }
    }

    /** {@code image} as a new file of {@code format} (JPEG at {@code quality}), holding the pixels alone. */
    static byte[] encode(BufferedImage image, ImageFormat format, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.extension).next();
        var out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** What to do with the decoded image while it is in memory. */
    interface Use<T> {
        T with(Decoded image) throws IOException;
    }

    /** Checks and decodes {@code bytes}, hands the result to {@code use}; anything unfit is {@link Invalid}. */
    <T> T read(byte[] bytes, Use<T> use) throws IOException {
        if (bytes.length == 0) {
            throw refused("The file is empty.");
        }
        ImageFormat format = ImageFormat.detect(bytes).orElseThrow(
                () -> refused("This file is not a JPEG, PNG, GIF or WebP image."));
        oneAtATime.lock();
        try {
            BufferedImage pixels = toSrgb(decode(bytes, format));
            if (format == ImageFormat.JPEG) {
                pixels = Orientation.apply(pixels, Orientation.of(bytes));
            }
            if (Math.max(pixels.getWidth(), pixels.getHeight()) > bigSide) {
                pixels = Thumbnails.of(pixels).size(bigSide, bigSide).asBufferedImage();
            }
            return use.with(new Decoded(pixels, storedAs(format, pixels)));
        } finally {
            oneAtATime.unlock();
        }
    }

    private BufferedImage decode(byte[] bytes, ImageFormat format) {
        // read in place: ImageIO.createImageInputStream over a stream would keep a second copy of the upload
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            ImageReader reader = readerFor(format, input);
            try {
                reader.setInput(input, true, true);
                // the header alone: nothing below allocates pixels until the size is known to be acceptable
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int step = checkSize(width, height, bytesPerPixel(reader.getImageTypes(0)));
                // a JPEG cut short decodes "successfully", grey below the cut, with only a warning to say so
                var damage = new StringBuilder();
                reader.addIIOReadWarningListener((source, warning) -> {
                    String text = warning.toLowerCase(Locale.ROOT);
                    if (text.contains("premature end") || text.contains("truncated")) {
                        damage.append(warning);
                    }
                });
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (!damage.isEmpty()) {
                    throw damaged();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof Invalid invalid) {
                throw invalid;
            }
            // readers fail on broken files in many ways (IIOException, EOF, array bounds): each is damage
            throw damaged();
        }
    }

    /**
     * Refuses what is too large to take, and says how finely to read the rest: 1 for every pixel, 2 for every
     * second one (a quarter of the memory) and so on, never so coarse that the longest side falls below the
     * size kept ({@link #bigSide}, or the image's own when smaller).
     */
    private int checkSize(int width, int height, int bytesPerPixel) {
        if (width < 1 || height < 1) {
            throw damaged();
        }
        long pixels = (long) width * height;
        String size = width + "×" + height + " pixels";
        if (pixels > maxPixels) {
            throw refused("This image is " + size + " (" + megapixels(pixels) + " megapixels); the limit is "
                    + megapixels(maxPixels) + " megapixels.");
        }
        if (width > maxSide || height > maxSide) {
            throw refused("This image is " + size + "; the limit is " + maxSide + " pixels on a side.");
        }
        int longest = Math.max(width, height);
        for (int step = 1; (longest + step - 1) / step >= Math.min(longest, bigSide); step++) {
            long decoded = (long) ((width + step - 1) / step) * ((height + step - 1) / step);
            if (decoded * bytesPerPixel * 2 <= memoryBudget) {
                return step;
            }
        }
        throw refused("This image is " + size + " (" + megapixels(pixels) + " megapixels); this server has "
                + "memory to process about " + megapixels(memoryBudget / (bytesPerPixel * 2L))
                + " megapixels. Upload a smaller image, or give Byline more memory.");
    }

    private static ImageReader readerFor(ImageFormat format, ImageInputStream input) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (List.of(reader.getOriginatingProvider().getMIMETypes()).contains(format.mimeType)) {
                return reader;
            }
            reader.dispose();
        }
        throw damaged();
    }

    /** Bytes one pixel takes in memory once decoded (a packed int pixel takes four). */
    private static int bytesPerPixel(Iterator<ImageTypeSpecifier> types) {
        if (!types.hasNext()) {
            return 4;
        }
        SampleModel model = types.next().getSampleModel(1, 1);
        int bytes = DataBuffer.getDataTypeSize(model.getDataType()) / 8 * model.getNumDataElements();
        return Math.max(1, bytes);
    }

    /** Colour-managed pixels (an Adobe RGB or Display P3 photo, a CMYK one) become sRGB, as browsers assume. */
    private static BufferedImage toSrgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            return image;
        }
        var srgb = new BufferedImage(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(null).filter(image, srgb);
        return srgb;
    }

    /** Photographs stay JPEG; PNG keeps what JPEG would lose (transparency, a GIF's or a PNG's sharp edges). */
    private static ImageFormat storedAs(ImageFormat uploaded, BufferedImage image) {
        if (image.getColorModel().hasAlpha() || uploaded == ImageFormat.PNG || uploaded == ImageFormat.GIF) {
            return ImageFormat.PNG;
        }
        return ImageFormat.JPEG;
    }

    private static String megapixels(long pixels) {
        return pixels >= 10_000_000 ? String.valueOf(pixels / 1_000_000)
                : String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
    }

    private static Invalid damaged() {
        return refused("This image is damaged or incomplete and cannot be read.");
    }

    private static Invalid refused(String message) {
        return new Invalid(Map.of("file", message));
    }
}
