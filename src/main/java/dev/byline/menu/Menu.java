package dev.byline.menu;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A menu as stored: its items in order (top-level items by position, each followed by its children), the version
 * every change raises, and whether the editors customised it (a header never customised shows the top-level
 * sections).
 */
public record Menu(Name name, long version, boolean customised, List<MenuItem> items) {

    public Menu {
        items = List.copyOf(items);
    }

    /** The two menus: on every page, above and below. */
    public enum Name {
        HEADER(1, "header menu"), FOOTER(2, "footer menu");

        /** The id the change feed's {@code menu} entity carries. */
        public final long entityId;
        public final String label;

        Name(long entityId, String label) {
            this.entityId = entityId;
            this.label = label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Name> parse(String key) {
            for (Name name : values()) {
                if (name.key().equals(key)) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        }
    }

    public List<MenuItem> topLevel() {
        return items.stream().filter(item -> !item.isNested()).toList();
    }

    public List<MenuItem> children(long parentId) {
        return items.stream().filter(item -> Objects.equals(item.parentId(), parentId)).toList();
    }

    public Optional<MenuItem> item(long id) {
        return items.stream().filter(item -> item.id() == id).findFirst();
    }
}
