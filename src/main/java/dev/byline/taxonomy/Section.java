package dev.byline.taxonomy;

/**
 * A section of the paper (a WordPress category). Sections nest: World › Asia.
 *
 * @param parentId the enclosing section, or null for a top-level one
 */
public record Section(long id, String slug, String name, String description, Long parentId, int position) {

    public boolean isTopLevel() {
        return parentId == null;
    }
}
