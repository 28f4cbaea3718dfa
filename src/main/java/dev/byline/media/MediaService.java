package dev.byline.media;

import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.coobird.thumbnailator.Thumbnails;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores uploaded images: checks them before decoding ({@link ImageIntake}), keeps a metadata-free full-size
 * copy as the original, writes scaled copies for responsive srcsets, records the row. File names carry a hash
 * of the stored bytes, so a URL never changes meaning and can be cached for a year.
 */
public final class MediaService {

    /** Widths of the scaled copies; only those narrower than the original are made. */
    static final List<Integer> VARIANT_WIDTHS = List.of(400, 800, 1200);
    /** Larger uploads are refused before they are decoded. */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = ImageIntake.DEFAULT_MAX_PIXELS;
    private static final DateTimeFormatter MONTH_DIR = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    private final Jdbi jdbi;
    private final MediaStore store;
    private final Path root;
    private final Clock clock;
    private final ImageIntake intake;

    public MediaService(Jdbi jdbi, MediaStore store, Path root, Clock clock) {
        this(jdbi, store, root, clock, DEFAULT_MAX_IMAGE_PIXELS);
    }

    public MediaService(Jdbi jdbi, MediaStore store, Path root, Clock clock, long maxImagePixels) {
        this.jdbi = jdbi;
        this.store = store;
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.intake = new ImageIntake(maxImagePixels);
    }

    public record Upload(byte[] bytes, String fileName, String alt, String caption, String credit) {
    }

    /** The files of one stored image: {@code path} of the original, the widths of its scaled copies. */
    private record StoredFiles(String path, ImageFormat format, int width, int height, List<Integer> variants) {
    }

    public Media store(Upload upload) {
        Media media = writeFiles(upload);
        long id = jdbi.inTransaction(handle -> store.insert(handle, media));
        return store.findById(id).orElseThrow();
    }

    /**
     * Checks the upload and writes its files (see {@link ImageIntake}): the image as it would be stored, not yet
     * recorded (id 0). For {@link #store}, and for {@link #replaceFile} to take over.
     */
    public Media writeFiles(Upload upload) {
        String baseName = Slugs.slugify(stripExtension(upload.fileName()), 60);
        if (baseName.isEmpty()) {
            baseName = "image";
        }
        var now = clock.instant();
        StoredFiles files = writeFiles(upload.bytes(), MONTH_DIR.format(now) + "/" + baseName);
        return new Media(0, files.path(), files.format().mimeType, files.width(), files.height(),
                files.variants(), upload.alt().strip(), upload.caption().strip(), upload.credit().strip(), now);
    }

    /** Changes alt text, caption and credit inside the caller's transaction; returns the image as it now is. */
    public Media updateDetails(Handle handle, long id, String alt, String caption, String credit) {
        Media before = store.findById(handle, id).orElseThrow(() -> new NotFound("There is no image " + id + "."));
        var after = new Media(id, before.path(), before.mimeType(), before.width(), before.height(), before.variants(),
                alt == null ? "" : alt.strip(), caption == null ? "" : caption.strip(),
                credit == null ? "" : credit.strip(), before.createdAt());
        store.updateDetails(handle, after);
        return after;
    }

    /**
     * Makes image {@code id} show {@code files} ({@link #writeFiles}) inside the caller's transaction: the id, alt
     * text and caption stay, the URL changes with the content, and bodies naming the old path still find it. Old
     * files stay on disk for caches and feeds that still point at them.
     */
    public Media replaceFile(Handle handle, long id, Media files) {
        Media before = store.findById(handle, id).orElseThrow(() -> new NotFound("There is no image " + id + "."));
        if (!before.path().equals(files.path())) { // the same bytes again: nothing to replace
            store.replaceFile(handle, id, files, before.path());
        }
        return store.findById(handle, id).orElseThrow();
    }

    /** Image {@code id} as the caller's transaction sees it. */
    public Media find(Handle handle, long id) {
        return store.findById(handle, id).orElseThrow(() -> new NotFound("There is no image " + id + "."));
    }

    /** As {@link #findByPaths(java.util.Collection)}, seeing the caller's uncommitted changes. */
    public Map<String, Media> findByPaths(Handle handle, java.util.Collection<String> paths) {
        return store.findByPaths(handle, paths);
    }

    /**
     * Writes the original (re-encoded: no byte of the upload's metadata is kept, GPS included) and the scaled
     * copies; the original's name is {@code prefix}, a hash of its bytes and the extension of its format.
     */
    private StoredFiles writeFiles(byte[] upload, String prefix) {
        try {
            return intake.read(upload, image -> {
                byte[] original = image.encode();
                String extension = image.storedAs().extension;
                String path = prefix + "-" + shortHash(original) + "." + extension;
                Path file = resolve(path).orElseThrow();
                Files.createDirectories(file.getParent());
                Files.write(file, original);
                var widths = new ArrayList<Integer>();
                for (int width : VARIANT_WIDTHS) {
                    if (width < image.width()) {
                        Thumbnails.of(image.image()).width(width).outputQuality(0.82).outputFormat(extension)
                                .toFile(resolve(Media.variantPath(path, width)).orElseThrow().toFile());
                        widths.add(width);
                    }
                }
                return new StoredFiles(path, image.storedAs(), image.width(), image.height(), List.copyOf(widths));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write media under " + prefix, e);
        }
    }

    public Optional<Media> find(long id) {
        return store.findById(id);
    }

    public Map<Long, Media> find(java.util.Collection<Long> ids) {
        return store.findByIds(ids);
    }

    public Map<String, Media> findByPaths(java.util.Collection<String> paths) {
        return store.findByPaths(paths);
    }

    /**
     * The file for a path under /media/, or empty when the path would leave the media root (../, absolute paths,
     * encoded separators) or names no regular file.
     */
    public Optional<Path> resolve(String relativePath) {
        return resolve(root, relativePath);
    }

    /** As {@link #resolve(String)}, under {@code mediaRoot}: for serving files before the services exist. */
    public static Optional<Path> resolve(Path mediaRoot, String relativePath) {
        if (relativePath.isEmpty() || relativePath.contains("\\") || relativePath.contains("\0")) {
            return Optional.empty();
        }
        Path root = mediaRoot.toAbsolutePath().normalize();
        Path candidate = root.resolve(relativePath).normalize();
        return candidate.startsWith(root) && !candidate.equals(root) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * Deletes the files of images whose rows are gone: for each stored path the original and every scaled copy.
     * Files already missing are skipped, so an interrupted removal can simply run again. Month directories stay
     * (an upload may be writing into one). Returns how many files it deleted.
     */
    public int deleteFiles(java.util.Collection<String> paths) {
        int deleted = 0;
        for (String path : paths) {
            var names = new ArrayList<String>(List.of(path));
            VARIANT_WIDTHS.forEach(width -> names.add(Media.variantPath(path, width)));
            for (String name : names) {
                Optional<Path> file = resolve(name);
                try {
                    if (file.isPresent() && Files.deleteIfExists(file.get())) {
                        deleted++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete media file " + name, e);
                }
            }
        }
        return deleted;
    }

    private static String stripExtension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String name = fileName.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
