package dev.byline.media;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsroom's media library: uploads of several images at once (each refused or kept on its own), the list
 * with its search and filters, what uses an image, and deleting one. Who may do what is {@link Policy}'s: everyone
 * who writes browses, {@link Capability#UPLOAD_MEDIA} uploads, and an image's details and deletion belong to its
 * uploader (an author) and to editors. Alt text, caption and credit are changed through
 * {@code ArticleImages.describe}, which re-renders the articles showing the image.
 */
public final class MediaLibrary {

    /** A file larger than this is refused without being read: a 50-megapixel camera JPEG is about 20 MB. */
    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
    /** Files in one upload (the page's form; the script sends one file a request). */
    public static final int MAX_FILES = 20;
    public static final int MAX_ALT = 300;
    public static final int MAX_CAPTION = 1000;
    public static final int MAX_CREDIT = 200;
    /** Articles named when an image is in use; the count says how many there are in all. */
    static final int USES_SHOWN = 50;
    private static final int MAX_MONTHS = 600;
    private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);

    private final MediaService media;
    private final LibraryStore store;
    private final ChangeFeed changes;

    public MediaLibrary(MediaService media, org.jdbi.v3.core.Jdbi jdbi, ChangeFeed changes, boolean postgres) {
        this.media = media;
        this.store = new LibraryStore(jdbi, postgres);
        this.changes = changes;
    }

    /** One uploaded file: its name as sent, its size, and a way to read it (read only once the rules allow). */
    public record Incoming(String fileName, long size, Content content) {
    }

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** A file refused, and why, in a sentence naming it. */
    public record Refusal(String file, String message) {
    }

    /** What an upload did: the images stored (in the order sent) and the files refused. */
    public record Batch(List<LibraryItem> stored, List<Refusal> refused) {
    }

    /**
     * Stores each file through the safe pipeline ({@link MediaService}: type from the content, the pixel limit,
     * metadata dropped, re-encoded, scaled copies). Each file is kept or refused on its own: a refused file
     * leaves nothing behind, and the good files of the batch are kept.
     *
     * @throws Forbidden when the actor may not upload (nothing is read)
     * @throws Invalid   on {@code files} when there is no file or too many
     */
    public Batch upload(Actor actor, List<Incoming> files) {
        Policy.require(actor, Capability.UPLOAD_MEDIA, "upload images");
        if (files.isEmpty()) {
            throw new Invalid(Map.of("files", "Choose one or more images to upload: JPEG, PNG, WebP or GIF files."));
        }
        if (files.size() > MAX_FILES) {
            throw new Invalid(Map.of("files", "Upload at most " + MAX_FILES + " images at once (you chose "
                    + files.size() + ")."));
        }
        var stored = new ArrayList<LibraryItem>();
        var refused = new ArrayList<Refusal>();
        for (Incoming file : files) {
            String name = MediaService.displayName(file.fileName());
            String label = name.isEmpty() ? "A file without a name" : "“" + name + "”";
            try {
                stored.add(store(actor, name, read(file, label)));
            } catch (Invalid invalid) {
                refused.add(new Refusal(name, naming(label, String.join(" ", invalid.fieldErrors().values()))));
            }
        }
        return new Batch(List.copyOf(stored), List.copyOf(refused));
    }

    private static byte[] read(Incoming file, String label) {
        if (file.size() > MAX_FILE_BYTES) {
            throw tooLarge(label, file.size());
        }
        try (InputStream in = file.content().open()) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(label, bytes.length);
            }
            return bytes;
        } catch (IOException unreadable) {
            throw new Invalid(Map.of("file", label + " could not be read: it arrived incomplete. Upload it again."));
        }
    }

    private LibraryItem store(Actor actor, String name, byte[] bytes) {
        MediaService.Pending pending = media.prepare(new MediaService.Upload(bytes, name, "", "", ""));
        Long uploader = actor.userId() == 0 ? null : actor.userId();
        long id;
        try {
            id = changes.write("media.uploaded", handle -> {
                long recorded = media.record(handle, pending, uploader);
                return Written.of(recorded, Set.<String>of(),
                        List.of(Change.Entity.shown(Change.Entity.MEDIA, recorded, true)));
            });
        } catch (RuntimeException failed) {
            media.discard(pending);
            throw failed;
        }
        return store.find(id).orElseThrow();
    }

    /** The pipeline's sentence about "this file" or "this image", about {@code label} instead. */
    static String naming(String label, String message) {
        if (message.startsWith(label)) {
            return message;
        }
        for (String subject : List.of("This file ", "This image ", "The file ")) {
            if (message.startsWith(subject)) {
                return label + " " + message.substring(subject.length());
            }
        }
        return label + ": " + message;
    }

    private static Invalid tooLarge(String label, long size) {
        return new Invalid(Map.of("file", label + " is " + megabytes(size) + "; the limit is "
                + MAX_FILE_BYTES / (1024 * 1024) + " MB a file."));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * What the list shows.
     *
     * @param text  words in the alt text, caption, credit or file name ("" for any)
     * @param type  a {@link MediaTypes#FILTERS} value, or "" for any
     * @param month uploaded in this month of {@code zone}, or null for any
     * @param page  from 1
     */
    public record Query(String text, String type, YearMonth month, int page, int perPage, ZoneId zone) {
    }

    public record Listing(List<LibraryItem> items, int page, boolean hasNext) {
    }

    /** A page of the library, newest first. */
    public Listing list(Actor actor, Query query) {
        requireBrowse(actor);
        String text = query.text() == null ? "" : query.text().strip().toLowerCase(Locale.ROOT);
        if (text.length() > 200) {
            throw new Invalid(Map.of("q", "Search for at most 200 characters."));
        }
        String mimeType = "";
        if (query.type() != null && !query.type().isBlank()) {
            mimeType = MediaTypes.mimeType(query.type()).orElseThrow(() -> new Invalid(Map.of("type",
                    "Choose JPEG or PNG: uploads are stored as one or the other.")));
        }
        Long from = null;
        Long until = null;
        if (query.month() != null) {
            from = query.month().atDay(1).atStartOfDay(query.zone()).toInstant().toEpochMilli();
            until = query.month().plusMonths(1).atDay(1).atStartOfDay(query.zone()).toInstant().toEpochMilli();
        }
        int page = Math.max(1, query.page());
        int perPage = Math.clamp(query.perPage(), 1, 100);
        var filter = new LibraryStore.Filter(text, Slugs.slugify(text, 60), mimeType, from, until);
        List<LibraryItem> rows = store.list(filter, perPage + 1, (long) (page - 1) * perPage);
        boolean hasNext = rows.size() > perPage;
        return new Listing(hasNext ? rows.subList(0, perPage) : rows, page, hasNext);
    }

    /** The months (in {@code zone}) with at least one upload, newest first: one index seek each. */
    public List<YearMonth> months(Actor actor, ZoneId zone) {
        requireBrowse(actor);
        var months = new ArrayList<YearMonth>();
        OptionalLong newest = store.newestBefore(Long.MAX_VALUE);
        while (newest.isPresent() && months.size() < MAX_MONTHS) {
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(newest.getAsLong()).atZone(zone));
            months.add(month);
            newest = store.newestBefore(month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        return months;
    }

    /** An image with what uses it, and whether {@code actor} may change or delete it. */
    public record Item(LibraryItem item, MediaUses uses, boolean mayChange) {
    }

    public Item find(Actor actor, long id) {
        requireBrowse(actor);
        LibraryItem item = store.find(id).orElseThrow(() -> notFound(id));
        MediaUses uses = store.uses(id, USES_SHOWN);
        return new Item(item, actor.can(Capability.EDIT_OTHERS_ARTICLES) ? uses : uses.publishedOnly(),
                Policy.mayChangeMedia(actor, item.uploadedBy()));
    }

    /** An image in use is not deleted: the uses say where it is shown. */
    public static final class InUse extends RuntimeException {

        private final transient MediaUses uses;

        InUse(MediaUses uses) {
            super("This image is shown by " + uses.summary() + ". Take it out of them first, then delete it.",
                    null, false, false);
            this.uses = uses;
        }

        public MediaUses uses() {
            return uses;
        }
    }

    /**
     * Deletes image {@code id}, its scaled copies and the files it had before being replaced, unless something
     * shows it ({@link InUse}, listing what). The row goes in a change-feed write; the files after it commits.
     */
    public Media delete(Actor actor, long id) {
        try {
            return remove(id, item -> Policy.requireChangeMedia(actor, item.uploadedBy(), "delete this image"));
        } catch (InUse inUse) {
            throw actor.can(Capability.EDIT_OTHERS_ARTICLES) ? inUse : new InUse(inUse.uses().publishedOnly());
        }
    }

    /**
     * Deletes image {@code id} when nothing shows it any more, for whoever may drop it implicitly (an author's
     * removed picture): nothing happens when it is in use or already gone. Never throws for a file it could not
     * delete; the reason is logged.
     */
    public boolean deleteIfUnused(long id) {
        try {
            remove(id, item -> {
            });
            return true;
        } catch (InUse | NotFound kept) {
            return false;
        } catch (RuntimeException failed) {
            LOG.warn("could not delete unused image {}", id, failed);
            return false;
        }
    }

    private Media remove(long id, java.util.function.Consumer<LibraryItem> allowed) {
        record Removed(Media media, List<String> paths) {
        }
        Removed removed = changes.write("media.deleted", handle -> {
            LibraryItem item = store.lock(handle, id).orElseThrow(() -> notFound(id));
            allowed.accept(item);
            MediaUses uses = store.uses(handle, id, USES_SHOWN);
            if (!uses.isEmpty()) {
                throw new InUse(uses);
            }
            var paths = new ArrayList<String>(List.of(item.media().path()));
            paths.addAll(store.oldPaths(handle, id));
            store.delete(handle, id);
            return Written.of(new Removed(item.media(), List.copyOf(paths)),
                    Set.of(Keys.media(id), Keys.caption(id)),
                    List.of(new Change.Entity(Change.Entity.MEDIA, id, true, false)));
        });
        try {
            media.deleteFiles(removed.paths());
        } catch (UncheckedIOException undeletable) {
            // the row is gone, so nothing links to the files; an operator may remove them by hand
            LOG.warn("image {} is deleted but some of its files could not be: {}", id, removed.paths(), undeletable);
        }
        return removed.media();
    }

    /** Alt text, caption and credit as they are stored: checked, trimmed, one line for alt text and credit. */
    public record Details(String alt, String caption, String credit) {
    }

    /** Checks what was typed for an image's details; {@link Invalid} with a message at each field that is wrong. */
    public static Details details(String alt, String caption, String credit) {
        var errors = new LinkedHashMap<String, String>();
        String cleanAlt = line(alt, "alt", "The alt text", MAX_ALT, errors);
        String cleanCredit = line(credit, "credit", "The credit", MAX_CREDIT, errors);
        String cleanCaption = caption == null ? "" : caption.strip().replace("\r\n", "\n");
        if (dev.byline.text.ControlCharacters.inLines(cleanCaption)) {
            errors.put("caption", "The caption has an invisible control character: type it again.");
        } else if (cleanCaption.length() > MAX_CAPTION) {
            errors.put("caption", "Keep the caption to " + MAX_CAPTION + " characters (it has "
                    + cleanCaption.length() + ").");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Details(cleanAlt, cleanCaption, cleanCredit);
    }

    private static String line(String typed, String field, String what, int max, Map<String, String> errors) {
        String value = typed == null ? "" : typed.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (dev.byline.text.ControlCharacters.in(value)) {
            errors.put(field, what + " has an invisible control character: type it again.");
        } else if (value.length() > max) {
            errors.put(field, "Keep " + what.toLowerCase(Locale.ROOT) + " to " + max
                    + " characters (it has " + value.length() + ").");
        }
        return value;
    }

    private static void requireBrowse(Actor actor) {
        if (!Policy.mayBrowseMedia(actor)) {
            throw new Forbidden("Please sign in to see the media library.");
        }
    }

    private static NotFound notFound(long id) {
        return new NotFound("There is no image " + id + ": it may have been deleted.");
    }
}
