package dev.byline.web.admin;

import dev.byline.media.LibraryItem;
import dev.byline.media.Media;
import dev.byline.media.MediaTypes;
import java.time.ZoneId;
import java.util.stream.Collectors;

/** A library item as the pages show it ({@link MediaViews.Tile}) and as scripts get it ({@link AdminJson.Item}). */
final class MediaTiles {

    private MediaTiles() {
    }

    static MediaViews.Tile tile(LibraryItem item, ZoneId zone) {
        Media media = item.media();
        return new MediaViews.Tile(media.id(), MediaLibraryHandler.PATH + "/" + media.id(), media.thumbnailUrl(),
                thumbSrcset(media), item.displayName(), media.alt(), media.caption(), media.credit(),
                item.typeLabel(), media.width() + " × " + media.height(),
                item.uploaderName() == null ? "" : item.uploaderName(),
                AdminDates.date(media.createdAt(), zone), AdminDates.iso(media.createdAt(), zone), item.inUse());
    }

    /** The two smallest copies: the grid's thumbnails are 200 CSS pixels at most, 400 on a sharp screen. */
    private static String thumbSrcset(Media media) {
        return media.variants().stream().limit(2).map(width -> media.url(width) + " " + width + "w")
                .collect(Collectors.joining(", "));
    }

    static AdminJson.Item json(LibraryItem item) {
        Media media = item.media();
        return json(media, item.displayName(), item.typeLabel());
    }

    static AdminJson.Item json(Media media, String fileName, String type) {
        return new AdminJson.Item(media.id(), media.url(), media.thumbnailUrl(), media.alt(), media.caption(),
                media.credit(), media.width(), media.height(), fileName, type);
    }

    static AdminJson.Item json(Media media) {
        return json(media, media.path().substring(media.path().lastIndexOf('/') + 1),
                MediaTypes.label(media.mimeType()));
    }
}
