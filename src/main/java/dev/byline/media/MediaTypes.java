package dev.byline.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The types the library filters by. Uploads are re-encoded, so what is stored (and served) is JPEG for
 * photographs and PNG where there is transparency or the upload was a PNG or GIF; a WebP or GIF upload is found
 * under the type it became.
 */
public final class MediaTypes {

    /** The filter's values, in the order the page offers them. */
    public static final List<String> FILTERS = List.of("jpeg", "png");

    private MediaTypes() {
    }

    /** The MIME type a filter value stands for: "jpeg" → image/jpeg; empty for an unknown value. */
    public static Optional<String> mimeType(String filter) {
        String value = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "jpeg", "jpg", "image/jpeg" -> Optional.of(ImageFormat.JPEG.mimeType);
            case "png", "image/png" -> Optional.of(ImageFormat.PNG.mimeType);
            default -> Optional.empty();
        };
    }

    /** "JPEG", "PNG" for a stored MIME type. */
    public static String label(String mimeType) {
        return mimeType.equals(ImageFormat.PNG.mimeType) ? "PNG" : mimeType.equals(ImageFormat.JPEG.mimeType)
                ? "JPEG" : mimeType;
    }
}
