package dev.byline.web.admin;

import dev.byline.error.Invalid;
import dev.byline.media.MediaLibrary;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;

/**
 * POST /admin/media (multipart, the CSRF token in the form or the X-CSRF-Token header): the files of the field
 * {@code files}, each stored or refused on its own by {@link MediaLibrary#upload}. A script asking for JSON (the
 * library's drag and drop, the editor) gets {@code {items, errors}}: 200 when anything was stored or nothing was
 * refused, 422 when every file was refused. A form post is sent back to the library when every file was stored,
 * and gets the library page with each refusal (422) otherwise.
 */
final class MediaUploadHandler {

    private final MediaLibrary library;
    private final Doors doors;
    private final MediaLibraryHandler libraryPage;

    MediaUploadHandler(MediaLibrary library, Doors doors, MediaLibraryHandler libraryPage) {
        this.library = library;
        this.doors = doors;
        this.libraryPage = libraryPage;
    }

    void upload(Context ctx, AdminRequest request) {
        boolean json = AdminErrors.wantsJson(ctx);
        // a file input left empty still sends a part, without a name or a byte
        List<MediaLibrary.Incoming> files = ctx.uploadedFiles("files").stream()
                .filter(file -> file.size() > 0 || (file.filename() != null && !file.filename().isEmpty()))
                .map(MediaUploadHandler::incoming).toList();
        MediaLibrary.Batch batch;
        try {
            batch = library.upload(request.actor(), files);
        } catch (Invalid invalid) {
            String message = String.join(" ", invalid.fieldErrors().values());
            if (json) {
                AdminJson.send(ctx, 422, new AdminJson.Uploaded(List.of(),
                        List.of(new AdminJson.FileError("", message))));
            } else {
                libraryPage.render(ctx, request, new MediaViews.UploadResult(List.of(), List.of(), message), 422);
            }
            return;
        }
        if (json) {
            int status = batch.stored().isEmpty() && !batch.refused().isEmpty() ? 422 : 200;
            AdminJson.send(ctx, status, new AdminJson.Uploaded(batch.stored().stream().map(MediaTiles::json).toList(),
                    batch.refused().stream().map(r -> new AdminJson.FileError(r.file(), r.message())).toList()));
            return;
        }
        if (batch.refused().isEmpty()) {
            int count = batch.stored().size();
            doors.flash(ctx, (count == 1 ? "1 image" : count + " images") + " uploaded. Add alt text to each: "
                    + "readers who cannot see an image hear it instead.");
            ctx.redirect(MediaLibraryHandler.PATH);
            return;
        }
        var stored = batch.stored().stream().map(item -> new MediaViews.UploadLine(item.displayName(),
                "Uploaded.", MediaLibraryHandler.PATH + "/" + item.media().id())).toList();
        var refused = batch.refused().stream().map(r -> new MediaViews.UploadLine(r.file(), r.message(), null))
                .toList();
        libraryPage.render(ctx, request, new MediaViews.UploadResult(stored, refused, null), 422);
    }

    private static MediaLibrary.Incoming incoming(UploadedFile file) {
        return new MediaLibrary.Incoming(file.filename(), file.size(), file::content);
    }
}
