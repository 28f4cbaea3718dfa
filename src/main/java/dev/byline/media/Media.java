package dev.byline.media;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stored image: the original plus scaled copies at the widths in {@code variants}, all served under /media/.
 *
 * @param path storage key of the original, relative to the media root, e.g. 2026/11/moscow-talks-3fa2b1.jpg
 */
public record Media(long id, String path, String mimeType, int width, int height, List<Integer> variants,
                    String alt, String caption, String credit, Instant createdAt) {

    public static final String URL_PREFIX = "/media/";
    /** The smallest scaled copy: the media library's thumbnails (and the smallest width in a srcset). */
    public static final int THUMBNAIL_WIDTH = 200;

    public String url() {
        return URL_PREFIX + path;
    }

    /** URL of the scaled copy {@code width} pixels wide; the original when no such copy exists. */
    public String url(int variantWidth) {
        if (!variants.contains(variantWidth)) {
            return url();
        }
        return URL_PREFIX + variantPath(path, variantWidth);
    }

    /** The smallest copy at least {@code minWidth} wide, else the original: a sensible default src. */
    public String urlAtLeast(int minWidth) {
        return variants.stream().filter(w -> w >= minWidth).findFirst().map(this::url).orElse(url());
    }

    /** The smallest copy (images stored before thumbnails existed: their smallest), else the original. */
    public String thumbnailUrl() {
        return variants.isEmpty() ? url() : url(variants.getFirst());
    }

    /** srcset listing every copy and the original, so the browser picks by layout width and density. */
    public String srcset() {
        String scaled = variants.stream().map(w -> url(w) + " " + w + "w").collect(Collectors.joining(", "));
        String original = url() + " " + width + "w";
        return scaled.isEmpty() ? original : scaled + ", " + original;
    }

    /** Height of a copy {@code targetWidth} wide, keeping the aspect ratio. */
    public int heightAt(int targetWidth) {
        return Math.max(1, Math.round((float) height * targetWidth / width));
    }

    static String variantPath(String originalPath, int variantWidth) {
        int dot = originalPath.lastIndexOf('.');
        return originalPath.substring(0, dot) + "-" + variantWidth + "w" + originalPath.substring(dot);
    }
}
