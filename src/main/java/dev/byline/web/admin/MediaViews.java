package dev.byline.web.admin;

import dev.byline.web.admin.AdminViews.Chrome;
import dev.byline.web.admin.AdminViews.Form;
import dev.byline.web.admin.PeopleViews.Option;
import java.util.List;

/** The records the media library's templates take. */
public final class MediaViews {

    private MediaViews() {
    }

    /**
     * One image as the grid and the list show it.
     *
     * @param editUrl  its page in the admin (details, uses, delete)
     * @param thumbUrl the small copy; {@code thumbSrcset} adds the next size for sharp screens
     */
    public record Tile(long id, String editUrl, String thumbUrl, String thumbSrcset, String name, String alt,
                       String caption, String credit, String type, String dimensions, String uploadedBy, String date,
                       String dateIso, boolean inUse) {

        public boolean noAlt() {
            return alt.isEmpty();
        }
    }

    /** A file of the last upload: stored (with its page) or refused (with why). */
    public record UploadLine(String name, String message, String editUrl) {
    }

    /** What a form upload (without JavaScript) did, when something was refused; null otherwise. */
    public record UploadResult(List<UploadLine> stored, List<UploadLine> refused, String problem) {
    }

    /**
     * /admin/media.
     *
     * @param filter   what was asked for (q, type, month) and what was wrong with it
     * @param view     "grid" or "list"
     * @param otherViewUrl the same page in the other view
     * @param accept   the file input's accept attribute
     * @param count    what the page holds, in words: "3 images", "Page 2: 48 images"
     */
    public record LibraryPage(Chrome chrome, Form filter, List<Option> types, List<Option> months, String view,
                              String otherViewUrl, List<Tile> items, int page, String previousUrl, String nextUrl,
                              boolean mayUpload, UploadResult upload, String limits, String accept,
                              String scriptUrl, boolean filtered, String count, long maxFileBytes) {

        public boolean grid() {
            return view.equals("grid");
        }
    }

    /** An article (or profile, or the logo) that shows the image; {@code url} null when there is no page for it. */
    public record UseLine(String title, String detail, String url) {
    }

    /** A size the image is stored at, with its address. */
    public record Size(String label, String url) {
    }

    /**
     * /admin/media/{id}: the image, its details form (or the details, for whoever may not change them), what
     * shows it, and deleting it.
     *
     * @param problem why a delete was refused (409), or null
     */
    public record ItemPage(Chrome chrome, Tile item, String previewUrl, String previewSrcset, List<Size> sizes,
                           Form details, boolean mayChange, List<UseLine> uses, String usesSummary, long moreArticles,
                           String problem) {
    }
}
