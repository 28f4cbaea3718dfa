package dev.byline.media;

/**
 * An image as the media library lists it.
 *
 * @param fileName     the name the file had when it was uploaded ("" for images stored before names were kept)
 * @param uploadedBy   the account that uploaded it, or null (the site itself, the demo, before uploaders were kept)
 * @param uploaderName that account's name, or null
 * @param inUse        whether an article (of any status) shows it
 */
public record LibraryItem(Media media, String fileName, Long uploadedBy, String uploaderName, boolean inUse) {

    /** The name to show: the uploaded file's, else the stored file's. */
    public String displayName() {
        if (!fileName.isEmpty()) {
            return fileName;
        }
        return media.path().substring(media.path().lastIndexOf('/') + 1);
    }

    /** JPEG or PNG: what the image is stored and served as (uploads are re-encoded). */
    public String typeLabel() {
        return MediaTypes.label(media.mimeType());
    }
}
