package dev.byline.taxonomy;

import dev.byline.change.Keys;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Sections (nested, unique slugs, no cycles) and tags (found or created by name). */
public final class TaxonomyService {

    private final TaxonomyStore store;
    private final ChangeFeed changes;

    public TaxonomyService(TaxonomyStore store, ChangeFeed changes) {
        this.store = store;
        this.changes = changes;
    }

    public Section saveSection(Section input) {
        String name = input.name().strip();
        String slug = input.slug().isBlank() ? Slugs.slugify(name, 60) : input.slug().strip();
        if (name.isEmpty()) {
            throw new Invalid(Map.of("name", "A section needs a name."));
        }
        if (!Slugs.isSlug(slug, 60)) {
            throw new Invalid(Map.of("slug", "Use lower-case letters, digits and hyphens, e.g. world-news."));
        }
        if (input.parentId() != null && input.id() != 0 && ancestorsAndSelf(input.parentId()).stream()
                .anyMatch(section -> section.id() == input.id())) {
            throw new Invalid(Map.of("parentId", "A section cannot sit inside itself."));
        }
        long id = changes.write("section.saved", handle -> {
            if (store.sectionSlugTaken(handle, slug, input.id())) {
                throw new Invalid(Map.of("slug", "Another section already uses the slug '" + slug + "'."));
            }
            var section = new Section(input.id(), slug, name, input.description().strip(), input.parentId(),
                    input.position());
            Optional<Section> before = input.id() == 0 ? Optional.empty() : store.findSection(handle, input.id());
            if (input.id() != 0 && before.isEmpty()) {
                throw new Invalid(Map.of("id", "This section was deleted while you were editing it."));
            }
            long saved = input.id();
            if (saved == 0) {
                saved = store.insertSection(handle, section);
            } else {
                store.updateSection(handle, section);
            }
            var keys = new LinkedHashSet<String>(List.of(Keys.section(saved), Keys.sectionList(saved)));
            // the menu shows top-level sections: it changes when one is added, renamed, moved or reordered
            boolean inMenuBefore = before.map(Section::isTopLevel).orElse(false);
            if (section.isTopLevel() || inMenuBefore) {
                keys.add(Keys.NAV);
            }
            if (before.isPresent() && !java.util.Objects.equals(before.get().parentId(), section.parentId())) {
                // its articles now belong to other parents' lists
                ancestorsAndSelf(before.get().parentId() == null ? -1 : before.get().parentId())
                        .forEach(parent -> keys.add(Keys.sectionList(parent.id())));
                if (section.parentId() != null) {
                    ancestorsAndSelf(section.parentId()).forEach(parent -> keys.add(Keys.sectionList(parent.id())));
                }
            }
            return Written.of(saved, keys, List.of(Change.Entity.shown(Change.Entity.SECTION, saved, before.isEmpty())));
        });
        return findSection(id).orElseThrow();
    }

    /** The tag with this name's slug, created when new. */
    public Tag tag(String name) {
        String slug = tagSlug(name);
        return store.findTagBySlug(slug).orElseGet(() -> changes.write("tag.created", handle -> {
            Found found = findOrCreateTag(handle, name);
            return Written.of(found.tag(), Set.of(Keys.tag(found.tag().id())),
                    List.of(Change.Entity.shown(Change.Entity.TAG, found.tag().id(), true)));
        }));
    }

    /** A tag found or created inside the caller's transaction; {@code created} when this call made it. */
    public record Found(Tag tag, boolean created) {
    }

    /**
     * The tags with these names, in order and without repeats, created inside the caller's transaction when new:
     * an article and the tags it introduces commit together or not at all.
     */
    public List<Found> findOrCreateTags(Handle handle, List<String> names) {
        var found = new java.util.LinkedHashMap<String, Found>();
        for (String name : names) {
            if (!name.isBlank()) {
                String slug = tagSlug(name);
                if (!found.containsKey(slug)) {
                    found.put(slug, findOrCreateTag(handle, name));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Throws {@link Invalid} for a tag name with nothing to make a slug of. */
    public static String tagSlug(String name) {
        String slug = Slugs.slugify(name.strip(), 60);
        if (slug.isEmpty()) {
            throw new Invalid(Map.of("tags", "A tag needs letters or digits: '" + name + "'."));
        }
        return slug;
    }

    private Found findOrCreateTag(Handle handle, String name) {
        String slug = tagSlug(name);
        boolean created = store.insertTagIfAbsent(handle, new Tag(0, slug, name.strip(), ""));
        return new Found(store.findTagBySlug(handle, slug).orElseThrow(), created);
    }

    /** Renames a tag or changes its slug or description; the archive and every article showing it change. */
    public Tag saveTag(Tag input) {
        String name = input.name().strip();
        String slug = input.slug().isBlank() ? Slugs.slugify(name, 60) : input.slug().strip();
        if (name.isEmpty()) {
            throw new Invalid(Map.of("name", "A tag needs a name."));
        }
        if (!Slugs.isSlug(slug, 60)) {
            throw new Invalid(Map.of("slug", "Use lower-case letters, digits and hyphens, e.g. climate."));
        }
        return changes.write("tag.saved", handle -> {
            if (store.findTag(handle, input.id()).isEmpty()) {
                throw new NotFound("There is no tag " + input.id() + ".");
            }
            if (store.tagSlugTaken(handle, slug, input.id())) {
                throw new Invalid(Map.of("slug", "Another tag already uses the slug '" + slug + "'."));
            }
            var tag = new Tag(input.id(), slug, name, input.description().strip());
            store.updateTag(handle, tag);
            return Written.of(tag, Set.of(Keys.tag(tag.id()), Keys.tagList(tag.id())),
                    List.of(Change.Entity.shown(Change.Entity.TAG, tag.id(), false)));
        });
    }

    public List<Section> sections() {
        return store.allSections();
    }

    public Optional<Section> findSection(long id) {
        return sections().stream().filter(section -> section.id() == id).findFirst();
    }

    public Optional<Section> findSectionBySlug(String slug) {
        return sections().stream().filter(section -> section.slug().equals(slug)).findFirst();
    }

    public Optional<Tag> findTagBySlug(String slug) {
        return store.findTagBySlug(slug);
    }

    public List<Tag> tags(Collection<Long> ids) {
        return store.findTags(ids);
    }

    /** The section and its parents, outermost first: World › Asia. */
    public List<Section> ancestorsAndSelf(long sectionId) {
        return ancestorsAndSelf(sections(), sectionId);
    }

    public static List<Section> ancestorsAndSelf(List<Section> all, long sectionId) {
        var chain = new ArrayList<Section>();
        Long current = sectionId;
        while (current != null && chain.size() < 32) {
            long id = current;
            var section = all.stream().filter(candidate -> candidate.id() == id).findFirst();
            if (section.isEmpty()) {
                break;
            }
            chain.addFirst(section.get());
            current = section.get().parentId();
        }
        return chain;
    }

    /** The section and every section nested under it, at any depth. */
    public static List<Long> selfAndDescendants(List<Section> all, long sectionId) {
        var ids = new ArrayList<Long>();
        ids.add(sectionId);
        for (int i = 0; i < ids.size() && ids.size() <= all.size(); i++) {
            long parent = ids.get(i);
            all.stream().filter(section -> section.parentId() != null && section.parentId() == parent)
                    .forEach(section -> ids.add(section.id()));
        }
        return ids;
    }
}
