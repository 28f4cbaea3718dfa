package dev.byline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.AccountService;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Change;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The media library's rules over real databases and a real media directory: a batch keeps its good files and
 * refuses each bad one for its own reason with nothing left behind; who may upload, change and delete; search,
 * filters, months and pages; deleting refused while anything shows the image, and its files gone when not.
 */
class MediaLibraryTest extends NewsroomTest {

    static final String PASSWORD = "lantern orchard cobalt 1987";
    static final AtomicInteger PEOPLE = new AtomicInteger();

    MutableClock clock;

    void open(TestDatabases db) {
        clock = new MutableClock(Instant.parse("2026-03-05T10:00:00Z"));
        openNewsroom(db, clock);
    }

    MediaLibrary library() {
        return newsroom.library;
    }

    Actor person(Role role) {
        int n = PEOPLE.incrementAndGet();
        User user = newsroom.accounts.service().add(Actor.commandLine(), new AccountService.NewUser(
                role.key() + "-" + n + "@newsroom.test", role.label() + " " + n, role.key()), PASSWORD);
        return Actor.of(user, "127.0.0.1");
    }

    static MediaLibrary.Incoming file(String name, byte[] bytes) {
        return new MediaLibrary.Incoming(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    static byte[] jpeg(int width, int height) {
        return TestImages.encode(TestImages.quarters(width, height), "jpg");
    }

    /** Every regular file under the media directory, as paths relative to it. */
    List<String> filesOnDisk() {
        Path root = dir.resolve("media");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original and scaled copies an image's row names. */
    static List<String> filesOf(Media media) {
        var files = new ArrayList<String>(List.of(media.path()));
        media.variants().forEach(width -> files.add(Media.variantPath(media.path(), width)));
        return files;
    }

    long rows() {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM media")
                .mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBatchKeepsItsGoodFilesAndRefusesEachBadOneForItsOwnReason(TestDatabases db) {
        open(db);
        Actor author = person(Role.AUTHOR);
        byte[] photo = TestImages.phoneJpeg(1600, 900, 1);
        byte[] cut = Arrays.copyOf(jpeg(400, 300), jpeg(400, 300).length / 2);
        var neverRead = new MediaLibrary.Incoming("huge.jpg", MediaLibrary.MAX_FILE_BYTES + 1, () -> {
            throw new AssertionError("a file over the limit is refused by its size, unread");
        });
        MediaLibrary.Batch batch = library().upload(author, List.of(
                file("Harbour at dawn.JPG", photo),
                file("notes.txt", "Meeting notes, not a picture".getBytes()),
                file("bomb.png", TestImages.pngHeaderClaiming(20_000, 20_000)),
                file("cut.jpg", cut),
                neverRead,
                file("empty.gif", new byte[0]),
                file("chart.png", TestImages.encode(TestImages.quarters(640, 480), "png")),
                file("anim.gif", TestImages.encode(TestImages.quarters(300, 200), "gif")),
                file("pixel.webp", TestImages.webp())));

        assertEquals(List.of("Harbour at dawn.JPG", "chart.png", "anim.gif", "pixel.webp"),
                batch.stored().stream().map(LibraryItem::displayName).toList(), "the good files, in order");
        assertEquals(List.of(
                new MediaLibrary.Refusal("notes.txt", "“notes.txt” is not a JPEG, PNG, GIF or WebP image."),
                new MediaLibrary.Refusal("bomb.png", "“bomb.png” is 20000×20000 pixels (400 megapixels); the limit "
                        + "is 50 megapixels."),
                new MediaLibrary.Refusal("cut.jpg", "“cut.jpg” is damaged or incomplete and cannot be read."),
                new MediaLibrary.Refusal("huge.jpg", "“huge.jpg” is 25.0 MB; the limit is 25 MB a file."),
                new MediaLibrary.Refusal("empty.gif", "“empty.gif” is empty.")), batch.refused());

        LibraryItem harbour = batch.stored().getFirst();
        assertEquals("image/jpeg", harbour.media().mimeType());
        assertEquals(List.of(200, 400, 800, 1200), harbour.media().variants(), "responsive widths and a thumbnail");
        assertEquals(author.userId(), harbour.uploadedBy());
        assertEquals("image/png", batch.stored().get(2).media().mimeType(), "a GIF is stored as PNG");
        assertEquals("image/jpeg", batch.stored().get(3).media().mimeType(), "an opaque WebP as JPEG");
        assertTrue(harbour.media().path().matches("2026/03/harbour-at-dawn-[0-9a-f]{8}\\.jpg"), harbour.media().path());

        // nothing half-saved: exactly the files of the stored rows, no temporary file, and one row each
        var expected = batch.stored().stream().flatMap(item -> filesOf(item.media()).stream()).sorted().toList();
        assertEquals(expected, filesOnDisk());
        assertEquals(4, rows());
        // each stored image is announced (no page shows it yet)
        long announced = newsroom.published.stream().filter(change -> change.kind().equals("media.uploaded")).count();
        assertEquals(4, announced);
        assertTrue(newsroom.lastChange().keys().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anUploadWhoseRowCannotBeWrittenLeavesNoFile(TestDatabases db) {
        open(db);
        Actor author = person(Role.AUTHOR);
        var failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        // a participant runs inside the write's transaction: failing there fails the insert after the files exist
        newsroom.changes.participate((handle, entities) -> {
            if (failing.get() && entities.stream().anyMatch(entity -> entity.kind().equals(Change.Entity.MEDIA))) {
                throw new IllegalStateException("the database went away");
            }
            return java.util.Set.of();
        });
        var error = assertThrows(IllegalStateException.class,
                () -> library().upload(author, List.of(file("photo.jpg", jpeg(900, 600)))));
        assertEquals("the database went away", error.getMessage());
        assertEquals(List.of(), filesOnDisk(), "the original and its copies were deleted again");
        assertEquals(0, rows());

        failing.set(false);
        MediaLibrary.Batch again = library().upload(author, List.of(file("photo.jpg", jpeg(900, 600))));
        assertEquals(1, again.stored().size(), "the same file goes in once the database is back");
        assertEquals(filesOf(again.stored().getFirst().media()).stream().sorted().toList(), filesOnDisk());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theSameFileUploadedTwiceIsOneImage(TestDatabases db) {
        open(db);
        Actor author = person(Role.AUTHOR);
        byte[] photo = jpeg(500, 400);
        LibraryItem first = library().upload(author, List.of(file("same.jpg", photo))).stored().getFirst();
        MediaLibrary.Batch twice = library().upload(author, List.of(file("same.jpg", photo), file("same.jpg", photo)));
        assertEquals(List.of(first.media().id(), first.media().id()),
                twice.stored().stream().map(item -> item.media().id()).toList());
        assertEquals(1, rows());
        assertEquals(filesOf(first.media()).stream().sorted().toList(), filesOnDisk());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void contributorsAndVisitorsCannotUploadAndNothingIsRead(TestDatabases db) {
        open(db);
        var unread = new MediaLibrary.Incoming("photo.jpg", 100, () -> {
            throw new AssertionError("read before the rules were asked");
        });
        var contributor = assertThrows(Forbidden.class, () -> library().upload(person(Role.CONTRIBUTOR),
                List.of(unread)));
        assertEquals("Your role (contributor) may not upload images.", contributor.getMessage());
        assertThrows(Forbidden.class, () -> library().upload(Actor.visitor("127.0.0.1"), List.of(unread)));
        assertEquals(0, rows());
        // but a contributor may browse the library, to choose an image for a draft
        assertEquals(List.of(), library().list(person(Role.CONTRIBUTOR),
                new MediaLibrary.Query("", "", null, 1, 10, ZoneId.of("UTC"))).items());
        assertThrows(Forbidden.class, () -> library().list(Actor.visitor("127.0.0.1"),
                new MediaLibrary.Query("", "", null, 1, 10, ZoneId.of("UTC"))));

        var none = assertThrows(Invalid.class, () -> library().upload(person(Role.AUTHOR), List.of()));
        assertEquals("Choose one or more images to upload: JPEG, PNG, WebP or GIF files.",
                none.fieldErrors().get("files"));
        var many = java.util.Collections.nCopies(MediaLibrary.MAX_FILES + 1, unread);
        var tooMany = assertThrows(Invalid.class, () -> library().upload(person(Role.EDITOR), many));
        assertEquals("Upload at most 20 images at once (you chose 21).", tooMany.fieldErrors().get("files"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void authorsChangeAndDeleteTheirOwnUploadsEditorsAnyone(TestDatabases db) {
        open(db);
        Actor amina = person(Role.AUTHOR);
        Actor kai = person(Role.AUTHOR);
        Actor editor = person(Role.EDITOR);
        Actor contributor = person(Role.CONTRIBUTOR);
        long id = library().upload(amina, List.of(file("amina.jpg", jpeg(600, 400)))).stored().getFirst().media().id();

        var other = assertThrows(Forbidden.class, () -> newsroom.images.describe(kai, id, "A boat", "", ""));
        assertEquals("You may change this image's details only if you uploaded it; ask an editor.",
                other.getMessage());
        assertThrows(Forbidden.class, () -> newsroom.images.describe(contributor, id, "A boat", "", ""));
        assertThrows(Forbidden.class, () -> library().delete(kai, id));
        assertThrows(Forbidden.class, () -> library().delete(contributor, id));
        assertEquals("", newsroom.media.find(id).orElseThrow().alt(), "nothing changed");

        Media own = newsroom.images.describe(amina, id, "  A fishing boat\nat dawn ", " Boats return.\r\nMore.",
                "Photo: Amina");
        assertEquals("A fishing boat at dawn", own.alt(), "one line, trimmed");
        assertEquals("Boats return.\nMore.", own.caption());
        Media edited = newsroom.images.describe(editor, id, "A fishing boat", "Boats return.", "Photo: Amina R.");
        assertEquals("Photo: Amina R.", edited.credit());
        assertTrue(library().find(editor, id).mayChange());
        assertFalse(library().find(kai, id).mayChange());
        assertTrue(library().find(amina, id).mayChange());

        var bad = assertThrows(Invalid.class, () -> newsroom.images.describe(editor, id, "x".repeat(301),
                "bell\u0007", "y".repeat(201)));
        assertEquals("Keep the alt text to 300 characters (it has 301).", bad.fieldErrors().get("alt"));
        assertEquals("The caption has an invisible control character: type it again.",
                bad.fieldErrors().get("caption"));
        assertEquals("Keep the credit to 200 characters (it has 201).", bad.fieldErrors().get("credit"));
        assertThrows(NotFound.class, () -> newsroom.images.describe(editor, 999_999, "x", "", ""));

        // an image nobody is recorded as uploading (the demo's, older ones) is the editors'
        long site = newsroom.media.store(new MediaService.Upload(jpeg(300, 200), "site.jpg", "", "", "")).id();
        assertThrows(Forbidden.class, () -> library().delete(amina, site));
        library().delete(editor, site);
        library().delete(amina, id);
        assertTrue(newsroom.media.find(id).isEmpty());
        assertEquals(List.of(), filesOnDisk());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anImageInUseIsNotDeletedAndTheRefusalListsWhatShowsIt(TestDatabases db) {
        open(db);
        Actor editor = person(Role.EDITOR);
        LibraryItem photo = library().upload(editor, List.of(file("quay.jpg", jpeg(1000, 600)))).stored().getFirst();
        Media media = photo.media();
        long authorId = editor.authorId();
        Section section = newsroom.taxonomy.saveSection(new Section(0, "", "Port", "", null, 1));
        Article lead = newsroom.articles.save(new ArticleDraft(0, "Quay reopens", "", "", "Text.", "", media.id(),
                ArticleStatus.PUBLISHED, section.id(), List.of(authorId), List.of(), null));
        Article draft = newsroom.articles.save(new ArticleDraft(0, "Quay draft", "", "", "Before.\n\n![The quay]("
                + media.url() + ")\n\nAfter.", "", null, ArticleStatus.DRAFT, section.id(), List.of(authorId),
                List.of(), null));

        var refused = assertThrows(MediaLibrary.InUse.class, () -> library().delete(editor, media.id()));
        assertEquals("This image is shown by 2 articles. Take it out of them first, then delete it.",
                refused.getMessage());
        assertEquals(List.of("Quay draft", "Quay reopens"),
                refused.uses().articles().stream().map(MediaUses.Use::title).toList(), "newest first, any status");
        assertEquals(List.of("draft", "published"),
                refused.uses().articles().stream().map(MediaUses.Use::status).toList());
        assertTrue(newsroom.media.find(media.id()).isPresent(), "still there");
        assertEquals(filesOf(media).stream().sorted().toList(), filesOnDisk(), "files untouched");
        // who may not open everyone's stories reads only the published ones' headlines; the rest still count
        Actor contributor = person(Role.CONTRIBUTOR);
        MediaUses seen = library().find(contributor, media.id()).uses();
        assertEquals(List.of("Quay reopens"), seen.articles().stream().map(MediaUses.Use::title).toList());
        assertEquals(2, seen.articleCount());
        assertEquals(2, library().find(editor, media.id()).uses().articles().size());
        assertTrue(library().list(editor, new MediaLibrary.Query("", "", null, 1, 10, ZoneId.of("UTC"))).items()
                .getFirst().inUse());

        newsroom.articles.save(new ArticleDraft(lead.id(), lead.title(), "", lead.slug(), "Text.", "", null,
                ArticleStatus.PUBLISHED, section.id(), List.of(authorId), List.of(), null, lead.version()));
        newsroom.articles.save(new ArticleDraft(draft.id(), draft.title(), "", draft.slug(), "No picture now.", "",
                null, ArticleStatus.DRAFT, section.id(), List.of(authorId), List.of(), null, draft.version()));
        Media deleted = library().delete(editor, media.id());
        assertEquals(media.id(), deleted.id());
        assertTrue(newsroom.media.find(media.id()).isEmpty());
        assertEquals(List.of(), filesOnDisk(), "the original and every scaled copy are gone");
        Change change = newsroom.lastChange();
        assertEquals("media.deleted", change.kind());
        assertTrue(change.keys().containsAll(List.of("media:" + media.id(), "caption:" + media.id())));
        assertEquals(List.of(new Change.Entity(Change.Entity.MEDIA, media.id(), true, false)), change.entities());
        assertThrows(NotFound.class, () -> library().delete(editor, media.id()));
    }

    /**
     * Two writers on PostgreSQL: an article save adding the image (its article_media row inserted, not yet
     * committed) and a delete. The delete's row lock waits for the save; once the save commits, the delete sees
     * the new use and is refused, instead of cascading the fresh use away.
     */
    @org.junit.jupiter.api.Test
    void aDeleteWaitsForASaveAddingTheImageAndIsRefused() throws Exception {
        open(TestDatabases.POSTGRES);
        Actor editor = person(Role.EDITOR);
        Media photo = library().upload(editor, List.of(file("race.jpg", jpeg(500, 300)))).stored().getFirst().media();
        Section section = newsroom.taxonomy.saveSection(new Section(0, "", "Race", "", null, 1));
        Article article = newsroom.articles.save(new ArticleDraft(0, "Racing the delete", "", "", "Text.", "", null,
                ArticleStatus.DRAFT, section.id(), List.of(editor.authorId()), List.of(), null));
        var jdbi = newsroom.database.jdbi();
        java.util.concurrent.CompletableFuture<String> deleting;
        try (var saving = jdbi.open()) {
            saving.begin();
            saving.execute("INSERT INTO article_media (article_id, media_id) VALUES (?, ?)", article.id(), photo.id());
            deleting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    library().delete(editor, photo.id());
                    return "deleted";
                } catch (MediaLibrary.InUse refused) {
                    return refused.getMessage();
                }
            });
            dev.byline.support.PostgresLocks.awaitALockWait(jdbi, "the delete");
            assertFalse(deleting.isDone(), "the delete waits for the save");
            saving.commit();
        }
        assertEquals("This image is shown by 1 article. Take it out of them first, then delete it.",
                deleting.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(newsroom.media.find(photo.id()).isPresent());
        assertEquals(filesOf(photo).stream().sorted().toList(), filesOnDisk());
        assertEquals(List.of(article.id()), jdbi.withHandle(handle -> handle.createQuery(
                "SELECT article_id FROM article_media WHERE media_id = :id").bind("id", photo.id())
                .mapTo(Long.class).list()), "the save's use stands");
    }


    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplacedImagesOldFilesGoWithIt(TestDatabases db) {
        open(db);
        Actor editor = person(Role.EDITOR);
        Media first = library().upload(editor, List.of(file("map.png", TestImages.encode(TestImages.quarters(500,
                300), "png")))).stored().getFirst().media();
        Media replaced = newsroom.images.replace(first.id(), new MediaService.Upload(jpeg(700, 500), "map v2.jpg", "",
                "", ""));
        assertTrue(filesOnDisk().containsAll(filesOf(first)), "the old files stay for caches while it lives");
        library().delete(editor, replaced.id());
        assertEquals(List.of(), filesOnDisk());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void searchFiltersMonthsAndPages(TestDatabases db) {
        open(db);
        Actor editor = person(Role.EDITOR);
        ZoneId kabul = ZoneId.of("Asia/Kabul"); // +04:30: 2026-01-31 20:00 UTC is already February there
        clock.set(Instant.parse("2026-01-10T09:00:00Z"));
        long harbour = upload(editor, "IMG_2034.JPG", jpeg(400, 300));
        newsroom.images.describe(editor, harbour, "Fishing boats in the harbour", "Dawn at the quay", "Amina Rahimi");
        clock.set(Instant.parse("2026-01-31T20:00:00Z"));
        long chart = upload(editor, "budget_chart 100%.png", TestImages.encode(TestImages.quarters(300, 200), "png"));
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        long portrait = upload(editor, "portrait.jpg", jpeg(300, 400));
        newsroom.images.describe(editor, portrait, "The mayor", "", "Reuters");

        assertEquals(List.of(portrait, chart, harbour), ids(editor, "", "", null, 1, 10), "newest first");
        assertEquals(List.of(harbour), ids(editor, "FISHING", "", null, 1, 10), "alt text, any case");
        assertEquals(List.of(harbour), ids(editor, "quay", "", null, 1, 10), "caption");
        assertEquals(List.of(portrait), ids(editor, "reuters", "", null, 1, 10), "credit");
        assertEquals(List.of(harbour), ids(editor, "img_2034", "", null, 1, 10), "the uploaded file's name");
        assertEquals(List.of(chart), ids(editor, "100%", "", null, 1, 10), "% is a character, not a wildcard");
        assertEquals(List.of(chart, harbour), ids(editor, "_", "", null, 1, 10), "_ is a character too");
        assertEquals(List.of(chart), ids(editor, "", "png", null, 1, 10));
        assertEquals(List.of(portrait, harbour), ids(editor, "", "jpeg", null, 1, 10));
        assertEquals(List.of(harbour), ids(editor, "", "jpeg", YearMonth.of(2026, 1), 1, 10));

        var byMonth = new MediaLibrary.Query("", "", YearMonth.of(2026, 2), 1, 10, kabul);
        assertEquals(List.of(chart), library().list(editor, byMonth).items().stream()
                .map(item -> item.media().id()).toList(), "months are the newsroom's");
        assertEquals(List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 2), YearMonth.of(2026, 1)),
                library().months(editor, kabul));
        assertEquals(List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 1)), library().months(editor, ZoneId.of("UTC")));

        MediaLibrary.Listing first = library().list(editor, new MediaLibrary.Query("", "", null, 1, 2, kabul));
        assertTrue(first.hasNext());
        MediaLibrary.Listing second = library().list(editor, new MediaLibrary.Query("", "", null, 2, 2, kabul));
        assertFalse(second.hasNext());
        assertEquals(List.of(harbour), second.items().stream().map(item -> item.media().id()).toList());

        var badType = assertThrows(Invalid.class, () -> library().list(editor, new MediaLibrary.Query("", "tiff",
                null, 1, 10, kabul)));
        assertEquals("Choose JPEG or PNG: uploads are stored as one or the other.", badType.fieldErrors().get("type"));
    }

    private long upload(Actor actor, String name, byte[] bytes) {
        return library().upload(actor, List.of(file(name, bytes))).stored().getFirst().media().id();
    }

    private List<Long> ids(Actor actor, String text, String type, YearMonth month, int page, int perPage) {
        return library().list(actor, new MediaLibrary.Query(text, type, month, page, perPage, ZoneId.of("UTC")))
                .items().stream().map(item -> item.media().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRemovedOrReplacedAvatarIsDeletedUnlessSomethingElseShowsIt(TestDatabases db) {
        open(db);
        Actor writer = person(Role.CONTRIBUTOR);
        var profiles = newsroom.accounts.profiles();
        Media first = profiles.uploadAvatar(writer, jpeg(600, 600), "me.jpg").avatar();
        assertEquals(filesOf(first).stream().sorted().toList(), filesOnDisk());
        assertEquals(writer.userId(), library().find(writer, first.id()).item().uploadedBy(), "their own upload");

        Media second = profiles.uploadAvatar(writer, jpeg(500, 500), "me-2024.jpg").avatar();
        assertTrue(newsroom.media.find(first.id()).isEmpty(), "the replaced picture is gone");
        assertEquals(filesOf(second).stream().sorted().toList(), filesOnDisk(), "and its files");

        // a picture an editor also used in an article stays when its author takes it off their profile
        Actor editor = person(Role.EDITOR);
        Section section = newsroom.taxonomy.saveSection(new Section(0, "", "Staff", "", null, 1));
        newsroom.articles.save(new ArticleDraft(0, "Meet the team", "", "", "Hello.", "", second.id(),
                ArticleStatus.DRAFT, section.id(), List.of(writer.authorId()), List.of(), null));
        profiles.removeAvatar(writer);
        assertTrue(newsroom.media.find(second.id()).isPresent(), "shown by an article: kept");
        assertEquals(filesOf(second).stream().sorted().toList(), filesOnDisk());
        assertTrue(library().find(editor, second.id()).uses().articleCount() == 1);

        Media third = profiles.uploadAvatar(writer, jpeg(400, 400), "again.jpg").avatar();
        profiles.removeAvatar(writer);
        assertTrue(newsroom.media.find(third.id()).isEmpty(), "removed, used nowhere else: deleted");
        assertFalse(filesOnDisk().contains(third.path()));
        assertNull(newsroom.authors.find(writer.authorId()).orElseThrow().avatarMediaId());
    }
}
