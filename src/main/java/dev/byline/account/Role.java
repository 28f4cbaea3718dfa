package dev.byline.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a newsroom account may do, with WordPress's four roles and their meaning. Each role holds a fixed set of
 * {@link Capability capabilities}; {@link Policy} decides with them, and the services ask {@link Policy}, so a
 * page that hides a button is never the only thing standing in the way.
 */
public enum Role {
    /** Everything: people, settings, the activity log, and all an editor may do. */
    ADMINISTRATOR(EnumSet.allOf(Capability.class)),
    /** Every article, comment, section and tag; not people or settings. */
    EDITOR(EnumSet.of(Capability.WRITE_ARTICLES, Capability.PUBLISH_OWN_ARTICLES, Capability.EDIT_OTHERS_ARTICLES,
            Capability.UPLOAD_MEDIA, Capability.MODERATE_COMMENTS, Capability.MANAGE_TAXONOMY)),
    /** Their own articles, which they may publish, and media uploads. */
    AUTHOR(EnumSet.of(Capability.WRITE_ARTICLES, Capability.PUBLISH_OWN_ARTICLES, Capability.UPLOAD_MEDIA)),
    /** Their own drafts, submitted for review; no publishing, no uploads. */
    CONTRIBUTOR(EnumSet.of(Capability.WRITE_ARTICLES));

    private final Set<Capability> capabilities;

    Role(Set<Capability> capabilities) {
        this.capabilities = Set.copyOf(capabilities);
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The name stored and shown: administrator, editor, author, contributor. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String key) {
        return key == null ? Optional.empty() : Arrays.stream(values())
                .filter(role -> role.key().equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The role names, for messages: "administrator, editor, author or contributor". */
    public static String names() {
        return "administrator, editor, author or contributor";
    }
}
