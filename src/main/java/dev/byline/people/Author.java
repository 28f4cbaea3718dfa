package dev.byline.people;

import java.util.List;

/**
 * Someone whose name stands on articles.
 *
 * @param avatarMediaId the avatar image, or null when the author has none (readers see generated initials)
 * @param links         the author's own pages (website, social profiles): http(s) URLs, at most
 *                      {@value AuthorService#MAX_LINKS}
 */
public record Author(long id, String slug, String displayName, String bio, Long avatarMediaId, List<String> links) {

    public Author {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** An author without links. */
    public Author(long id, String slug, String displayName, String bio, Long avatarMediaId) {
        this(id, slug, displayName, bio, avatarMediaId, List.of());
    }

    public Author withAvatar(Long mediaId) {
        return new Author(id, slug, displayName, bio, mediaId, links);
    }
}
