package dev.byline.media;

import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores uploaded images: checks them before decoding ({@link ImageIntake}), keeps a metadata-free full-size
 * copy as the original, writes scaled copies for responsive srcsets, records the row. File names carry a hash
 * of the stored bytes, so a URL never changes meaning and can be cached for a year.
 */
public final class MediaService {

    /** Widths of the scaled copies; only those narrower than the original are made. */
    static final List<Integer> VARIANT_WIDTHS = List.of(Media.THUMBNAIL_WIDTH, 400, 800, 1200);
    /** JPEG quality of the scaled copies: smaller files for pages, where the original keeps 0.9. */
    static final float VARIANT_QUALITY = 0.82f;
    /** Larger uploads are refused before they are decoded. */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = ImageIntake.DEFAULT_MAX_PIXELS;
    private static final Logger LOG = LoggerFactory.getLogger(MediaService.class);
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

    /**
     * An upload checked and written to disk, not yet recorded: the image as it will be stored (id 0), and the files
     * this upload created (not those an identical earlier upload had already written), which {@link #discard}
     * removes when the row is never written.
     */
    record Pending(Media media, String fileName, List<Path> created) {
    }

    public Media store(Upload upload) {
        return store(upload, null);
    }

    /**
     * Stores an upload and records it as uploaded by account {@code uploadedBy} (null: the site itself, the demo, a
     * tool). Nothing is left behind when it fails: a refused file writes nothing, and the files of an upload whose
     * row cannot be written are deleted. The same bytes under the same name in the same month are the same image:
     * the row already there is returned.
     */
    public Media store(Upload upload, Long uploadedBy) {
        Pending pending = prepare(upload);
        long id;
        try {
            id = jdbi.inTransaction(handle -> record(handle, pending, uploadedBy));
        } catch (RuntimeException failed) {
            discard(pending);
            throw failed;
        }
        return store.findById(id).orElseThrow();
    }

    /**
     * Checks the upload and writes its files (see {@link ImageIntake}): the image as it would be stored, not yet
     * recorded (id 0). For {@link #replaceFile} to take over.
     */
    public Media writeFiles(Upload upload) {
        return prepare(upload).media();
    }

    /** Checks the upload and writes its files; {@link Invalid} (nothing written) when it is not an image Byline takes. */
    Pending prepare(Upload upload) {
        String baseName = Slugs.slugify(stripExtension(upload.fileName()), 60);
        if (baseName.isEmpty()) {
            baseName = "image";
        }
        var now = clock.instant();
        var created = new ArrayList<Path>();
        StoredFiles files = writeFiles(upload.bytes(), MONTH_DIR.format(now) + "/" + baseName, created);
        return new Pending(new Media(0, files.path(), files.format().mimeType, files.width(), files.height(),
                files.variants(), upload.alt().strip(), upload.caption().strip(), upload.credit().strip(), now),
                displayName(upload.fileName()), List.copyOf(created));
    }

    /** Records a prepared upload in the caller's transaction; the id of the row, new or already there. */
    long record(Handle handle, Pending pending, Long uploadedBy) {
        return store.insert(handle, pending.media(), pending.fileName(), uploadedBy)
                .orElseGet(() -> store.findByPath(handle, pending.media().path()).orElseThrow().id());
    }

    /**
     * Deletes the files a prepared upload created, unless a row names them after all (an identical upload
     * recorded them meanwhile). For an upload whose row was never written: nothing is left on disk.
     */
    void discard(Pending pending) {
        try {
            if (store.findByPath(pending.media().path()).isPresent()) {
                return;
            }
        } catch (RuntimeException databaseDown) {
            // the files cannot be shown without a row: removing them is right whatever the database says
        }
        for (Path file : pending.created()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {} of a failed upload", file, e);
            }
        }
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

    /** Who uploaded image {@code id} (null: nobody recorded), as the caller's transaction sees it. */
    public Long uploader(Handle handle, long id) {
        return store.uploader(handle, id).orElse(null);
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
     * copies; the original's name is {@code prefix}, a hash of its bytes and the extension of its format. Each file
     * is written under a temporary name and moved into place, so a reader never gets half a file; one that exists
     * already (the same bytes, uploaded before) is left as it is. What this call created is added to
     * {@code created}; when it fails, those files are deleted again.
     */
    private StoredFiles writeFiles(byte[] upload, String prefix, List<Path> created) {
        try {
            return intake.read(upload, image -> {
                try {
                    byte[] original = image.encode();
                    String path = prefix + "-" + shortHash(original) + "." + image.storedAs().extension;
                    writeOnce(resolve(path).orElseThrow(), original, created);
                    // widest first, each copy scaled from the one before: a 12-megapixel photo is read once
                    // (for the widest), not four times, which takes a second and tens of megabytes off an upload
                    var widths = new ArrayList<Integer>();
                    BufferedImage source = image.image();
                    for (int width : VARIANT_WIDTHS.reversed()) {
                        if (width < image.width()) {
                            BufferedImage scaled = Thumbnails.of(source).width(width).asBufferedImage();
                            writeOnce(resolve(Media.variantPath(path, width)).orElseThrow(),
                                    ImageIntake.encode(scaled, image.storedAs(), VARIANT_QUALITY), created);
                            widths.addFirst(width);
                            source = scaled;
                        }
                    }
                    return new StoredFiles(path, image.storedAs(), image.width(), image.height(),
                            List.copyOf(widths));
                } catch (IOException | RuntimeException failed) {
                    deleteQuietly(created);
                    throw failed;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write media under " + prefix, e);
        }
    }

    /** Writes {@code bytes} to {@code file} unless it exists: through a temporary file moved into place. */
    private static void writeOnce(Path file, byte[] bytes, List<Path> created) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            created.add(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {} of a failed upload", file, e);
            }
        }
        files.clear();
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

    /** The name the file had on the uploader's computer, without folders or control characters, at most 200 long. */
    static String displayName(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String name = fileName.substring(slash + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
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
