package dev.byline.taxonomy;

import dev.byline.change.Change;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.db.Constraints;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The writes to a tag, inside the caller's change-feed transaction, with the exact page keys:
 *
 * <pre>
 * write                 announces
 * rename (name, slug)   tag:ID (the articles showing it, its archive, whose old address now redirects)
 * merge A into B        tag:A (the articles that showed A now show B; A's archive redirects to B's), and
 *                       list:tag:B at the place of the newest published article B gains (the others are lower:
 *                       a page of B's archive reading down past it changes, one ending above it does not)
 * delete                tag:ID (the articles lose it; its archive is gone)
 * </pre>
 *
 * No teaser shows tags, so no list of cards changes. A merge or delete locks the tag first
 * ({@link TaxonomyStore#lockTag}): an article save linking it at that moment finishes first (and its link is
 * merged or deleted with the others), or waits and then finds the tag it merged into.
 */
final class TagWriter {

    static final int NAME_MAX = 80;
    static final int SLUG_MAX = 60;

    private final TaxonomyStore store;

    TagWriter(TaxonomyStore store) {
        this.store = store;
    }

    Written<Tag> rename(Handle handle, Tag input) {
        String name = input.name() == null ? "" : input.name().strip();
        String typedSlug = input.slug() == null ? "" : input.slug().strip();
        String slug = typedSlug.isEmpty() ? Slugs.slugify(name, SLUG_MAX) : typedSlug;
        var errors = new LinkedHashMap<String, String>();
        if (name.isEmpty()) {
            errors.put("name", "A tag needs a name.");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Keep the name under " + NAME_MAX + " characters (it has " + name.length() + ").");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "The name has a control character in it; type it again.");
        }
        if (!typedSlug.isEmpty() && !Slugs.isSlug(slug, SLUG_MAX)) {
            errors.put("slug", "Use lower-case letters, digits and hyphens, at most " + SLUG_MAX
                    + " characters, e.g. climate.");
        } else if (slug.isEmpty() && !name.isEmpty()) {
            errors.put("slug", "The name has no letters or digits to make an address of: type a slug.");
        }
        String description = input.description() == null ? "" : input.description().strip();
        if (description.length() > 500) {
            errors.put("description", "Keep the description under 500 characters.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (!store.lockTag(handle, input.id())) {
            throw new NotFound("There is no tag " + input.id() + "; it may have been merged or deleted.");
        }
        Tag before = store.findTag(handle, input.id()).orElseThrow();
        if (store.tagSlugTaken(handle, slug, input.id())) {
            throw new Invalid(Map.of("slug", "Another tag already uses the slug “" + slug + "”."));
        }
        var tag = new Tag(input.id(), slug, name, description);
        try {
            store.updateTag(handle, tag);
        } catch (UnableToExecuteStatementException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Invalid(Map.of("slug", "Another tag already uses the slug “" + slug + "”."));
            }
            throw e;
        }
        store.forgetTagSlug(handle, slug);
        if (!before.slug().equals(slug)) {
            store.rememberTagSlug(handle, before.slug(), tag.id());
        }
        Set<String> keys = before.equals(tag) ? Set.of() : Set.of(Keys.tag(tag.id()));
        return Written.of(tag, keys, List.of(Change.Entity.shown(Change.Entity.TAG, tag.id(), false)));
    }

    /** Merges {@code fromId} into {@code intoId}; the answer is the tag that remains. */
    Written<Tag> merge(Handle handle, long fromId, long intoId) {
        if (fromId == intoId) {
            throw new Invalid(Map.of("into", "Choose another tag to merge this one into."));
        }
        // both locked, lower id first: two merges of the same pair, either way round, take turns
        for (long id : fromId < intoId ? List.of(fromId, intoId) : List.of(intoId, fromId)) {
            if (!store.lockTag(handle, id)) {
                throw id == fromId ? new NotFound("There is no tag " + fromId + "; it may have been merged or "
                        + "deleted.") : new Invalid(Map.of("into", "That tag was merged or deleted a moment ago."));
            }
        }
        Tag from = store.findTag(handle, fromId).orElseThrow();
        Tag into = store.findTag(handle, intoId).orElseThrow();
        var keys = new LinkedHashSet<String>();
        keys.add(Keys.tag(from.id()));
        store.newestGained(handle, from.id(), into.id())
                .ifPresent(newest -> keys.add(Keys.listAt(Keys.tagList(into.id()), newest)));
        store.mergeTag(handle, from, into.id());
        return Written.of(into, keys, List.of(new Change.Entity(Change.Entity.TAG, from.id(), true, false),
                Change.Entity.shown(Change.Entity.TAG, into.id(), false)));
    }

    Written<Tag> delete(Handle handle, long id) {
        if (!store.lockTag(handle, id)) {
            throw new NotFound("There is no tag " + id + "; it may have been merged or deleted already.");
        }
        Tag tag = store.findTag(handle, id).orElseThrow();
        store.deleteTag(handle, id);
        return Written.of(tag, Set.of(Keys.tag(id)), List.of(new Change.Entity(Change.Entity.TAG, id, true, false)));
    }
}
