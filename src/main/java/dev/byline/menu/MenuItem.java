package dev.byline.menu;

import java.util.Locale;
import java.util.Optional;

/**
 * One link of a menu, as stored, with what it points to.
 *
 * @param parentId      the top-level item it is nested under, or null
 * @param sectionId     a section item's section
 * @param articleId     a page item's page, or null once the page was deleted
 * @param url           a link item's address: a path on this site (/about/) or an http(s) or mailto address
 * @param label         the text shown; for a section or page item empty means its name (it follows renames)
 * @param page          a page item's page as it is now, or null
 */
public record MenuItem(long id, Menu.Name menu, Long parentId, int position, Kind kind, Long sectionId,
                       Long articleId, String url, String label, PageTarget page) {

    public enum Kind {
        SECTION, PAGE, LINK;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String key) {
            for (Kind kind : values()) {
                if (kind.key().equals(key)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A page as a menu shows it: its title and slug, and whether readers may see it. */
    public record PageTarget(String title, String slug, boolean published) {
    }

    public boolean isNested() {
        return parentId != null;
    }

    MenuItem placedWithId(long newId) {
        return new MenuItem(newId, menu, parentId, position, kind, sectionId, articleId, url, label, page);
    }

    MenuItem placed(Long newParentId, int newPosition) {
        return new MenuItem(id, menu, newParentId, newPosition, kind, sectionId, articleId, url, label, page);
    }
}
