package dev.byline.people;

/**
 * Someone whose name stands on articles.
 *
 * @param avatarMediaId the avatar image, or null when the author has none
 */
public record Author(long id, String slug, String displayName, String bio, Long avatarMediaId) {
}
